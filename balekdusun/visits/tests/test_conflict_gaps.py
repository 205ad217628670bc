"""Resolving a sync conflict: what `make mutation` found untested in visits/conflicts.py (docs/mutation.md)."""

import copy
import datetime as dt
import json

import pytest
from django.utils import timezone

from balekdusun.core.models import AuditEntry
from balekdusun.core.services import DomainError
from balekdusun.visits.conflicts import resolve_conflict
from balekdusun.visits.models import SyncConflict, Visit
from balekdusun.visits.tests.conftest import visit_record

PUSH = "/api/v1/sync/push"


def push(client, headers, records):
    r = client.post(PUSH, json.dumps({"records": records}), content_type="application/json", **headers)
    assert r.status_code == 200, r.content
    return r.json()["results"]


@pytest.fixture
def conflict_of(client, bearer, bob):
    """conflict_of(record, **changes) stores `record`, then pushes it again with `changes` to its data and
    returns the SyncConflict kept aside."""

    def make(record, **changes):
        h = bearer(bob)
        push(client, h, [record])
        other = copy.deepcopy(record)
        other["data"].update(changes)
        [res] = push(client, h, [other])
        assert res["status"] == "conflict", res
        return SyncConflict.objects.get(uuid=record["uuid"], pk=int(res["flags"][0].split(":")[1]))

    return make


def test_refusals_say_what_and_why(conflict_of, bob, carol, stocked):
    conflict = conflict_of(visit_record(stocked["households"][0], stocked["outreach"]), outcome="refused",
                           met_role="")
    with pytest.raises(DomainError) as err:
        resolve_conflict(conflict=conflict, actor=bob, take_incoming=False)
    assert err.value.code == "conflict.forbidden" and err.value.message == "Peran Anda tidak mengizinkan ini."
    resolve_conflict(conflict=conflict, actor=carol, take_incoming=False)
    with pytest.raises(DomainError) as err:
        resolve_conflict(conflict=conflict, actor=carol, take_incoming=True)
    assert err.value.code == "conflict.resolved"
    assert err.value.message == "Konflik ini sudah diselesaikan."


def test_a_household_conflict_cannot_be_taken(client, bearer, bob, carol, field_setup):
    record = {"type": "household", "uuid": "6f1c2b1e-8f0e-4c55-9a57-3e2f7c1d0a11",
              "data": {"village": "16.02.08.2017", "address": "Rumah A"}}
    push(client, bearer(bob), [record])
    record["data"]["address"] = "Rumah B"
    push(client, bearer(bob), [record])
    with pytest.raises(DomainError) as err:
        resolve_conflict(conflict=SyncConflict.objects.get(), actor=carol, take_incoming=True)
    assert err.value.code == "conflict.cannot_take"


def test_a_foreign_version_is_refused_with_its_reason(carol, charlie, bob, stocked):
    visit = Visit.objects.create(uuid="0b7cf2d8-3f7a-4ad1-9a52-1a0f3c1b7e10", household=stocked["households"][0],
                                 village_id="16.02.08.2017", officer=bob, visited_at=timezone.now(),
                                 outcome="met", data={}, content_hash="a")
    conflict = SyncConflict.objects.create(uuid=visit.uuid, content_hash="b", kind="visit", visit=visit,
                                           village_id="16.02.08.2017", officer=charlie,
                                           payload={"household": visit.household_id, "outcome": "refused",
                                                    "visited_at": timezone.now().isoformat()})
    with pytest.raises(DomainError) as err:
        resolve_conflict(conflict=conflict, actor=carol, take_incoming=True)
    assert err.value.code == "conflict.foreign"
    assert err.value.message.endswith("tidak dapat menggantikan kunjungan yang tersimpan.")


def test_note_is_kept_to_255_characters_and_the_audit_names_the_conflict(conflict_of, carol, stocked):
    conflict = conflict_of(visit_record(stocked["households"][0], stocked["outreach"]), outcome="moved",
                           met_role="")
    resolve_conflict(conflict=conflict, actor=carol, take_incoming=False, note="x" * 300)
    conflict.refresh_from_db()
    assert conflict.note == "x" * 255
    entry = AuditEntry.objects.get(action="sync.conflict_resolved")
    assert entry.object_type and entry.object_id == str(conflict.pk) and entry.data["note"] == "x" * 255


