"""The push paths that mutation testing found untested (issue 13, "Tests that would catch a broken push"): each
refusal names its field and leaves the rest of the batch stored; the audit entry; the concurrency fallbacks."""

import datetime as dt
import json
import uuid
from unittest import mock

import pytest
from django.utils import timezone

from balekdusun.campaigns.models import Household, Outreach
from balekdusun.core.models import AuditEntry
from balekdusun.core.services import DomainError
from balekdusun.visits import services
from balekdusun.visits.models import HouseholdReceipt, SyncConflict, Visit
from balekdusun.visits.tests.conftest import visit_record

PUSH = "/api/v1/sync/push"


def push(client, headers, records):
    r = client.post(PUSH, json.dumps({"records": records}), content_type="application/json", **headers)
    assert r.status_code == 200, r.content
    return r.json()["results"]


def fields(result) -> set[str]:
    return {e["field"] for e in result.get("errors", [])}


def household_record(uid=None, **data):
    body = {"village": "16.02.08.2017", "dusun": "II", "rt": "002", "address": "Rumah baru"}
    body.update(data)
    return {"type": "household", "uuid": str(uid or uuid.uuid4()), "data": body}


def good(field_setup, n=1):
    return visit_record(field_setup["households"][n], field_setup["outreach"])


def assert_only_good_stored(results, good_record):
    assert results[-1]["status"] == "created", results[-1]
    assert Visit.objects.filter(uuid=good_record["uuid"]).exists()


# --- visits ---------------------------------------------------------------------------------------------------

def test_domain_error_in_effects_is_invalid_and_rolled_back(client, bearer, bob, stocked):
    bad = visit_record(stocked["households"][0], stocked["outreach"],
                       materials=[{"material_id": stocked["brochure"].pk, "quantity": 1}])
    ok = visit_record(stocked["households"][1], stocked["outreach"],
                      materials=[{"material_id": stocked["brochure"].pk, "quantity": 1}])
    real = __import__("balekdusun.materials.services", fromlist=["record_handouts"]).record_handouts

    def fail_first(*, visit, items, officer):
        if str(visit.uuid) == bad["uuid"]:
            raise DomainError("stock.test", "Stok tidak bisa dicatat.", field="materials")
        return real(visit=visit, items=items, officer=officer)

    with mock.patch("balekdusun.materials.services.record_handouts", side_effect=fail_first):
        results = push(client, bearer(bob), [bad, ok])
    assert results[0]["status"] == "invalid"
    assert results[0]["errors"] == [{"field": "materials", "message": "Stok tidak bisa dicatat."}]
    assert "id" not in results[0]
    assert not Visit.objects.filter(uuid=bad["uuid"]).exists()
    assert results[1]["status"] == "created"
    assert Visit.objects.filter(uuid=ok["uuid"]).exists()


def test_unexpected_error_in_effects_is_invalid_not_a_500(client, bearer, bob, stocked):
    bad = visit_record(stocked["households"][0], stocked["outreach"],
                       followups=[{"kind": "needs_documents", "note": "KTP hilang"}])
    with mock.patch("balekdusun.cases.services.open_case", side_effect=RuntimeError("boom")):
        results = push(client, bearer(bob), [bad, good(stocked)])
    assert results[0]["status"] == "invalid" and fields(results[0]) == {""}
    assert not Visit.objects.filter(uuid=bad["uuid"]).exists()
    assert results[1]["status"] == "created"


def test_household_not_in_the_outreach_days_village(client, bearer, bob, field_setup):
    other_day = Outreach.objects.create(campaign=field_setup["campaign"], village_id="16.02.23.2001",
                                        date=timezone.localdate(), status="in_progress")
    bad = visit_record(field_setup["households"][0], other_day)
    ok = good(field_setup)
    results = push(client, bearer(bob), [bad, ok])
    assert results[0]["status"] == "invalid"
    assert results[0]["errors"] == [{"field": "outreach",
                                     "message": "Rumah tangga ini tidak berada di desa kegiatan ini."}]
    assert not Visit.objects.filter(uuid=bad["uuid"]).exists()
    assert_only_good_stored(results, ok)


def test_household_not_in_the_outreach_days_village_with_effects(client, bearer, bob, stocked):
    other_day = Outreach.objects.create(campaign=stocked["campaign"], village_id="16.02.23.2001",
                                        date=timezone.localdate(), status="in_progress")
    bad = visit_record(stocked["households"][0], other_day, sticker_code=stocked["codes"][0])
    results = push(client, bearer(bob), [bad])
    assert results[0]["status"] == "invalid" and fields(results[0]) == {"outreach"}
    assert not Visit.objects.exists()


@pytest.mark.parametrize("coords, field", [({"latitude": -3.3, "longitude": None}, "longitude"),
                                           ({"latitude": None, "longitude": 104.9}, "latitude")])
