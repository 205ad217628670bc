"""Finding 4 of issue 13: booleans are not ids. Ids, counts and flags of the sync push are strict JSON types; a
coordinate is a finite number; a time is ISO text (docs/field.md, "Types"). Failed on the code before the fix
(`"household": true` stored a visit on household 1)."""

import json
import uuid

import pytest

from balekdusun.campaigns.models import Household
from balekdusun.visits.models import Visit
from balekdusun.visits.tests.conftest import VILLAGE, visit_record

PUSH = "/api/v1/sync/push"


def push(client, headers, records):
    r = client.post(PUSH, json.dumps({"records": records}), content_type="application/json", **headers)
    assert r.status_code == 200, r.content
    return r.json()["results"]


@pytest.fixture
def household_one(field_setup):
    """Household 1 exists and is bob's to visit, so a `true` read as 1 would land on it."""
    house = Household.objects.filter(pk=1).first()
    if house is None:
        house = Household.objects.create(pk=1, village_id=VILLAGE, address="Rumah nomor satu")
    assert house.village_id == VILLAGE
    return house


def test_true_is_not_household_one(client, bearer, bob, household_one, field_setup):
    rec = visit_record(field_setup["households"][1])
    rec["data"]["household"] = True
    good = visit_record(field_setup["households"][2])
    res, ok = push(client, bearer(bob), [rec, good])
    assert res["status"] == "invalid" and [e["field"] for e in res["errors"]] == ["household"]
    assert ok["status"] == "created"
    assert not Visit.objects.filter(household=household_one).exists()


def _with(record, path, value):
    data = record["data"]
    *parents, last = path.split(".")
    for key in parents:
        data = data[int(key)] if key.isdigit() else data[key]
    data[int(last) if last.isdigit() else last] = value
    return record


@pytest.mark.parametrize(("path", "value"), [
    ("household", True), ("household", 1.0), ("household", "1"), ("outreach", True), ("turf", False),
    ("materials.0.material_id", True), ("materials.0.quantity", True), ("materials.0.quantity", 2.0),
    ("migration.returnees", True), ("migration.abroad.0.year", 2022.0), ("migration.abroad.0.procedural", 0),
    ("knowledge.hotline", 1), ("knowledge.hotline", "false"), ("story.consent_to_quote", "yes"),
    ("latitude", True), ("latitude", "-3.3"), ("visited_at", 1700000000), ("visited_at", True),
])
def test_wrong_json_types_are_field_errors(client, bearer, bob, stocked, path, value):
    hh = stocked["households"]
    rec = visit_record(hh[0], stocked["outreach"], materials=[{"material_id": stocked["brochure"].pk, "quantity": 1}],
                       story={"text": "Cerita", "consent_to_quote": False})
    rec = _with(rec, path, value)
    good = visit_record(hh[1], stocked["outreach"])
    res, ok = push(client, bearer(bob), [rec, good])
    assert res["status"] == "invalid", res
    assert path in [e["field"] for e in res["errors"]], res["errors"]
    assert ok["status"] == "created"
    assert Visit.objects.count() == 1


def test_integers_are_fine_where_a_number_is_asked(client, bearer, bob, field_setup):
    rec = visit_record(field_setup["households"][0], latitude=-3, longitude=105, accuracy_m=10)
    [res] = push(client, bearer(bob), [rec])
    assert res["status"] == "created"
    assert Visit.objects.get().longitude == 105.0


@pytest.mark.parametrize("value", [12345678901234567890123456789012, None, True, ["x"], "x" * 10000])
def test_record_uuid_must_be_uuid_text(client, bearer, bob, field_setup, value):
    rec = visit_record(field_setup["households"][0])
    rec["uuid"] = value
    [res] = push(client, bearer(bob), [rec])
    assert res["status"] == "invalid" and res["errors"][0]["field"] == "uuid"
    assert len(res["uuid"]) <= 64
    assert not Visit.objects.exists()


def test_a_record_that_is_not_an_object_does_not_sink_the_batch(client, bearer, bob, field_setup):
    good = visit_record(field_setup["households"][0])
    results = push(client, bearer(bob), ["visit", None, 7, [good], good])
    assert [r["status"] for r in results] == ["invalid"] * 4 + ["created"]


def test_household_record_types(client, bearer, bob, field_setup):
    base = {"village": VILLAGE, "address": "Rumah"}
    cases = {"outreach": True, "turf": "1", "latitude": True, "created_at": 1700000000}
    records = [{"type": "household", "uuid": str(uuid.uuid4()), "data": {**base, key: value}}
               for key, value in cases.items()]
    results = push(client, bearer(bob), records)
    assert [[e["field"] for e in r["errors"]] for r in results] == [[k] for k in cases]


def test_planning_household_api_is_strict_on_flags_and_numbers(client, bearer, bob, field_setup):
    url = "/api/v1/planning/households"
    for body, fld in (({"consent": "true"}, "consent"), ({"latitude": True, "longitude": 104.9}, "latitude")):
        r = client.post(url, {"village": VILLAGE, "address": "Rumah", **body}, content_type="application/json",
                        **bearer(bob))
        assert r.status_code == 422, r.content
        assert r.json()["errors"][0]["field"] == fld