def test_taking_keeps_other_flags_and_judges_time_from_when_it_came(conflict_of, carol, stocked):
    rec = visit_record(stocked["households"][0], stocked["outreach"])
    conflict = conflict_of(rec, outcome="vacant", met_role="")
    # A flag the effects do not raise stays; the incoming time, an hour after the conflict came in, is no clock
    # gone wrong.
    visit = Visit.objects.get(uuid=rec["uuid"])
    Visit.objects.filter(pk=visit.pk).update(data={**visit.data, "flags": ["reviewed.by_hand"]})
    later = (conflict.received_at + dt.timedelta(hours=1)).isoformat()
    SyncConflict.objects.filter(pk=conflict.pk).update(payload={**conflict.payload, "visited_at": later})
    conflict.refresh_from_db()
    resolve_conflict(conflict=conflict, actor=carol, take_incoming=True)
    visit.refresh_from_db()
    assert visit.outcome == "vacant"
    assert visit.data["flags"] == ["reviewed.by_hand"]
    entry = AuditEntry.objects.get(action="visit.replaced_from_conflict")
    assert dt.datetime.fromisoformat(entry.data["before"]["visited_at"]) == dt.datetime.fromisoformat(
        rec["data"]["visited_at"])
    assert entry.data["before"]["outcome"] == "met"


def test_unknown_material_in_the_incoming_version(conflict_of, carol, stocked):
    rec = visit_record(stocked["households"][0], stocked["outreach"])
    conflict = conflict_of(rec, materials=[{"material_id": 2**40, "quantity": 1}])
    with pytest.raises(DomainError) as err:
        resolve_conflict(conflict=conflict, actor=carol, take_incoming=True)
    assert err.value.code == "conflict.unknown_material"
    assert err.value.message == "Versi yang masuk menyebut materi yang tidak ada; pertahankan versi tersimpan."


def test_corrected_hand_outs_are_booked_to_the_visits_officer(conflict_of, bob, carol, stocked):
    from balekdusun.materials.models import StockMove

    brochure = stocked["brochure"]
    rec = visit_record(stocked["households"][0], stocked["outreach"],
                       materials=[{"material_id": brochure.pk, "quantity": 1}])
    conflict = conflict_of(rec, materials=[{"material_id": brochure.pk, "quantity": 2}])
    resolve_conflict(conflict=conflict, actor=carol, take_incoming=True)
    visit = Visit.objects.get(uuid=rec["uuid"])
    moves = StockMove.objects.filter(visit=visit)
    assert moves.count() >= 2 and set(moves.values_list("officer", flat=True)) == {bob.pk}
    entry = AuditEntry.objects.get(action="visit.replaced_from_conflict")
    assert entry.data["materials"] == {str(brochure.pk): [1, 2]}


def test_same_hand_outs_at_another_time_list_no_change(conflict_of, carol, stocked):
    brochure = stocked["brochure"]
    rec = visit_record(stocked["households"][0], stocked["outreach"],
                       materials=[{"material_id": brochure.pk, "quantity": 1}])
    conflict = conflict_of(rec, visited_at=f"{timezone.localdate().isoformat()}T01:30:00+07:00")
    resolve_conflict(conflict=conflict, actor=carol, take_incoming=True)
    assert AuditEntry.objects.get(action="visit.replaced_from_conflict").data["materials"] == {}


def test_a_void_sticker_of_the_visit_is_not_kept(conflict_of, carol, stocked):
    from balekdusun.materials import services as materials
    from balekdusun.materials.models import Sticker

    codes = stocked["codes"]
    rec = visit_record(stocked["households"][0], stocked["outreach"], sticker_code=codes[0])
    conflict = conflict_of(rec, sticker_code=codes[1])
    materials.void_sticker(sticker=Sticker.objects.get(code=codes[0]), reason="Rusak", actor=carol)
    resolve_conflict(conflict=conflict, actor=carol, take_incoming=True)
    visit = Visit.objects.get(uuid=rec["uuid"])
    assert "sticker.previous_kept" not in visit.data.get("flags", [])
    assert "stickers_kept" not in AuditEntry.objects.get(action="visit.replaced_from_conflict").data


def test_only_this_visits_placed_twice_reports_are_closed(client, bearer, bob, carol, stocked, conflict_of):
    from balekdusun.materials.models import StickerConflict

    hh, outreach, codes = stocked["households"], stocked["outreach"], stocked["codes"]
    push(client, bearer(bob), [visit_record(hh[0], outreach, sticker_code=codes[0])])
    # Two other visits claim the same sticker; only the corrected one's report is closed.
    other = visit_record(hh[2], outreach, sticker_code=codes[0])
    push(client, bearer(bob), [other])
    wrong = visit_record(hh[1], outreach, sticker_code=codes[0])
    conflict = conflict_of(wrong, sticker_code=codes[1])
    resolve_conflict(conflict=conflict, actor=carol, take_incoming=True)
    open_reports = StickerConflict.objects.filter(resolved_at__isnull=True)
    assert [r.visit.uuid for r in open_reports] == [Visit.objects.get(uuid=other["uuid"]).uuid]
    closed = StickerConflict.objects.get(resolved_at__isnull=False)
    assert closed.resolution == "Kunjungan dikoreksi dari konflik sinkronisasi dan tidak lagi menyebut stiker ini."
