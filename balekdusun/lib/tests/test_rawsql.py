"""`lib.rawsql.fetch_all` on the database the suite runs on: prepared on PostgreSQL, Django's cursor on SQLite;
logged and error-wrapped like any query either way."""

import datetime as dt

import pytest
from django.db import DatabaseError, connection, transaction

from balekdusun.lib.rawsql import fetch_all, prepared_statements

SQL = "SELECT code, level FROM regions_area WHERE level = %s AND code IN (%s, %s) ORDER BY code"


@pytest.mark.django_db
def test_rows_are_those_of_djangos_cursor(django_assert_num_queries):
    from balekdusun.regions.models import Area

    expected = list(Area.objects.filter(level=1, code__in=["16", "35"]).order_by("code").values_list("code", "level"))
    assert len(expected) == 2
    with django_assert_num_queries(3):  # counted like any other query
        for _ in range(3):  # the second and third use the prepared statement on PostgreSQL
            assert fetch_all(SQL, [1, "16", "35"]) == expected
    assert fetch_all(SQL, [2, "16", "35"]) == []
    assert fetch_all("SELECT %s", [dt.date(2026, 11, 28)])[0][0] in (dt.date(2026, 11, 28), "2026-11-28")


@pytest.mark.django_db
def test_postgresql_keeps_the_statement_prepared_and_sqlite_does_not_need_to():
    fetch_all(SQL, [1, "16", "35"])
    if connection.vendor == "postgresql":
        assert prepared_statements(connection)
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE %s",
                           ["SELECT code, level FROM regions_area WHERE level = $1%"])
            assert cursor.fetchone()[0] == 1
        fetch_all(SQL, [2, "16", "35"])  # the same statement with other values: still one
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE %s",
                           ["SELECT code, level FROM regions_area WHERE level = $1%"])
            assert cursor.fetchone()[0] == 1
    else:
        assert connection.vendor == "sqlite" and not prepared_statements(connection)


@pytest.mark.django_db(transaction=True)
def test_errors_come_out_as_djangos_and_leave_the_transaction_usable():
    with pytest.raises(DatabaseError):
        fetch_all("SELECT no_such_column FROM regions_area WHERE level = %s", [1])
    with transaction.atomic():
        assert fetch_all("SELECT count(*) FROM regions_area WHERE level = %s", [9]) == [(0,)]