def test_half_a_position_is_refused(client, bearer, bob, field_setup, coords, field):
    bad = visit_record(field_setup["households"][0], field_setup["outreach"], **coords)
    ok = good(field_setup)
    results = push(client, bearer(bob), [bad, ok])
    assert results[0]["status"] == "invalid" and fields(results[0]) == {field}
    assert_only_good_stored(results, ok)


def test_no_position_at_all_is_fine(client, bearer, bob, field_setup):
    rec = visit_record(field_setup["households"][0], field_setup["outreach"], latitude=None, longitude=None)
    [res] = push(client, bearer(bob), [rec])
    assert res["status"] == "created"
    assert Visit.objects.get().latitude is None


@pytest.mark.parametrize("both", [True, False])
def test_household_and_household_uuid_exactly_one(client, bearer, bob, field_setup, both):
    bad = visit_record(field_setup["households"][0], field_setup["outreach"])
    if both:
        bad["data"]["household_uuid"] = str(uuid.uuid4())
    else:
        del bad["data"]["household"]
    ok = good(field_setup)
    results = push(client, bearer(bob), [bad, ok])
    assert results[0]["status"] == "invalid" and fields(results[0]) == {"household"}
    assert_only_good_stored(results, ok)


@pytest.mark.parametrize("data", ["missing", None, [], "text", 7, True])
def test_data_missing_or_not_an_object(client, bearer, bob, field_setup, data):
    bad = {"type": "visit", "uuid": str(uuid.uuid4())}
    if data != "missing":
        bad["data"] = data
    ok = good(field_setup)
    results = push(client, bearer(bob), [bad, ok])
    assert results[0] == {"uuid": bad["uuid"], "type": "visit", "status": "invalid",
                          "errors": [{"field": "data", "message": results[0]["errors"][0]["message"]}]}
    assert results[0]["errors"][0]["message"]
    assert_only_good_stored(results, ok)


# --- households -----------------------------------------------------------------------------------------------

def test_household_naming_an_unknown_outreach_is_refused(client, bearer, bob, field_setup):
    bad = household_record(outreach=2**40)
    results = push(client, bearer(bob), [bad, good(field_setup)])
    assert results[0]["status"] == "invalid" and fields(results[0]) == {"outreach"}
    assert not Household.objects.filter(client_uuid=bad["uuid"]).exists()
    assert results[1]["status"] == "created"


def test_household_naming_another_offices_outreach_is_refused(client, bearer, bob, field_setup, offices):
    from balekdusun.campaigns.models import Campaign

    campaign = Campaign.objects.create(office=offices["jatim"], name="Jatim", start_date=dt.date(2024, 1, 1))
    foreign = Outreach.objects.create(campaign=campaign, village_id="35.02.01.2001", date=timezone.localdate())
    bad = household_record(outreach=foreign.pk)
    [res] = push(client, bearer(bob), [bad])
    assert res["status"] == "invalid" and fields(res) == {"outreach"}
    assert not Household.objects.filter(client_uuid=bad["uuid"]).exists()


def test_household_on_its_own_outreach_is_created(client, bearer, bob, field_setup):
    rec = household_record(outreach=field_setup["outreach"].pk)
    [res] = push(client, bearer(bob), [rec])
    assert res["status"] == "created"
    assert Household.objects.get(client_uuid=rec["uuid"]).pk == res["id"]


def test_household_conflict_keeps_its_household_link(client, bearer, bob, field_setup):
    rec = household_record()
    h = bearer(bob)
    [first] = push(client, h, [rec])
    changed = json.loads(json.dumps(rec))
    changed["data"]["address"] = "Rumah lain"
    [res] = push(client, h, [changed])
    assert res["status"] == "conflict" and res["id"] == first["id"]
    conflict = SyncConflict.objects.get()
    assert conflict.kind == "household" and conflict.household_id == first["id"]
    assert conflict.visit_id is None and conflict.village_id == "16.02.08.2017" and conflict.officer == bob
    assert res["flags"] == [f"conflict:{conflict.pk}"]
    assert Household.objects.get(pk=first["id"]).address == "Rumah baru"


# --- the audit entry ------------------------------------------------------------------------------------------

def test_sync_pushed_audit_entry_counts_the_push(client, bearer, bob, field_setup):
    h = bearer(bob)
    stored_rec = good(field_setup, 0)
    push(client, h, [stored_rec])
    changed = json.loads(json.dumps(stored_rec))
    changed["data"]["outcome"] = "refused"
    before = set(AuditEntry.objects.filter(action="sync.pushed").values_list("pk", flat=True))
    push(client, h, [good(field_setup, 1), good(field_setup, 2), stored_rec, changed,
                     {"type": "visit", "uuid": "x"}])
    [entry] = AuditEntry.objects.filter(action="sync.pushed").exclude(pk__in=before)
    assert entry.actor == bob
    assert entry.data == {"created": 2, "duplicate": 1, "conflict": 1, "invalid": 1, "new_conflicts": 1}


