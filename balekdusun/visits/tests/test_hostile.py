"""Findings of the adversarial trial (issue 13): one bad value never sinks a batch, and never gives a 5xx.

Each test failed on the code before the fix (a 500 and the good records of the push lost)."""

import base64
import json
import uuid

import pytest

from balekdusun.visits.models import Visit
from balekdusun.visits.pull import encode_cursor
from balekdusun.visits.tests.conftest import VILLAGE, visit_record

PUSH = "/api/v1/sync/push"
PULL = "/api/v1/sync/pull"


def push(client, headers, records):
    return client.post(PUSH, json.dumps({"records": records}), content_type="application/json", **headers)


@pytest.mark.parametrize("when", ["0001-01-01T00:00:00+07:00", "9999-12-31T23:59:59-01:00",
                                  "0001-01-01T00:00:00+00:00", "1970-01-01T07:00:00+07:00",
                                  "2100-01-01T00:00:00+00:00"])
def test_impossible_visit_time_is_a_field_error_and_the_batch_is_stored(client, bearer, bob, stocked, when):
    hh, outreach = stocked["households"], stocked["outreach"]
    good = visit_record(hh[0], outreach)
    bad = visit_record(hh[1], outreach, visited_at=when)
    # One with effects (a brochure handed out), which takes the per-record path rather than the bulk insert.
    good_with_effects = visit_record(hh[2], outreach, materials=[{"material_id": stocked["brochure"].pk,
                                                                  "quantity": 1}])
    bad_with_effects = visit_record(hh[3], outreach, visited_at=when, sticker_code=stocked["codes"][0])
    r = push(client, bearer(bob), [good, bad, good_with_effects, bad_with_effects])
    assert r.status_code == 200, r.content
    results = r.json()["results"]
    assert [x["status"] for x in results] == ["created", "invalid", "created", "invalid"]
    for res in (results[1], results[3]):
        assert [e["field"] for e in res["errors"]] == ["visited_at"]
        assert "2000" in res["errors"][0]["message"]
    assert set(Visit.objects.values_list("uuid", flat=True).iterator()) == {
        uuid.UUID(good["uuid"]), uuid.UUID(good_with_effects["uuid"])}


def test_impossible_household_time_is_a_field_error(client, bearer, bob, field_setup):
    record = {"type": "household", "uuid": "5f0c7b1e-31a4-4c55-9a0e-0d5d6f1c2b11",
              "data": {"village": VILLAGE, "address": "Rumah", "created_at": "9999-12-31T23:59:59-01:00"}}
    [res] = push(client, bearer(bob), [record]).json()["results"]
    assert res["status"] == "invalid" and [e["field"] for e in res["errors"]] == ["created_at"]


def _raw_cursor(data) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")


@pytest.mark.parametrize("cursor", [
    {"t": "2026-01-05T09:30:00+00:00", "h": {}, "v": [["16.02.08.2017"]]},  # a list inside v: unhashable
    {"t": "2026-01-05T09:30:00+00:00", "h": {}, "v": [{"a": 1}]},
    {"t": "2026-01-05T09:30:00+00:00", "h": {"me": ["x"]}, "v": []},
    {"t": "0001-01-01T00:00:00+00:00", "h": {}, "v": []},  # minus the overlap: OverflowError
    {"t": "0001-01-01T00:00:00+07:00", "h": {}, "v": []},
    {"t": "9999-12-31T23:59:59-01:00", "h": {}, "v": []},
    {"t": 5, "h": {}, "v": []},
    [1, 2, 3],
])
def test_hostile_pull_cursor_is_400_on_the_cursor(client, bearer, bob, field_setup, cursor):
    r = client.get(PULL, {"cursor": _raw_cursor(cursor)}, **bearer(bob))
    assert r.status_code == 400, r.content
    assert r.json()["errors"][0]["field"] == "cursor"


def test_cursor_of_this_server_still_works(client, bearer, bob, field_setup):
    first = client.get(PULL, **bearer(bob)).json()
    again = client.get(PULL, {"cursor": first["cursor"]}, **bearer(bob))
    assert again.status_code == 200 and again.json()["full"] is False
    made = encode_cursor({"t": "2026-01-05T09:30:00+00:00", "h": {}, "v": [VILLAGE]})
    assert client.get(PULL, {"cursor": made}, **bearer(bob)).status_code == 200


def test_turf_api_answers_once_a_stop_has_a_visit(client, bearer, bob, field_setup):
    turf = field_setup["turf"]
    assert push(client, bearer(bob), [visit_record(field_setup["households"][0], field_setup["outreach"],
                                                   outcome="not_home")]).json()["results"][0]["status"] == "created"
    r = client.get(f"/api/v1/planning/turfs/{turf.pk}", **bearer(bob))
    assert r.status_code == 200, r.content
    first = r.json()["stops"][0]
    assert first["visits"] == 1 and first["last_outcome"] == "Tidak ada orang"
    mine = client.get("/api/v1/planning/turfs/mine", {"since": 0}, **bearer(bob))
    assert mine.status_code == 200, mine.content
    assert [t["id"] for t in mine.json()] == [turf.pk]
