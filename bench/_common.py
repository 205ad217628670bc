"""Shared pieces of the benchmarks: machine facts, timing, peak memory, the results table and JSON file.

Every benchmark compares against a baseline measured in the same run (raw executemany, an empty request on the
same server), because these machines are noisy; `ratio` is value / baseline.
"""

import argparse
import json
import os
import platform
import resource
import sys
import time
import tracemalloc
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

RESULTS = Path(__file__).parent / "results"
ROOT = Path(__file__).resolve().parent.parent


def _run_keys() -> dict:
    """Keys made for this run: a production server refuses the demo keys published in the code, and the benchmark
    process and the servers it starts must share them (sealed text written by one is read by the other)."""
    import base64
    import secrets

    return {"SECRET_KEY": secrets.token_urlsafe(50),
            "FIELD_ENCRYPTION_KEYS": base64.urlsafe_b64encode(secrets.token_bytes(32)).decode()}


RUN_KEYS = _run_keys()


def setup_django(mode: str = "test") -> None:
    """Configure Django for a benchmark script (no SECRET_KEY needed; DATABASE_URL is honoured)."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "balekdusun.settings")
    os.environ.setdefault("BALEKDUSUN_MODE", mode)
    if os.environ["BALEKDUSUN_MODE"] == "production":
        for name, value in RUN_KEYS.items():
            os.environ.setdefault(name, value)
    import django

    django.setup()


def parser(description: str) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=description)
    p.add_argument("--quick", action="store_true", help="A smaller run for CI and laptops.")
    return p


def machine() -> dict:
    return {
        "hostname": platform.node(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "memory_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
        "at": datetime.now(UTC).isoformat(timespec="seconds"),
    }


@contextmanager
def timer():
    """with timer() as t: ...; t() -> seconds elapsed."""
    start = time.perf_counter()
    result = {"elapsed": None}
    yield lambda: result["elapsed"] if result["elapsed"] is not None else time.perf_counter() - start
    result["elapsed"] = time.perf_counter() - start


@contextmanager
def peak_python_memory():
    """Peak memory allocated by Python code inside the block, in MB (tracemalloc; slows the block down)."""
    tracemalloc.start()
    out = {"mb": None}
    try:
        yield lambda: out["mb"]
    finally:
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        out["mb"] = peak / 2**20


def max_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident set size of this process (or RUSAGE_CHILDREN) so far, in MB."""
    return resource.getrusage(who).ru_maxrss / 1024


def figure(metric: str, value: float, unit: str, *, baseline: float | None = None, target: str = "",
           ok: bool | None = None) -> dict:
    ratio = round(value / baseline, 3) if baseline else None
    return {"metric": metric, "value": round(value, 4), "unit": unit, "baseline": baseline and round(baseline, 4),
            "ratio": ratio, "target": target, "met": ok}


def report(name: str, figures: list[dict], **extra) -> Path:
    """Print the figures as a table and write bench/results/<name>.json."""
    widths = (52, 12, 6, 12, 8, 24)
    head = ("metric", "value", "unit", "baseline", "ratio", "target")
    print(" ".join(h.ljust(w) for h, w in zip(head, widths, strict=True)))
    for f in figures:
        row = (f["metric"], f["value"], f["unit"], f["baseline"] if f["baseline"] is not None else "-",
               f["ratio"] if f["ratio"] is not None else "-",
               f"{f['target']}{'' if f.get('met') is None else (' ✓' if f['met'] else ' ✗')}")
        print(" ".join(str(v).ljust(w) for v, w in zip(row, widths, strict=True)))
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps({"name": name, "machine": machine(), "figures": figures, **extra}, indent=2,
                               ensure_ascii=False))
    print(f"→ {path.relative_to(ROOT)}")
    return path


# --- a production-like server for the HTTP benchmarks -------------------------------------------------------------

def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def production_env(database_url: str) -> dict:
    """The environment of a production server (DEBUG off) on `database_url`, for the server and setup children."""
    return {**os.environ, "DATABASE_URL": database_url, "BALEKDUSUN_MODE": "production", "DEBUG": "0",
            **{name: os.environ.get(name, value) for name, value in RUN_KEYS.items()},
            "SECURE_COOKIES": "0", "PYTHONPATH": str(ROOT)}


def wait_ready(port: int, *, seconds: float = 60) -> None:
    from http.client import HTTPConnection

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            conn = HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.1)
    raise SystemExit(f"the server on port {port} did not answer /healthz")


@contextmanager
def gunicorn(env: dict, *, workers: int = 2, worker_class: str = "sync", threads: int = 1, access_log=None,
             timeout: int = 300):
    """gunicorn as the README runs it (`--preload`), on a free port; yields (port, process)."""
    import subprocess

    port = free_port()
    cmd = [str(Path(sys.executable).parent / "gunicorn"), "balekdusun.wsgi", "-w", str(workers), "-k", worker_class,
           "--threads", str(threads), "-b", f"127.0.0.1:{port}", "--timeout", str(timeout), "--log-level", "warning",
           "--preload"]
    if access_log:
        # %(D)s: the time the worker spent on the request, in microseconds (the server time of a request).
        cmd += ["--access-logfile", str(access_log), "--access-logformat", '%(s)s %(D)s %(m)s %(U)s']
    server = subprocess.Popen(cmd, env=env, cwd=ROOT)
    try:
        wait_ready(port)
        yield port, server
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


@contextmanager
def postgres_database(admin_url: str, name: str):
    """A fresh PostgreSQL database `name` on the server of `admin_url`, dropped afterwards; yields its URL, or None
    when no PostgreSQL answers."""
    import psycopg

    try:
        admin = psycopg.connect(admin_url.replace("postgres://", "postgresql://"), autocommit=True)
    except psycopg.OperationalError as exc:
        print(f"PostgreSQL not reachable ({exc})")
        yield None
        return
    base = admin_url.rsplit("/", 1)[0]
    with admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield f"{base}/{name}"
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def pg_deadlocks(url: str) -> int:
    """pg_stat_database.deadlocks of the database of `url` (a backend reports its count by the time it exits)."""
    import psycopg

    with psycopg.connect(url.replace("postgres://", "postgresql://"), autocommit=True) as conn:
        conn.execute("SELECT pg_stat_clear_snapshot()")
        return conn.execute("SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()").fetchone()[0]


def percentile(values, q: float) -> float:
    """The q-th percentile (0-100) of `values`, nearest rank; 0 for none."""
    values = sorted(values)
    if not values:
        return 0.0
    import math

    rank = max(1, min(len(values), math.ceil(q / 100 * len(values))))
    return values[rank - 1]


def run_child(script: str, flag: str, env: dict, *args: str) -> dict:
    """Run `script flag args` in a child process with `env` (Django set up there) and read the JSON it prints last."""
    import subprocess

    out = subprocess.run([sys.executable, script, flag, *args], env=env, capture_output=True, text=True)
    if out.returncode:
        raise SystemExit(out.stderr[-3000:])
    return json.loads(out.stdout.strip().splitlines()[-1])
