"""Typed readers for environment variables that fail loudly with a message naming the variable."""

import os

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    return default if value is None else value


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    lowered = value.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be one of 1/0, true/false, yes/no, on/off; got {value!r}")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number; got {value!r}") from None


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def database_config(url: str, *, base_dir, prepared_statements: bool = True) -> dict:
    """Turn DATABASE_URL into Django's DATABASES entry, with a clear message for a malformed URL.

    `prepared_statements` (PostgreSQL): let `lib/rawsql.fetch_all` keep its hot queries prepared on the server;
    Django's own queries are never prepared either way."""
    import dj_database_url

    if "://" not in url:
        raise ImproperlyConfigured(
            f"DATABASE_URL is malformed: {url!r}. Use e.g. sqlite:///balekdusun.sqlite3 or "
            "postgres://user:password@host:5432/name"
        )
    try:
        config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    except (ValueError, KeyError) as exc:
        raise ImproperlyConfigured(f"DATABASE_URL is malformed ({exc}): {url!r}") from None
    engine = config.get("ENGINE", "")
    if engine == "django.db.backends.sqlite3":
        name = config.get("NAME") or ""
        if not name or name == ":memory:":
            name = str(base_dir / "balekdusun.sqlite3")
        config["NAME"] = name
        # Django's SQLite backend with write transactions queued on a file lock (lib/sqlite/base.py).
        config["ENGINE"] = "balekdusun.lib.sqlite"
        # Tests run on an in-memory database, as with Django's own engine (pytest-django recognises only that
        # engine's name; for any other it derives a per-worker file name from NAME).
        config["TEST"] = {"NAME": ":memory:"}
        config["CONN_MAX_AGE"] = 0
        config["CONN_HEALTH_CHECKS"] = False
        config["OPTIONS"] = {
            # WAL lets the field-sync writes and dashboard reads run side by side; IMMEDIATE avoids
            # "database is locked" upgrades from read to write inside a transaction.
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    elif engine == "django.db.backends.postgresql":
        if not config.get("NAME"):
            raise ImproperlyConfigured(f"DATABASE_URL names no database: {url!r}")
        config.setdefault("OPTIONS", {})["connect_timeout"] = 10
        if prepared_statements:
            # psycopg's default. Only server-side binding cursors consult it, and Django's are client-side: in
            # effect only the queries `lib/rawsql.fetch_all` sends are prepared.
            config["OPTIONS"]["prepare_threshold"] = 5
    else:
        raise ImproperlyConfigured(f"DATABASE_URL uses an unsupported database {engine!r}; use sqlite or postgres")
    return config
