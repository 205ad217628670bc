"""Weight and speed of the public portal, as a phone on a weak signal meets it.

    .venv/bin/python bench/portal_weight.py [--quick]

1. Compressed size (gzip -6, as a front proxy would send it) of every public page; target at most 30 KB each,
   without images (the portal has none).
2. Requests per second of the portal home page against an empty response of the same gunicorn server in the
   same run (an extra URL that returns b"" through the full middleware stack); target ratio at least 0.5, with the
   portal's page cache on. The home page without the page cache is measured too, for comparison.

The server runs in production mode (DEBUG off) on a throw-away SQLite database seeded with the demo data.
"""

import gzip
import http.client
import multiprocessing
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common  # noqa: E402

ROOT = _common.ROOT
EMPTY_PATH = "/__bench_empty"
LIMIT_BYTES = 30 * 1024


def wsgi_app():
    """gunicorn factory: the Balek Dusun WSGI app plus one empty URL, the baseline of the speed test."""
    from django.core.wsgi import get_wsgi_application
    from django.http import HttpResponse
    from django.urls import path

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "balekdusun.settings")
    application = get_wsgi_application()
    from balekdusun import urls

    urls.urlpatterns.insert(0, path(EMPTY_PATH.lstrip("/"), lambda request: HttpResponse(b"")))
    return application


def _env(tmp: Path, page_cache: bool) -> dict:
    from cryptography.fernet import Fernet

    env = dict(os.environ)
    env.update({
        "BALEKDUSUN_MODE": "production", "DEBUG": "0", "SECRET_KEY": secrets.token_urlsafe(40),
        "FIELD_ENCRYPTION_KEYS": Fernet.generate_key().decode(), "DATABASE_URL": f"sqlite:///{tmp / 'bench.sqlite3'}",
        "SECURE_COOKIES": "0", "STATIC_ROOT": str(tmp / "static"), "LOG_LEVEL": "ERROR",
        "PORTAL_PAGE_CACHE_SECONDS": "300" if page_cache else "0",
    })
    return env


def _seed(env: dict) -> dict:
    """Migrate and seed in a child process (Django binds its settings once per process)."""
    code = """
import django, json
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from balekdusun.core import demo as core_demo
from balekdusun.portal import demo as portal_demo
from balekdusun.materials.services import create_batch
from balekdusun.core.models import Office, User
from balekdusun.portal.models import Agency, JobOpening
# Offices as in the demo; no regions are needed for the public pages measured here.
ctx = {"offices": {spec["name"]: Office.objects.create(**spec) for spec in core_demo.OFFICES}}
portal_demo.seed(ctx)
office = ctx["offices"]["BP3MI Sumatera Selatan"]
user = User.objects.create(username="bench", role="coordinator", office=office)
sticker = create_batch(office=office, size=1, actor=user).stickers.get()
print(json.dumps({"office": office.pk, "sticker": sticker.code, "job": JobOpening.objects.public().first().pk,
                  "agency": Agency.objects.first().pk}))
"""
    out = subprocess.run([sys.executable, "-c", code], env={**env, "DJANGO_SETTINGS_MODULE": "balekdusun.settings"},
                         cwd=ROOT, capture_output=True, text=True)
    if out.returncode:
        raise SystemExit(f"seeding failed:\n{out.stderr[-3000:]}")
    import json

    return json.loads(out.stdout.strip().splitlines()[-1])


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start_server(env: dict, workers: int) -> tuple[subprocess.Popen, int]:
    port = _free_port()
    gunicorn = Path(sys.executable).with_name("gunicorn")
    proc = subprocess.Popen(
        [str(gunicorn), "--workers", str(workers), "--bind", f"127.0.0.1:{port}", "--log-level", "error",
         "--pythonpath", f"{ROOT / 'bench'},{ROOT}", "portal_weight:wsgi_app()"],
        env={**env, "DJANGO_SETTINGS_MODULE": "balekdusun.settings"}, cwd=ROOT)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            status, _body, _h = _get(port, EMPTY_PATH)
            if status == 200:
                return proc, port
        except OSError:
            time.sleep(0.2)
    proc.terminate()
    raise SystemExit("gunicorn did not start")


