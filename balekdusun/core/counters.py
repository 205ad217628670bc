"""Counters shared by every server process: the rate limits and sign-in backoff of core/ratelimit.py count here.

With Redis (REDIS_URL) the counters live in the shared cache. Without it they live in the database, one
`RateCounter` row per key, bumped with a single atomic `INSERT ... ON CONFLICT DO UPDATE ... RETURNING` (SQLite 3.35+
and PostgreSQL both have it), so two gunicorn workers see the same count and cannot both take the last slot.
settings.RATE_COUNTERS ("database" or "cache") chooses; by default "cache" when REDIS_URL is set, else "database".

A counter has a count, the time of its last hit and an expiry:
* `fixed`: the expiry is set by the first hit (a window that starts with the first request);
* sliding (fixed=False): every hit pushes the expiry `ttl` seconds on (failures forgotten `ttl` after the last).
An expired counter reads as zero and restarts at one.
"""

import random
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction

SWEEP_CHANCE = 0.01  # one bump in a hundred also deletes expired rows


@dataclass(frozen=True)
class Reading:
    count: int = 0
    last: float = 0.0
    expires: float = 0.0


def _backend() -> str:
    return getattr(settings, "RATE_COUNTERS", "database")


def _table() -> str:
    from balekdusun.core.models import RateCounter

    return connection.ops.quote_name(RateCounter._meta.db_table)


def bump(key: str, ttl: int, *, fixed: bool = True, now: float | None = None) -> Reading:
    """Add one to `key`; the counter as it is after this hit."""
    now = time.time() if now is None else now
    if _backend() == "cache":
        return _cache_bump(key, ttl, fixed, now)
    q = connection.ops.quote_name
    table, k, c, la, ex = _table(), q("key"), q("count"), q("last"), q("expires")
    keep = f"{table}.{ex}" if fixed else "%s"
    sql = (f"INSERT INTO {table} ({k}, {c}, {la}, {ex}) VALUES (%s, 1, %s, %s) "
           f"ON CONFLICT ({k}) DO UPDATE SET "
           f"{c} = CASE WHEN {table}.{ex} <= %s THEN 1 ELSE {table}.{c} + 1 END, "
           f"{ex} = CASE WHEN {table}.{ex} <= %s THEN %s ELSE {keep} END, "
           f"{la} = %s RETURNING {c}, {la}, {ex}")
    params = [key, now, now + ttl, now, now, now + ttl] + ([] if fixed else [now + ttl]) + [now]
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, params)
        count, last, expires = cursor.fetchone()
        if random.random() < SWEEP_CHANCE:
            cursor.execute(f"DELETE FROM {table} WHERE {ex} <= %s", [now])
    return Reading(count, last, expires)


def read(key: str, *, now: float | None = None) -> Reading:
    """The counter without counting; zero when absent or expired."""
    now = time.time() if now is None else now
    if _backend() == "cache":
        found = cache.get(f"ctr:{key}")
        return Reading(*found) if found and found[2] > now else Reading()
    from balekdusun.core.models import RateCounter

    row = RateCounter.objects.filter(key=key, expires__gt=now).values_list("count", "last", "expires").first()
    return Reading(*row) if row else Reading()


def read_many(keys: list[str], *, now: float | None = None) -> dict[str, Reading]:
    now = time.time() if now is None else now
    if _backend() == "cache":
        found = cache.get_many([f"ctr:{key}" for key in keys])
        return {key: Reading(*found[f"ctr:{key}"]) if f"ctr:{key}" in found and found[f"ctr:{key}"][2] > now
                else Reading() for key in keys}
    from balekdusun.core.models import RateCounter

    rows = {key: Reading(count, last, expires) for key, count, last, expires in RateCounter.objects.filter(
        key__in=keys, expires__gt=now).values_list("key", "count", "last", "expires")}
    return {key: rows.get(key, Reading()) for key in keys}


def clear(key: str) -> None:
    if _backend() == "cache":
        cache.delete_many([f"ctr:{key}", f"ctr:{key}:n"])
        return
    from balekdusun.core.models import RateCounter

    RateCounter.objects.filter(key=key).delete()


def sweep(*, now: float | None = None) -> int:
    """Delete expired rows (the database backend); the number deleted."""
    from balekdusun.core.models import RateCounter

    now = time.time() if now is None else now
    return RateCounter.objects.filter(expires__lte=now).delete()[0]


def _cache_bump(key: str, ttl: int, fixed: bool, now: float) -> Reading:
    """Redis: the count is an atomic INCR on its own key; the (count, last, expires) tuple beside it is what
    `read` returns. A window's first hit creates the count key with the window's lifetime."""
    count_key = f"ctr:{key}:n"
    state = cache.get(f"ctr:{key}")
    cache.add(count_key, 0, ttl)
    try:
        count = cache.incr(count_key)
    except ValueError:  # expired between add and incr
        cache.set(count_key, 1, ttl)
        count = 1
    expires = now + ttl if count == 1 or not fixed else (state[2] if state else now + ttl)
    if not fixed:
        cache.touch(count_key, ttl)
    cache.set(f"ctr:{key}", (count, now, expires), max(1, int(expires - now) + 1))
    return Reading(count, now, expires)
