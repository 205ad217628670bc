"""Time and peak memory of `balekdusun load_regions` (all 91,599 regions) into a fresh SQLite and a fresh
PostgreSQL database, against a raw `executemany` of the same rows into the same table in the same run.

    .venv/bin/python bench/load_regions.py [--quick] [--postgres postgres://postgres@127.0.0.1:5432/postgres]

Each database is measured in its own child process (Django binds one database per process). Target: the
command takes under 3x the raw executemany time on SQLite.
"""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common  # noqa: E402


def worker(url: str, repeats: int) -> dict:
    os.environ["DATABASE_URL"] = url
    _common.setup_django("test")
    from io import StringIO

    from django.core.management import call_command
    from django.db import connection, transaction

    from balekdusun.regions import loader
    from balekdusun.regions.models import Area, AreaAlias

    call_command("migrate", verbosity=0)
    base, villages, postal = loader.read_lokal()
    rows = list(loader.area_rows(base, villages, postal))
    table = Area._meta.db_table
    insert = f"INSERT INTO {table} ({', '.join(loader.COLUMNS)}) VALUES ({', '.join(['%s'] * len(loader.COLUMNS))})"

    def clear():
        with transaction.atomic(), connection.cursor() as cur:
            cur.execute(f"DELETE FROM {AreaAlias._meta.db_table}")
            cur.execute(f"DELETE FROM {table}")

    raw_times, cmd_times, raw_mem, cmd_mem = [], [], [], []
    for _ in range(repeats):
        clear()
        with _common.peak_python_memory() as mem, _common.timer() as t:
            with transaction.atomic(), connection.cursor() as cur:
                cur.executemany(insert, rows)
        raw_times.append(t())
        raw_mem.append(mem())
        clear()
        with _common.timer() as t:
            call_command("load_regions", quiet=True, stdout=StringIO())
        cmd_times.append(t())
        clear()
        with _common.peak_python_memory() as mem:  # memory measured in a separate pass: tracemalloc slows code
            call_command("load_regions", quiet=True, stdout=StringIO())
        cmd_mem.append(mem())
    assert Area.objects.count() == len(rows) == 91599, Area.objects.count()
    # Re-running over a full table changes nothing (idempotency), and is timed too.
    with _common.timer() as t:
        out = StringIO()
        call_command("load_regions", quiet=True, stdout=out)
    assert "0 created, 0 updated" in out.getvalue(), out.getvalue()
    return {"rows": len(rows), "raw_s": sorted(raw_times)[len(raw_times) // 2],
            "cmd_s": sorted(cmd_times)[len(cmd_times) // 2], "rerun_s": t(),
            "raw_mb": max(raw_mem), "cmd_mb": max(cmd_mem), "vendor": connection.vendor}


def run_child(url: str, repeats: int) -> dict:
    out = subprocess.run([sys.executable, __file__, "--worker", url, "--repeats", str(repeats)],
                         capture_output=True, text=True, check=False)
    if out.returncode:
        raise SystemExit(f"worker for {url} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def postgres_url(admin_url: str) -> str | None:
    import psycopg

    try:
        with psycopg.connect(admin_url, autocommit=True, connect_timeout=3) as conn:
            conn.execute("DROP DATABASE IF EXISTS bench_regions")
            conn.execute("CREATE DATABASE bench_regions")
    except psycopg.OperationalError as exc:
        print(f"PostgreSQL not available ({exc.__class__.__name__}); skipping it.")
        return None
    return admin_url.rsplit("/", 1)[0] + "/bench_regions"


def main():
    p = _common.parser(__doc__.split("\n")[0])
    p.add_argument("--postgres", default=os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres"))
    p.add_argument("--worker")
    p.add_argument("--repeats", type=int, default=3)
    args = p.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker, args.repeats)))
        return
    repeats = 1 if args.quick else args.repeats
    figures = []
    with tempfile.TemporaryDirectory() as tmp:
        results = {"sqlite": run_child(f"sqlite:///{tmp}/bench.sqlite3", repeats)}
    pg = postgres_url(args.postgres)
    if pg:
        results["postgresql"] = run_child(pg, repeats)
    for name, r in results.items():
        ratio_ok = r["cmd_s"] / r["raw_s"] < 3
        figures += [
            _common.figure(f"{name}: load_regions, all {r['rows']:,} regions", r["cmd_s"], "s", baseline=r["raw_s"],
                           target="< 3x raw executemany" if name == "sqlite" else "", ok=ratio_ok if name == "sqlite" else None),
            _common.figure(f"{name}: peak Python memory of load_regions", r["cmd_mb"], "MB", baseline=r["raw_mb"]),
            _common.figure(f"{name}: re-run over a full table (no changes)", r["rerun_s"], "s", baseline=r["raw_s"]),
        ]
    _common.report("load_regions", figures, repeats=repeats)


if __name__ == "__main__":
    main()
