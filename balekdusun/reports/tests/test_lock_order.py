"""Rollup writes in one lock order: sorted upserts, and a transaction's deltas collected into one statement."""

import datetime as dt
from collections import Counter

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from balekdusun.reports import rollups
from balekdusun.reports.models import TOTAL, RollupCounter

pytestmark = pytest.mark.django_db
VILLAGE = "16.02.08.2017"
WHEN = dt.datetime(2026, 1, 6, 9, tzinfo=dt.UTC)


def _counter_writes(queries) -> list[str]:
    return [q["sql"] for q in queries if "reports_rollupcounter" in q["sql"] and q["sql"].startswith("INSERT")]


def _value(key, area="", period=TOTAL):
    row = RollupCounter.objects.filter(area_code=area, key=key, period=period).first()
    return row.value if row else 0


def _add(key, n=1):
    deltas = rollups.Deltas()
    deltas.add(VILLAGE, WHEN, Counter({key: n}))
    deltas.flush()


def test_an_upsert_writes_its_rows_in_key_order():
    rows = [("16.02", "16", 2, TOTAL, "visits", 1), ("", "*", 0, TOTAL, "visits.met", 1),
            ("", "*", 0, dt.date(2026, 1, 5), "visits", 1), ("", "*", 0, TOTAL, "visits", 1),
            ("16", "", 1, TOTAL, "cases.opened", 1)]
    seen = []

    def spy(execute, sql, params, many, context):
        if "reports_rollupcounter" in sql:
            seen.append(list(params))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(spy):
        rollups.upsert(rows)
    (params,) = seen
    # The rows in (area_code, key, period) order, whatever order they were handed in: on PostgreSQL six arrays
    # (one per column, UNNEST reads them in order), elsewhere the VALUES list.
    if connection.vendor == "postgresql":
        written = list(zip(*params, strict=True))
    else:
        written = [tuple(params[i:i + 6]) for i in range(0, len(params), 6)]
    assert written == sorted(rows, key=lambda r: (r[0], r[4], r[3]))
    assert _value("visits") == 1 and _value("visits.met") == 1 and _value("cases.opened", "16") == 1


def test_a_collected_transaction_writes_its_counters_once_at_its_end():
    with CaptureQueriesContext(connection) as queries, rollups.collected():
        _add("visits")
        _add("visits.met")
        _add("visits", 2)
        assert _value("visits") == 0  # nothing written before the end of the block
    assert len(_counter_writes(queries)) == 1
    assert _value("visits") == 3 and _value("visits", VILLAGE) == 3 and _value("visits.met", "16") == 1


def test_a_failed_inner_block_drops_its_deltas_with_its_savepoint():
    with rollups.collected():
        _add("visits")
        with pytest.raises(RuntimeError), rollups.collected():
            _add("visits", 10)
            _add("followups")
            raise RuntimeError("the record's effects failed")
        with rollups.collected():
            _add("visits.met")
    assert _value("visits") == 1
    assert _value("followups") == 0
    assert _value("visits.met") == 1


def test_deltas_that_cancel_out_write_nothing():
    with CaptureQueriesContext(connection) as queries, rollups.collected():
        _add("visits")
        _add("visits", -1)
    assert _counter_writes(queries) == []
