"""A hot raw query kept as a server-side prepared statement on PostgreSQL.

A dashboard's one query (`reports.stats.dashboard`) is a UNION of six indexed parts: PostgreSQL spends about as
long parsing and planning it as executing it (0.35 of 0.7 ms on the benchmark's data). Django sends every query
as text to be planned afresh (its default client-side binding; prepared statements are off so that connection
poolers in transaction mode keep working). `fetch_all` sends this one query with server-side binding and
`prepare=True`: the first execution on a connection prepares it, later ones (the connection is kept for
CONN_MAX_AGE) only bind and execute. Every other query is unchanged.

Preparation needs `prepare_threshold` in the connection's OPTIONS (`lib/env.py`, on unless
`DATABASE_PREPARED_STATEMENTS=0`, which a transaction-mode pooler without prepared-statement support needs);
without it, and on SQLite, the query goes through Django's cursor as usual. Either way it runs through Django's
connection handling (health check, transaction state, error wrapping) and is logged like any query when queries
are logged (DEBUG, tests counting queries).
"""

from contextlib import nullcontext

from django.db import connections


def prepared_statements(connection) -> bool:
    return connection.vendor == "postgresql" and connection.settings_dict["OPTIONS"].get("prepare_threshold") is not None


def fetch_all(sql: str, params: list, *, using: str = "default") -> list[tuple]:
    """The rows of `sql` ("%s" placeholders) with `params`, prepared on PostgreSQL when it may be."""
    connection = connections[using]
    with connection.cursor() as cursor:  # Django's: connects, checks health, knows the transaction
        if not prepared_statements(connection):
            cursor.execute(sql, params)
            return cursor.fetchall()
        import psycopg

        debug = getattr(cursor, "debug_sql", None)  # present when queries are logged
        connection.validate_no_broken_transaction()
        with (psycopg.Cursor(cursor.cursor.connection) as server, debug(sql, params) if debug else nullcontext(),
              connection.wrap_database_errors):
            server.execute(sql, params, prepare=True)
            return server.fetchall()
