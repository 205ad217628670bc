import json
import uuid
from datetime import timedelta

from django.utils import timezone

from balekdusun.visits.models import SyncConflict, Visit
from balekdusun.visits.tests.conftest import VILLAGE, visit_record

PUSH = "/api/v1/sync/push"


def push(client, headers, records, **extra):
    return client.post(PUSH, json.dumps({"records": records, **extra}), content_type="application/json", **headers)


def test_push_creates_then_duplicate_then_conflict(client, bearer, bob, field_setup):
    h = bearer(bob)
    hh, outreach = field_setup["households"][0], field_setup["outreach"]
    rec = visit_record(hh, outreach)
    r = push(client, h, [rec])
    assert r.status_code == 200, r.content
    [res] = r.json()["results"]
    assert res["status"] == "created"
    visit = Visit.objects.get(uuid=rec["uuid"])
    assert visit.household == hh and visit.village_id == VILLAGE and visit.officer == bob
    assert visit.data["migration"]["abroad"][0]["country"] == "MY"
    assert visit.data["knowledge"]["warning_signs"] is True

    r = push(client, h, [rec])
    assert r.json()["results"][0]["status"] == "duplicate"
    assert Visit.objects.count() == 1

    changed = json.loads(json.dumps(rec))
    changed["data"]["outcome"] = "refused"
    for _ in range(2):
        res = push(client, h, [changed]).json()["results"][0]
        assert res["status"] == "conflict"
    assert Visit.objects.get().outcome == "met"
    conflict = SyncConflict.objects.get()
    assert conflict.visit == visit and conflict.payload["outcome"] == "refused"


def test_bad_record_does_not_block_good_ones(client, bearer, bob, field_setup):
    hh = field_setup["households"]
    good = visit_record(hh[0])
    wrong_types = visit_record(hh[1], outcome="met", topics="hotline", visited_at="yesterday")
    wrong_types["data"]["migration"]["returnees"] = "many"
    unknown = visit_record(hh[2])
    unknown["data"]["household"] = 999999
    r = push(client, bearer(bob), [good, wrong_types, unknown, {"type": "visit", "uuid": "nope", "data": {}}])
    assert r.status_code == 200
    results = r.json()["results"]
    assert [x["status"] for x in results] == ["created", "invalid", "invalid", "invalid"]
    fields = {e["field"] for e in results[1]["errors"]}
    assert {"visited_at", "topics", "migration.returnees"} <= fields
    assert results[2]["errors"][0]["field"] == "household"
    assert results[3]["errors"][0]["field"] == "uuid"
    assert Visit.objects.count() == 1


def test_household_outside_jurisdiction_is_unknown(client, bearer, charlie, field_setup):
    r = push(client, bearer(charlie), [visit_record(field_setup["households"][0])])
    assert r.json()["results"][0]["status"] == "invalid"
    assert r.json()["results"][0]["errors"][0]["field"] == "household"


def test_household_created_offline_then_visited(client, bearer, bob, field_setup):
    hid = str(uuid.uuid4())
    household = {"type": "household", "uuid": hid,
                 "data": {"village": VILLAGE, "outreach": field_setup["outreach"].pk, "dusun": "II", "rt": "003",
                          "address": "Dekat masjid", "latitude": -3.31, "longitude": 104.91}}
    visit = visit_record(field_setup["households"][0], field_setup["outreach"])
    del visit["data"]["household"]
    visit["data"]["household_uuid"] = hid
    # Sent visit first: the server applies households first within a batch.
    results = push(client, bearer(bob), [visit, household]).json()["results"]
    assert [x["status"] for x in results] == ["created", "created"]
    v = Visit.objects.get(uuid=visit["uuid"])
    assert str(v.household.client_uuid) == hid and v.household.dusun == "II"
    results = push(client, bearer(bob), [household, visit]).json()["results"]
    assert [x["status"] for x in results] == ["duplicate", "duplicate"]
    household["data"]["address"] = "Dekat sekolah"
    assert push(client, bearer(bob), [household]).json()["results"][0]["status"] == "conflict"


def test_batch_over_limit(client, bearer, bob, field_setup):
    records = [visit_record(field_setup["households"][0]) for _ in range(501)]
    r = push(client, bearer(bob), records)
    assert r.status_code == 413
    assert r.json()["errors"][0]["field"] == "records"
    assert Visit.objects.count() == 0


