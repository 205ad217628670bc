"""Two real server processes for the tests and bench/signin_limits.py: gunicorn with N sync workers on a throw-away
SQLite file, no Redis, so only the database is shared between them. Every response carries the worker's process
id (`X-Worker-Pid`), so a test can show that both processes answered."""

import os
import secrets
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[3]


def application(environ, start_response):
    """gunicorn entry point: the Balek Dusun WSGI app, adding the worker's process id to every response."""
    def start(status, headers, exc_info=None):
        return start_response(status, [*headers, ("X-Worker-Pid", str(os.getpid()))], exc_info)

    return _app()(environ, start)


def _app():
    from balekdusun.wsgi import application as app

    return app


if os.environ.get("SERVER_SOFTWARE", "").startswith("gunicorn"):
    _app()  # with --preload: Django loads once, before the workers fork


def environment(tmp: Path, **extra: str) -> dict:
    from cryptography.fernet import Fernet

    env = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "RATE_COUNTERS", "DATABASE_URL",
                                                           "PYTEST_XDIST_WORKER", "PYTEST_CURRENT_TEST"}}
    env.update({"BALEKDUSUN_MODE": "demo", "DEBUG": "0", "SECRET_KEY": secrets.token_urlsafe(40),
                "FIELD_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
                "DATABASE_URL": f"sqlite:///{tmp / 'two.sqlite3'}", "SECURE_COOKIES": "0",
                "STATIC_ROOT": str(tmp / "static"), "LOG_LEVEL": "CRITICAL", "DJANGO_SETTINGS_MODULE": "balekdusun.settings",
                "OTP_REQUIRED_ROLES": "", "ALLOWED_HOSTS": "127.0.0.1"})
    env.update(extra)
    return env


def run_python(env: dict, code: str) -> str:
    """Run Django code in a child process with the servers' settings (migrations, seeding); its standard output."""
    out = subprocess.run([sys.executable, "-c", "import django; django.setup()\n" + code], env=env, cwd=ROOT,
                         capture_output=True, text=True, timeout=300)
    if out.returncode:
        raise RuntimeError(f"child process failed:\n{out.stderr[-3000:]}")
    return out.stdout


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def gunicorn(env: dict, workers: int = 2, port: int | None = None):
    """Start gunicorn; yields its base URL once both workers answer; stops it (by its own process id) after."""
    port = port or free_port()
    binary = Path(sys.executable).with_name("gunicorn")
    proc = subprocess.Popen([str(binary), "--workers", str(workers), "--bind", f"127.0.0.1:{port}",
                             "--log-level", "error", "--preload", "balekdusun.core.tests.workers:application"],
                            env=env, cwd=ROOT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if requests.get(url + "/healthz", timeout=5).status_code == 200:
                    break
            except requests.ConnectionError:
                pass
            if time.monotonic() > deadline or proc.poll() is not None:
                raise RuntimeError("gunicorn did not start")
            time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()


def parallel(calls, threads: int = 8) -> list:
    """Run the zero-argument callables at once (each on its own connection), so both workers take some."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(threads) as pool:
        return list(pool.map(lambda call: call(), calls))
