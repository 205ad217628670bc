"""The fast path of a sync push: visits without side effects written with one multi-row INSERT per batch.

A sync batch is up to 500 visits; most carry only form answers (no materials, sticker or follow-ups). Going
through `Model.save()` or even `bulk_create` costs more in Django's per-field preparation than the database
spends storing the rows (and on SQLite `bulk_create` splits 500 rows into seven statements). Here each row is
adapted once with the backend's own adapters (`connection.ops`; the JSON answers are encoded by pydantic's
compiled serializer, as text both databases cast to their JSON type) and the batch is inserted with
``INSERT ... VALUES (...), (...) RETURNING id``, which SQLite (3.35+) and PostgreSQL both support and both answer
in the order of the VALUES.

Nothing here decides anything: validation, duplicates and conflicts are `services.push`'s work.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC
from functools import lru_cache
from uuid import UUID

from django.db import connection
from pydantic_core import to_json

from balekdusun.lib.rawsql import fetch_all
from balekdusun.lib.sealed import VISIT_TEXT, seal
from balekdusun.visits.models import Visit

COLUMNS = ("uuid", "household", "village", "outreach", "officer", "visited_at", "outcome", "latitude", "longitude",
           "data", "content_hash", "received_at")
# Rows per statement: 500 rows x 12 columns stays below SQLite's 32,766 and PostgreSQL's 65,535 parameters.
CHUNK = 500


@lru_cache(maxsize=8)
def _sql(vendor: str, n: int) -> str:
    quote = connection.ops.quote_name
    fields = [Visit._meta.get_field(name) for name in COLUMNS]
    # SQLite's own "?" placeholders: Django's SQLite cursor would otherwise rewrite 6,000 "%s" with a regular
    # expression on every batch (about 3 ms).
    mark = "?" if vendor == "sqlite" else "%s"
    one = "(" + ", ".join([mark] * len(COLUMNS)) + ")"
    return (f"INSERT INTO {quote(Visit._meta.db_table)} ({', '.join(quote(f.column) for f in fields)}) "
            f"VALUES {', '.join([one] * n)} RETURNING {quote(Visit._meta.pk.column)}")


def _execute(cursor, sql: str, params: list) -> None:
    if connection.vendor == "sqlite":
        # The DB-API cursor under Django's wrappers, with the statement as written ("?" placeholders); its errors
        # still come out as Django's (an IntegrityError the push service catches).
        with connection.wrap_database_errors:
            sqlite3.Cursor.execute(cursor.cursor, sql, params)
    else:
        cursor.execute(sql, params)


def _json(data: dict) -> str:
    # The story and follow-up notes leave only encrypted (lib/sealed.py), as Visit.data's field would write them.
    if "story" in data or data.get("followups"):
        data = seal(data, VISIT_TEXT)
    return to_json(data).decode()


def _sqlite_utc_text(value) -> str:
    return str(value.astimezone(UTC).replace(tzinfo=None))


class Rows:
    """Visit rows adapted for the current database connection, inserted together by `insert()`."""

    def __init__(self, received_at):
        ops = connection.ops
        self._native_uuid = connection.features.has_native_uuid_field
        self._datetime = ops.adapt_datetimefield_value
        if connection.vendor == "sqlite" and connection.timezone is UTC:
            # What Django's adapter gives (naive UTC text), without its checks: about 7 µs a visit less.
            self._datetime = _sqlite_utc_text
        self._received_at = self._datetime(received_at)
        self.params: list = []
        self.count = 0

    def add(self, *, uuid, household_id, village_id, outreach_id, officer_id, visited_at, outcome, latitude,
            longitude, data: dict, content_hash: str) -> None:
        self.params += (uuid if self._native_uuid else uuid.hex, household_id, village_id, outreach_id, officer_id,
                        self._datetime(visited_at), outcome, latitude, longitude, _json(data),
                        content_hash, self._received_at)
        self.count += 1

    def insert(self) -> list[int]:
        """Insert every row; returns their ids in the order they were added. Call inside a transaction."""
        width, ids = len(COLUMNS), []
        with connection.cursor() as cursor:
            for start in range(0, self.count, CHUNK):
                n = min(CHUNK, self.count - start)
                _execute(cursor, _sql(connection.vendor, n), self.params[start * width:(start + n) * width])
                ids += [row[0] for row in cursor.fetchall()]
        return ids


def stored(uuids) -> dict[UUID, tuple[str, int, str]]:
    """uuid -> (content hash, id, village) of the visits already stored under these UUIDs (one query; on
    PostgreSQL one statement text for any number of UUIDs, kept prepared: every push asks it)."""
    uuids = list(uuids)
    if not uuids:
        return {}
    quote = connection.ops.quote_name
    head = f"SELECT {quote('uuid')}, content_hash, id, village_id FROM {quote(Visit._meta.db_table)} WHERE "
    if connection.vendor == "postgresql":
        rows = fetch_all(head + f"{quote('uuid')} = ANY(%s::uuid[])", [uuids])
    else:
        native = connection.features.has_native_uuid_field
        with connection.cursor() as cursor:
            cursor.execute(head + f"{quote('uuid')} IN ({', '.join(['%s'] * len(uuids))})",
                           [u if native else u.hex for u in uuids])
            rows = cursor.fetchall()
    return {(u if isinstance(u, UUID) else UUID(u)): (h, pk, v) for u, h, pk, v in rows}


def households(ids) -> list[tuple[int, str, UUID | None]]:
    """(id, village, client UUID) of these households, unscoped: the caller filters them by jurisdiction
    (`core.scoping.sees_area`)."""
    from balekdusun.campaigns.models import Household

    ids = list(ids)
    if not ids:
        return []
    quote = connection.ops.quote_name
    head = f"SELECT id, village_id, client_uuid FROM {quote(Household._meta.db_table)} WHERE "
    if connection.vendor == "postgresql":
        rows = fetch_all(head + "id = ANY(%s::bigint[])", [ids])  # ids are bounded by the schemas (MAX_ID)
    else:
        with connection.cursor() as cursor:
            cursor.execute(head + f"id IN ({', '.join(['%s'] * len(ids))})", ids)
            rows = cursor.fetchall()
    return [(pk, village, u if u is None or isinstance(u, UUID) else UUID(u)) for pk, village, u in rows]