def test_malformed_json_and_wrong_top_level_types(client, bearer, bob, field_setup):
    h = bearer(bob)
    r = client.post(PUSH, b'{"records": [', content_type="application/json", **h)
    assert r.status_code == 400
    r = client.post(PUSH, json.dumps({"records": "all"}), content_type="application/json", **h)
    assert r.status_code == 422
    assert "records" in json.dumps(r.json())


def test_expired_and_missing_token(client, bob, field_setup):
    from balekdusun.core.models import ApiToken

    _t, key = ApiToken.issue(user=bob, name="old", expires_at=timezone.now() - timedelta(days=1))
    r = push(client, {"HTTP_AUTHORIZATION": f"Bearer {key}"}, [visit_record(field_setup["households"][0])])
    assert r.status_code == 401
    assert push(client, {}, []).status_code == 401
    assert Visit.objects.count() == 0


def test_viewer_may_not_push(client, bearer, victor, field_setup):
    assert push(client, bearer(victor), []).status_code == 403


def test_same_uuid_twice_in_one_batch(client, bearer, bob, field_setup):
    rec = visit_record(field_setup["households"][0])
    other = json.loads(json.dumps(rec))
    other["data"]["outcome"] = "not_home"
    results = push(client, bearer(bob), [rec, rec, other]).json()["results"]
    assert [x["status"] for x in results] == ["created", "duplicate", "conflict"]
    assert Visit.objects.count() == 1 and SyncConflict.objects.count() == 1


def test_knowledge_dropped_when_not_met(client, bearer, bob, field_setup):
    rec = visit_record(field_setup["households"][0], outcome="not_home")
    assert push(client, bearer(bob), [rec]).json()["results"][0]["status"] == "created"
    assert "knowledge" not in Visit.objects.get().data


def test_device_status_recorded(client, bearer, bob, field_setup):
    from balekdusun.visits.models import DeviceStatus

    push(client, bearer(bob), [], device={"id": "phone-1", "pending": 4, "app_version": "1"})
    d = DeviceStatus.objects.get()
    assert d.user == bob and d.pending == 4 and d.last_push_at is not None


def test_same_device_report_within_the_window_is_not_written_again(client, bearer, bob, field_setup, monkeypatch):
    from balekdusun.visits import conf
    from balekdusun.visits.models import DeviceStatus

    h = bearer(bob)
    device = {"id": "phone-1", "pending": 1, "failing": 0, "app_version": "1"}
    push(client, h, [], device=device)
    first = DeviceStatus.objects.get()
    # The same report again at once: no write (its time stays the first one's).
    push(client, h, [], device=device)
    assert DeviceStatus.objects.get().reported_at == first.reported_at
    # A changed count is written at once.
    push(client, h, [], device={**device, "failing": 2})
    second = DeviceStatus.objects.get()
    assert second.failing == 2 and second.reported_at > first.reported_at
    # The same report once the window has passed is written again.
    monkeypatch.setattr(conf, "DEVICE_REPORT_SECONDS", 0)
    push(client, h, [], device={**device, "failing": 2})
    assert DeviceStatus.objects.get().reported_at > second.reported_at


def test_nul_characters_are_field_errors(client, bearer, bob, field_setup):
    rec = visit_record(field_setup["households"][0], story={"text": "a\x00b", "consent_to_quote": False})
    good = visit_record(field_setup["households"][1])
    # A malformed device report is ignored (telemetry): it never costs the records of the push.
    r = push(client, bearer(bob), [rec, good], device={"id": "p\x00"})
    assert r.status_code == 200
    res, ok = r.json()["results"]
    assert res["status"] == "invalid" and res["errors"][0]["field"] == "story.text"
    assert ok["status"] == "created"
    from balekdusun.visits.models import DeviceStatus

    assert not DeviceStatus.objects.exists()


def test_visit_from_a_phone_with_a_wrong_clock_is_kept_and_flagged(client, bearer, bob, field_setup):
    rec = visit_record(field_setup["households"][0], visited_at="2099-01-01T10:00:00+07:00")
    [res] = push(client, bearer(bob), [rec]).json()["results"]
    assert res["status"] == "created" and res["flags"] == ["visit.time_in_future"]
    assert Visit.objects.get().data["flags"] == ["visit.time_in_future"]