def test_a_pure_replay_leaves_no_audit_entry(client, bearer, bob, field_setup):
    h = bearer(bob)
    rec = good(field_setup)
    push(client, h, [rec])
    count = AuditEntry.objects.filter(action="sync.pushed").count()
    assert count == 1
    push(client, h, [rec])
    assert AuditEntry.objects.filter(action="sync.pushed").count() == count


# --- concurrency fallbacks: another request stored the same UUID between the batch's lookups and its insert ---

def _stored_by_someone_else(client, bearer, bob, rec):
    [res] = push(client, bearer(bob), [rec])
    assert res["status"] == "created"
    return res["id"]


def test_plain_visits_fall_back_one_by_one_when_the_batch_insert_fails(client, bearer, bob, field_setup):
    raced = good(field_setup, 0)
    visit_id = _stored_by_someone_else(client, bearer, bob, raced)
    fresh = good(field_setup, 1)
    # The batch did not see the stored visit (as if the other push committed after its lookup).
    with mock.patch("balekdusun.visits.ingest.stored", return_value={}):
        results = push(client, bearer(bob), [raced, fresh])
    assert results[0] == {"uuid": raced["uuid"], "type": "visit", "status": "duplicate", "id": visit_id}
    assert results[1]["status"] == "created"
    assert Visit.objects.count() == 2


def test_plain_visit_racing_with_other_content_becomes_a_conflict(client, bearer, bob, field_setup):
    raced = good(field_setup, 0)
    visit_id = _stored_by_someone_else(client, bearer, bob, raced)
    changed = json.loads(json.dumps(raced))
    changed["data"]["outcome"] = "not_home"
    changed["data"]["met_role"] = ""
    with mock.patch("balekdusun.visits.ingest.stored", return_value={}):
        [res] = push(client, bearer(bob), [changed])
    assert res["status"] == "conflict" and res["id"] == visit_id
    assert SyncConflict.objects.get().visit_id == visit_id
    assert Visit.objects.get().outcome == "met"


def test_visit_with_effects_falls_back_when_its_insert_fails(client, bearer, bob, stocked):
    raced = visit_record(stocked["households"][0], stocked["outreach"],
                         materials=[{"material_id": stocked["brochure"].pk, "quantity": 1}])
    visit_id = _stored_by_someone_else(client, bearer, bob, raced)
    with mock.patch("balekdusun.visits.ingest.stored", return_value={}):
        [res] = push(client, bearer(bob), [raced])
    assert res == {"uuid": raced["uuid"], "type": "visit", "status": "duplicate", "id": visit_id}
    from balekdusun.materials.models import StockMove

    # The brochure was handed out once, not twice.
    assert StockMove.objects.filter(visit_id=visit_id).count() == 1


def test_household_falls_back_when_its_receipt_insert_fails(client, bearer, bob, field_setup):
    rec = household_record()
    [first] = push(client, bearer(bob), [rec])
    real = services._receipts
    calls = []

    def stale_first(uuids):
        calls.append(1)
        return {} if len(calls) == 1 else real(uuids)

    with mock.patch.object(services, "_receipts", side_effect=stale_first):
        [res] = push(client, bearer(bob), [rec])
    assert res == {"uuid": rec["uuid"], "type": "household", "status": "duplicate", "id": first["id"]}
    assert len(calls) == 2
    assert HouseholdReceipt.objects.count() == 1 and Household.objects.filter(client_uuid=rec["uuid"]).count() == 1


def test_conflict_stored_by_a_concurrent_request_is_answered_as_conflict(client, bearer, bob, field_setup):
    rec = good(field_setup, 0)
    h = bearer(bob)
    push(client, h, [rec])
    changed = json.loads(json.dumps(rec))
    changed["data"]["outcome"] = "refused"
    changed["data"]["met_role"] = ""
    [first] = push(client, h, [changed])
    from django.db import IntegrityError

    # get_or_create lost the race: the row is there, the insert failed.
    with mock.patch.object(SyncConflict.objects, "get_or_create", side_effect=IntegrityError):
        [res] = push(client, h, [changed])
    assert res["status"] == "conflict" and res["flags"] == first["flags"]
    assert SyncConflict.objects.count() == 1


# --- what each refusal says, and to whom (survivors of `make mutation`, docs/mutation.md) ----------------------

def test_a_record_that_is_not_an_object_is_answered_without_uuid_or_type(client, bearer, bob, field_setup):
    results = push(client, bearer(bob), [7, good(field_setup)])
    assert results[0] == {"uuid": "", "type": "", "status": "invalid",
                          "errors": [{"field": "", "message": "Harus berupa objek."}]}


