import json

from balekdusun.core.models import AuditEntry
from balekdusun.visits.models import SyncConflict, Visit
from balekdusun.visits.tests.conftest import visit_record


def _conflict(client, bearer, bob, field_setup):
    rec = visit_record(field_setup["households"][0], field_setup["outreach"])
    other = json.loads(json.dumps(rec))
    other["data"]["outcome"] = "refused"
    client.post("/api/v1/sync/push", json.dumps({"records": [rec], "device": {"id": "p1", "pending": 1}}),
                content_type="application/json", **bearer(bob))
    client.post("/api/v1/sync/push", json.dumps({"records": [other]}), content_type="application/json",
                **bearer(bob))
    return SyncConflict.objects.get()


def test_coordinator_pages(client, bearer, bob, carol, login, field_setup):
    conflict = _conflict(client, bearer, bob, field_setup)
    c = login(carol)
    r = c.get("/visits/")
    assert r.status_code == 200 and "Pematang Buluran" in r.content.decode()
    r = c.get(f"/visits/day/{field_setup['outreach'].pk}/")
    assert r.status_code == 200 and "Bob" in r.content.decode()
    assert c.get("/visits/conflicts/").status_code == 200
    r = c.get(f"/visits/conflicts/{conflict.pk}/")
    assert r.status_code == 200 and "Menolak" in r.content.decode() and "refused" not in r.content.decode()
    r = c.get("/visits/devices/")
    assert r.status_code == 200 and "p1" in r.content.decode()


def test_resolve_takes_incoming_and_is_audited(client, bearer, bob, carol, login, field_setup):
    conflict = _conflict(client, bearer, bob, field_setup)
    c = login(carol)
    r = c.post(f"/visits/conflicts/{conflict.pk}/", {"decision": "take", "note": "Petugas mengoreksi"})
    assert r.status_code == 302
    visit = Visit.objects.get()
    assert visit.outcome == "refused" and visit.content_hash == conflict.content_hash
    conflict.refresh_from_db()
    assert conflict.resolution == "took_incoming" and conflict.resolved_by == carol
    assert AuditEntry.objects.filter(action="sync.conflict_resolved").count() == 1
    assert AuditEntry.objects.filter(action="visit.replaced_from_conflict").count() == 1
    # The phone retrying the corrected version now gets `duplicate`.
    assert c.post(f"/visits/conflicts/{conflict.pk}/", {"decision": "keep"}).status_code == 200


def test_resolve_needs_a_decision(client, bearer, bob, carol, login, field_setup):
    conflict = _conflict(client, bearer, bob, field_setup)
    r = login(carol).post(f"/visits/conflicts/{conflict.pk}/", {"decision": ""})
    assert r.status_code == 422
    assert SyncConflict.objects.get().resolved_at is None


def test_scoping_and_permissions(client, bearer, bob, jane, login, field_setup):
    conflict = _conflict(client, bearer, bob, field_setup)
    j = login(jane)
    assert j.get(f"/visits/conflicts/{conflict.pk}/").status_code == 404
    assert j.get(f"/visits/day/{field_setup['outreach'].pk}/").status_code == 404
    assert "Pematang" not in j.get("/visits/").content.decode()
    assert login(bob).get("/visits/conflicts/").status_code == 403