def _get(port: int, path: str, headers: dict | None = None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", path, headers=headers or {})
        resp = conn.getresponse()
        return resp.status, resp.read(), dict(resp.getheaders())
    finally:
        conn.close()


def _hammer(port: int, path: str, seconds: float, counter) -> None:
    # No cookies: like a first scan of the sticker, each request mints a CSRF cookie for the language switch.
    end = time.monotonic() + seconds
    n = 0
    while time.monotonic() < end:
        status, _body, _h = _get(port, path)
        if status != 200:
            raise SystemExit(f"{path} answered {status}")
        n += 1
    with counter.get_lock():
        counter.value += n


def rps(port: int, path: str, seconds: float, clients: int) -> float:
    counter = multiprocessing.Value("i", 0)
    procs = [multiprocessing.Process(target=_hammer, args=(port, path, seconds, counter)) for _ in range(clients)]
    start = time.monotonic()
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    return counter.value / (time.monotonic() - start)


def _interleaved(port: int, path: str, seconds: float, rounds: int, clients: int) -> tuple[list, list]:
    empty, page = [], []
    for _ in range(rounds):
        empty.append(rps(port, EMPTY_PATH, seconds, clients))
        page.append(rps(port, path, seconds, clients))
    return empty, page


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def _stop(proc: subprocess.Popen) -> None:
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()


def main() -> None:
    args = _common.parser(__doc__.splitlines()[0]).parse_args()
    # Short alternating rounds, compared by their median: these machines are shared and noisy.
    seconds = 1.0 if args.quick else 2.0
    rounds = 5 if args.quick else 15
    workers = max(2, os.cpu_count() or 2)
    clients = workers * 2
    figures = []
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        env = _env(tmp, page_cache=True)
        ids = _seed(env)
        server, port = _start_server(env, workers)
        try:
            pages = {
                "home": "/portal/", "office home": f"/portal/office/{ids['office']}/",
                "sticker landing": f"/s/{ids['sticker']}", "unknown sticker": "/s/UNKNOWN",
                "job openings": "/portal/jobs/", "job detail": f"/portal/jobs/{ids['job']}/",
                "agency check": "/portal/agencies/", "agency search": "/portal/agencies/?q=sriwijya",
                "agency detail": f"/portal/agencies/{ids['agency']}/", "legal way": "/portal/legal/",
                "legal procedure page": "/portal/legal/langkah-resmi/", "ask for help": "/portal/help/",
                "check my report": "/portal/check/",
            }
            for name, url in pages.items():
                status, body, _headers = _get(port, url)
                if status not in (200, 404):
                    raise SystemExit(f"{url} answered {status}")
                size = len(gzip.compress(body, 6))
                figures.append(_common.figure(f"gzip bytes: {name}", size, "B", baseline=len(body),
                                              target="≤ 30 KB", ok=size <= LIMIT_BYTES))
            rps(port, EMPTY_PATH, 0.5, clients)  # warm up every worker
            rps(port, "/portal/", 0.5, clients)
            empty, home = _interleaved(port, "/portal/", seconds, rounds, clients)
        finally:
            _stop(server)
        figures.append(_common.figure("req/s: empty response (baseline)", _median(empty), "req/s"))
        figures.append(_common.figure("req/s: portal home, page cache on", _median(home), "req/s",
                                      baseline=_median(empty)))
        ratio = _median([h / e for h, e in zip(home, empty, strict=True)])
        figures.append(_common.figure("home / empty, median of rounds (cache on)", ratio, "ratio",
                                      target="≥ 0.5", ok=ratio >= 0.5))

        env_nocache = _env(tmp, page_cache=False)
        env_nocache["DATABASE_URL"] = env["DATABASE_URL"]
        env_nocache["SECRET_KEY"] = env["SECRET_KEY"]
        env_nocache["FIELD_ENCRYPTION_KEYS"] = env["FIELD_ENCRYPTION_KEYS"]
        server, port = _start_server(env_nocache, workers)
        try:
            rps(port, "/portal/", 0.5, clients)
            empty2, nocache = _interleaved(port, "/portal/", seconds, rounds, clients)
        finally:
            _stop(server)
        figures.append(_common.figure("req/s: portal home, page cache off", _median(nocache), "req/s",
                                      baseline=_median(empty2), target="(for comparison)"))
    _common.report("portal_weight", figures, workers=workers, clients=clients, seconds_per_run=seconds,
                   rounds=rounds, server="gunicorn sync workers, production mode, SQLite")


if __name__ == "__main__":
    main()