def test_an_unknown_record_type_names_the_type(client, bearer, bob, field_setup):
    rec = {"type": "case", "uuid": str(uuid.uuid4()), "data": {}}
    [res] = push(client, bearer(bob), [rec])
    assert res == {"uuid": rec["uuid"], "type": "case", "status": "invalid",
                   "errors": [{"field": "type", "message": res["errors"][0]["message"]}]}
    assert res["errors"][0]["message"] and "visit" in res["errors"][0]["message"]


def test_a_visit_naming_an_unknown_outreach_day(client, bearer, bob, field_setup):
    rec = visit_record(field_setup["households"][0])
    rec["data"]["outreach"] = 2**40
    [res] = push(client, bearer(bob), [rec])
    assert res["status"] == "invalid" and fields(res) == {"outreach"}
    assert not Visit.objects.exists()


def test_household_in_an_unknown_village_says_so(client, bearer, bob, field_setup):
    [res] = push(client, bearer(bob), [household_record(village="16.02.08.9999")])
    assert res["errors"] == [{"field": "village", "message": "Desa tidak dikenal, atau di luar wilayah Anda."}]


def test_household_from_the_phone_is_created_by_the_officer(client, bearer, bob, field_setup):
    [res] = push(client, bearer(bob), [household_record()])
    assert Household.objects.get(pk=res["id"]).created_by == bob
    assert AuditEntry.objects.get(action="household.created", object_id=str(res["id"])).actor == bob


def test_household_on_an_unusable_turf_audits_the_turf_it_named(client, bearer, bob, field_setup):
    [res] = push(client, bearer(bob), [household_record(turf=2**40)])
    assert res["status"] == "created" and res["flags"] == ["turf.unknown"]
    entry = AuditEntry.objects.get(action="sync.household_turf_unknown")
    assert entry.data["turf"] == 2**40 and entry.actor == bob


def test_domain_error_result_carries_the_records_uuid(client, bearer, bob, stocked):
    rec = visit_record(stocked["households"][0], stocked["outreach"], sticker_code=stocked["codes"][0])
    with mock.patch("balekdusun.materials.services.place_sticker",
                    side_effect=DomainError("sticker.test", "Stiker bermasalah.", field="sticker_code")):
        [res] = push(client, bearer(bob), [rec])
    assert res == {"uuid": rec["uuid"], "type": "visit", "status": "invalid",
                   "errors": [{"field": "sticker_code", "message": "Stiker bermasalah."}]}


def test_a_visit_that_cannot_be_stored_is_logged_and_retried(client, bearer, bob, stocked, caplog):
    from django.db import IntegrityError

    rec = visit_record(stocked["households"][0], stocked["outreach"], sticker_code=stocked["codes"][0])
    with mock.patch.object(Visit, "save", side_effect=IntegrityError("constraint")):
        [res] = push(client, bearer(bob), [rec])
    assert res["status"] == "invalid" and fields(res) == {""}
    assert not Visit.objects.exists()
    assert any(rec["uuid"] in r.getMessage() for r in caplog.records), [r.getMessage() for r in caplog.records]


def test_conflict_error_names_the_uuid(client, bearer, bob, field_setup):
    rec = good(field_setup, 0)
    h = bearer(bob)
    push(client, h, [rec])
    changed = json.loads(json.dumps(rec))
    changed["data"]["outcome"] = "moved"
    changed["data"]["met_role"] = ""
    [res] = push(client, h, [changed])
    assert res["status"] == "conflict" and fields(res) == {"uuid"}


def test_second_copy_of_a_refused_record_gets_the_same_errors(client, bearer, bob, field_setup):
    rec = visit_record(field_setup["households"][0])
    rec["data"]["household"] = 2**40  # no such household: refused when applied, not when read
    results = push(client, bearer(bob), [rec, rec])
    assert results[0]["status"] == results[1]["status"] == "invalid"
    assert results[1]["errors"] == results[0]["errors"] == [
        {"field": "household", "message": "Rumah tangga tidak dikenal, atau di luar wilayah Anda."}]


def test_plain_visits_go_in_one_multi_row_insert(client, bearer, bob, stocked):
    from balekdusun.visits import ingest

    real = ingest.Rows.insert
    plain = [good(stocked, n) for n in range(3)]
    with_sticker = visit_record(stocked["households"][3], stocked["outreach"], sticker_code=stocked["codes"][0])
    with mock.patch.object(ingest.Rows, "insert", autospec=True, side_effect=real) as insert:
        results = push(client, bearer(bob), [*plain, with_sticker])
    assert [r["status"] for r in results] == ["created"] * 4
    insert.assert_called_once()
    assert insert.call_args.args[0].count == 3  # the three plain visits; the one with a sticker on its own
