"""Finding 3 of issue 13: a UUID stored by another office (or outside the pusher's area) never yields `duplicate` or
`conflict` with the stored record's id, never lands in this office's conflict queue, and never replaces anything.

bob is an officer of BP3MI Sumatera Selatan, charlie of BP3MI Jawa Timur; dina is the village official of Desa
Pematang Buluran (Sumsel). Each test failed on the code before the fix."""

import copy
import json
import uuid

import pytest

from balekdusun.campaigns.models import Household
from balekdusun.core.services import DomainError
from balekdusun.regions.models import Area
from balekdusun.visits.conflicts import resolve_conflict
from balekdusun.visits.models import SyncConflict, Visit
from balekdusun.visits.tests.conftest import VILLAGE, visit_record

PUSH = "/api/v1/sync/push"
NEUTRAL = "uuid"


def push(client, headers, records):
    r = client.post(PUSH, json.dumps({"records": records}), content_type="application/json", **headers)
    assert r.status_code == 200, r.content
    return r.json()["results"]


@pytest.fixture
def jatim_household(db):
    village = Area.objects.filter(code__startswith="35.02.01.", level=4).order_by("code").first()
    return Household.objects.create(village=village, address="Rumah di Ponorogo")


@pytest.fixture
def stored(client, bearer, bob, field_setup):
    """A visit and a household recorded by bob in Sumatera Selatan."""
    visit = visit_record(field_setup["households"][0], field_setup["outreach"])
    household = {"type": "household", "uuid": str(uuid.uuid4()),
                 "data": {"village": VILLAGE, "address": "Dekat masjid", "dusun": "II"}}
    assert [r["status"] for r in push(client, bearer(bob), [visit, household])] == ["created", "created"]
    return {"visit": visit, "household": household, "visit_id": Visit.objects.get().pk,
            "household_id": Household.objects.get(client_uuid=household["uuid"]).pk}


def assert_foreign(result, stored):
    assert result["status"] == "invalid", result
    assert "id" not in result and "flags" not in result
    assert [e["field"] for e in result["errors"]] == [NEUTRAL]
    text = json.dumps(result)
    assert str(stored["visit_id"]) not in text.replace(result["uuid"], "")
    assert "conflict" not in text.lower() and "konflik" not in text.lower()


def test_other_office_same_uuid_same_content_is_not_a_duplicate(client, bearer, charlie, stored):
    [res] = push(client, bearer(charlie), [stored["visit"]])
    assert_foreign(res, stored)


def test_other_office_same_uuid_other_content_is_no_conflict(client, bearer, charlie, carol, stored,
                                                              jatim_household, login):
    own_house = copy.deepcopy(stored["visit"])
    own_house["data"]["household"] = jatim_household.pk
    own_house["data"]["outcome"] = "refused"
    their_house = copy.deepcopy(stored["visit"])
    their_house["data"]["outcome"] = "refused"
    their_house["data"]["story"] = {"text": "Tulisan kantor lain", "consent_to_quote": True}
    results = push(client, bearer(charlie), [own_house])
    results += push(client, bearer(charlie), [their_house])
    for res in results:
        assert_foreign(res, stored)
    assert not SyncConflict.objects.exists()
    # Nothing in Sumatera Selatan's queue, the stored visit untouched.
    page = login(carol).get("/visits/conflicts/")
    assert page.status_code == 200 and "Tulisan kantor lain" not in page.content.decode()
    visit = Visit.objects.get()
    assert visit.outcome == "met" and "story" not in visit.data


def test_other_office_household_uuid_is_neither_duplicate_nor_conflict(client, bearer, charlie, stored,
                                                                      jatim_household):
    same = stored["household"]
    moved = copy.deepcopy(same)
    moved["data"]["village"] = jatim_household.village_id
    edited = copy.deepcopy(same)
    edited["data"]["address"] = "Alamat lain"
    for record in (same, moved, edited):
        [res] = push(client, bearer(charlie), [record])
        assert res["status"] == "invalid" and "id" not in res, res
        assert [e["field"] for e in res["errors"]] in (["uuid"], ["village"])
        assert str(stored["household_id"]) not in json.dumps(res).replace(res["uuid"], "")
    assert not SyncConflict.objects.exists()
    assert Household.objects.get(pk=stored["household_id"]).address == "Dekat masjid"


def test_village_official_of_another_village_cannot_raise_a_conflict(client, bearer, bob, dina, field_setup):
    # bob's visit in a village of the same office that dina's account does not cover.
    other_village = Area.objects.filter(code__startswith="16.02.23.", level=4).order_by("code").first()
    house = Household.objects.create(village=other_village, address="Rumah lain")
    rec = visit_record(house)
    assert push(client, bearer(bob), [rec])[0]["status"] == "created"
    again = copy.deepcopy(rec)
    again["data"]["household"] = field_setup["households"][0].pk  # a house dina may see
    again["data"]["outcome"] = "not_home"
    for record in (rec, again):
        [res] = push(client, bearer(dina), [record])
        assert res["status"] == "invalid" and [e["field"] for e in res["errors"]] == ["uuid"] and "id" not in res
    assert not SyncConflict.objects.exists()


def test_a_conflict_about_a_household_outside_the_area_is_refused(client, bearer, bob, stored, jatim_household):
    # bob himself re-sends his visit pointing at a house of Jawa Timur: not a conflict to keep, a field error.
    changed = copy.deepcopy(stored["visit"])
    changed["data"]["household"] = jatim_household.pk
    [res] = push(client, bearer(bob), [changed])
    assert res["status"] == "invalid" and [e["field"] for e in res["errors"]] == ["household"]
    assert not SyncConflict.objects.exists()
    # Inside the area, a changed version still is a conflict for the coordinator.
    changed["data"]["household"] = stored["visit"]["data"]["household"]
    changed["data"]["outcome"] = "refused"
    [res] = push(client, bearer(bob), [changed])
    assert res["status"] == "conflict" and res["id"] == stored["visit_id"]


def test_a_foreign_conflict_kept_before_the_fix_cannot_replace_the_visit(carol, charlie, stored):
    visit = Visit.objects.get()
    payload = {**json.loads(json.dumps(stored["visit"]["data"])), "outcome": "refused"}
    conflict = SyncConflict.objects.create(uuid=visit.uuid, content_hash="x" * 64, kind="visit", payload=payload,
                                           visit=visit, village_id=visit.village_id, officer=charlie)
    with pytest.raises(DomainError) as exc:
        resolve_conflict(conflict=conflict, actor=carol, take_incoming=True)
    assert exc.value.code == "conflict.foreign"
    assert Visit.objects.get().outcome == "met"
    resolve_conflict(conflict=conflict, actor=carol, take_incoming=False)  # keeping ours is always possible
