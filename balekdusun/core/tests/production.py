"""Helpers of the production smoke test and the upgrade test: a throw-away database of its own (PostgreSQL when the
test run's DATABASE_URL is PostgreSQL, else SQLite), the environment of a production server with fresh keys, and
Django code run in a child process with that environment."""

import os
import secrets
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[3]
# Dropped from the inherited environment: the child gets its own database, keys and mode.
INHERITED_NOT = {"DATABASE_URL", "REDIS_URL", "RATE_COUNTERS", "PYTEST_XDIST_WORKER", "PYTEST_CURRENT_TEST",
                 "BALEKDUSUN_MODE", "DEBUG", "SECRET_KEY", "FIELD_ENCRYPTION_KEYS", "DJANGO_ALLOW_ASYNC_UNSAFE",
                 "TEST_DATABASE_NAME", "STATIC_ROOT", "MEDIA_ROOT", "OTP_REQUIRED_ROLES"}


def on_postgres() -> bool:
    return (os.environ.get("DATABASE_URL") or "").startswith(("postgres://", "postgresql://"))


@contextmanager
def scratch_database(tmp: Path, name: str):
    """A DATABASE_URL of an empty database, removed afterwards: on the PostgreSQL server of DATABASE_URL (named
    after its database plus `name`) or a SQLite file in `tmp`."""
    if not on_postgres():
        yield f"sqlite:///{tmp / (name + '.sqlite3')}"
        return
    import psycopg

    url = urlsplit(os.environ["DATABASE_URL"])
    database = f"{url.path.lstrip('/') or 'balekdusun'}_{name}_{os.getpid()}"[:63]
    admin = urlunsplit(url._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{database}"')
    try:
        yield urlunsplit(url._replace(path="/" + database))
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


def environment(tmp: Path, database_url: str, **extra: str) -> dict:
    """A production server's environment: DEBUG off, real keys generated now, HTTPS said by a proxy."""
    from cryptography.fernet import Fernet

    env = {k: v for k, v in os.environ.items() if k not in INHERITED_NOT}
    env.update({
        "BALEKDUSUN_MODE": "production", "DEBUG": "0", "DJANGO_SETTINGS_MODULE": "balekdusun.settings",
        "SECRET_KEY": secrets.token_urlsafe(50), "FIELD_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
        "BACKUP_KEY": secrets.token_urlsafe(32), "DATABASE_URL": database_url,
        "STATIC_ROOT": str(tmp / "static"), "MEDIA_ROOT": str(tmp / "media"),
        "ALLOWED_HOSTS": "127.0.0.1", "BEHIND_PROXY": "1", "LOG_LEVEL": "WARNING",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
    })
    env.update(extra)
    return env


def run_python(env: dict, code: str, timeout: int = 300) -> str:
    """Run Django code in a child process with `env`; its standard output. Fails with the child's error."""
    out = subprocess.run([sys.executable, "-c", "import django; django.setup()\n" + code], env=env, cwd=ROOT,
                         capture_output=True, text=True, timeout=timeout)
    if out.returncode:
        raise RuntimeError(f"child process failed:\n{out.stderr[-4000:]}")
    return out.stdout


def run_cli(env: dict, *args: str, timeout: int = 300, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "balekdusun", *args], env=env, cwd=ROOT, capture_output=True,
                          text=True, timeout=timeout, input=stdin)
