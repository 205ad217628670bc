"""`/readyz`: is this server ready for traffic? The database, the cache, and checks other apps register.

An app registers a check at start (its AppConfig.ready), e.g. the background-jobs worker's heartbeat:

    from balekdusun.ops import readiness
    readiness.register("worker", check_worker_heartbeat)

A check returns None or a short string when all is well (shown as its detail) and raises an exception (any) when
not; the exception's class name and message are shown, so they must not carry personal data.
"""

import time
from collections.abc import Callable

from django.core.cache import caches
from django.db import connections

_CHECKS: dict[str, Callable[[], str | None]] = {}


def register(name: str, fn: Callable[[], str | None]) -> None:
    """Add (or replace) the readiness check `name`."""
    _CHECKS[name] = fn


def unregister(name: str) -> None:
    _CHECKS.pop(name, None)


def check_database() -> str:
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return connections["default"].vendor


def check_replica() -> str:
    """Only when DATABASE_REPLICA_URL is set: dashboards and exports read there."""
    with connections["replica"].cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return connections["replica"].vendor


def check_cache() -> str:
    from django.conf import settings

    for alias in settings.CACHES:
        cache = caches[alias]
        key = "ops:readyz"
        cache.set(key, "1", 10)
        if cache.get(key) != "1":
            raise RuntimeError(f"cache {alias} did not return what was written")
    return ", ".join(settings.CACHES)


def run() -> tuple[bool, dict[str, dict]]:
    """Every check, in order: the database (and its replica), the cache, then the registered ones."""
    results, ok = {}, True
    builtin = [("database", check_database)]
    if "replica" in connections.settings:
        builtin.append(("replica", check_replica))
    for name, fn in [*builtin, ("cache", check_cache), *_CHECKS.items()]:
        started = time.perf_counter()
        try:
            detail = fn()
            entry = {"status": "ok"}
            if detail:
                entry["detail"] = str(detail)
        except Exception as exc:  # noqa: BLE001 - a readiness check reports any failure instead of raising
            ok = False
            entry = {"status": "error", "detail": f"{exc.__class__.__name__}: {exc}"[:300]}
        entry["ms"] = round((time.perf_counter() - started) * 1000, 1)
        results[name] = entry
    return ok, results
