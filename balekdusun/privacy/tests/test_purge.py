"""The purge on data of several ages: just inside and just outside each retention period."""

import uuid
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from balekdusun.campaigns.models import Household
from balekdusun.cases.models import Case, CaseEvent
from balekdusun.cases.services import open_case
from balekdusun.core.models import AuditEntry
from balekdusun.privacy import conf, purge
from balekdusun.privacy.models import Erasure
from balekdusun.reports.tests import factories as f
from balekdusun.visits.models import SyncConflict, Visit

pytestmark = pytest.mark.django_db

DAYS = {"VISIT_PERSONAL_DAYS": 100, "STORY_DAYS": 50, "CLOSED_CASE_DAYS": 200, "PORTAL_REPORT_DAYS": 30,
        "AUDIT_DAYS": 300}


@pytest.fixture
def periods(monkeypatch):
    for name, days in DAYS.items():
        monkeypatch.setattr(conf, name, days)
    return DAYS


def ago(now, days, hours=0):
    return now - timedelta(days=days, hours=hours)


def answers(note="Anak ingin kerja ke Jepang", story="Anak kami berangkat lewat calo."):
    data = dict(f.MIGRANT_DATA)
    data["story"] = {"text": story, "consent_to_quote": True}
    data["followups"] = [{"kind": "wants_to_apply", "note": note}]
    return data


def closed_case(office, *, source, closed, **kw):
    case = open_case(office=office, kind="unpaid_wages", source=source, description="Gaji tidak dibayar majikan.",
                     village=f.VILLAGE, reporter_name="Siti Aminah", reporter_phone="081234567890", consent=True,
                     subject_name="Rina", employer="Tuan Lim", health_details="Sakit punggung",
                     opened_at=closed - timedelta(days=10), **kw)
    Case.objects.filter(pk=case.pk).update(status="closed", closed_at=closed)
    CaseEvent.objects.create(case=case, kind="note", text="Keluarga menelepon lagi.")
    return case


@pytest.fixture
def world(periods, offices, bob, charlie):
    now = timezone.now()
    sumsel, jatim = offices["sumsel"], offices["jatim"]
    w = {"now": now}
    # A household visited just outside (101 days) and just inside (99 days) the visits' period.
    w["hh_recent"] = f.household(head_name="Pak Darto", phone="081111111111", consent_at=ago(now, 400),
                                 created_at=ago(now, 400))
    w["v_out"] = f.visit(w["hh_recent"], bob, ago(now, 101), data=answers())
    w["v_in"] = f.visit(w["hh_recent"], bob, ago(now, 99), data=answers())
    # A household last visited 101 days ago: its name and phone go.
    w["hh_old"] = f.household(f.OTHER_VILLAGE, head_name="Bu Sari", phone="082222222222", consent_at=ago(now, 400),
                              created_at=ago(now, 400))
    w["v_old"] = f.visit(w["hh_old"], bob, ago(now, 101, 1), data=answers(note="Catatan lama"))
    # In Jawa Timur, a visit 300 days old whose household has an open case: everything kept.
    w["hh_case"] = f.household(f.JATIM_VILLAGE, lat=-7.5, lon=112.0, head_name="Pak Budi", phone="083333333333",
                               consent_at=ago(now, 400), created_at=ago(now, 400))
    w["v_case"] = f.visit(w["hh_case"], charlie, ago(now, 300), data=answers(note="Butuh bantuan"))
    w["open_case"] = open_case(office=jatim, kind="repatriation", source="visit", visit=w["v_case"],
                               description="Ingin pulang.", reporter_name="Pak Budi", consent=True,
                               opened_at=ago(now, 1000))
    # A story just inside its period (49 days) and one just outside (51 days).
    w["v_story_in"] = f.visit(w["hh_recent"], bob, ago(now, 49), data=answers())
    w["v_story_out"] = f.visit(w["hh_recent"], bob, ago(now, 51), data=answers())
    # Cases closed just outside / inside the closed cases' period, and portal reports around theirs.
    w["case_out"] = closed_case(sumsel, source="hotline", closed=ago(now, 201))
    w["case_in"] = closed_case(sumsel, source="hotline", closed=ago(now, 199))
    w["portal_out"] = closed_case(sumsel, source="portal", closed=ago(now, 31))
    w["portal_in"] = closed_case(sumsel, source="portal", closed=ago(now, 29))
    # Audit entries around the audit period.
    w["audit_out"] = AuditEntry.objects.create(at=ago(now, 301), action="case.viewed", office=sumsel,
                                               actor_name="carol")
    w["audit_in"] = AuditEntry.objects.create(at=ago(now, 299), action="case.viewed", office=sumsel,
                                              actor_name="carol")
    # Earlier versions of a visit the audit log kept when a conflict replaced it: 101 and 60 days old.
    for days in (101, 60):
        w[f"replaced_{days}"] = AuditEntry.objects.create(
            at=ago(now, days), action="visit.replaced_from_conflict", office=sumsel, actor_name="carol",
            object_type="visits.visit", object_id=str(w["v_in"].pk),
            data={"conflict": 1, "before": {"outcome": "met", "latitude": -3.3, "longitude": 104.9,
                                            "data": answers(note="Catatan versi lama")}})
    # Sync conflicts 101 days old: a resolved one goes, an open one stays for the coordinator.
    for resolved in (True, False):
        SyncConflict.objects.create(kind="visit", uuid=uuid.uuid4(), content_hash=f"h{resolved}",
                                    payload=answers(), visit=w["v_out"], village_id=f.VILLAGE, officer=bob,
                                    received_at=ago(now, 101), resolved_at=ago(now, 100) if resolved else None,
                                    resolution="kept_existing" if resolved else "")
    # The counters the dashboards read start equal to a rebuild (cases were closed above without their hook).
    call_command("rebuild_rollups")
    return w


def state():
    """Everything the purge may change, as plain values."""
    return {
        "visits": sorted((v.pk, v.latitude, v.longitude, repr(v.data)) for v in Visit.objects.all()),
        "households": sorted(Household.objects.values_list("pk", "head_name", "phone")),
        "cases": sorted((c.pk, c.reporter_name, c.reporter_phone, c.subject_name, c.employer, c.description,
                         c.health_details, c.household_id, c.visit_id) for c in Case.objects.all()),
        "events": sorted((e.pk, e.text) for e in CaseEvent.objects.all()),
        "audit": AuditEntry.objects.count(),
        "audit_copies": sorted((e.pk, repr(e.data)) for e in AuditEntry.objects.filter(
            action="visit.replaced_from_conflict")),
        "conflicts": SyncConflict.objects.count(),
        "rollups": f.snapshot(),
        "erasures": Erasure.objects.count(),
    }


def test_dry_run_lists_per_kind_and_office_and_changes_nothing(world):
    before = state()
    result = purge.run(dry_run=True, now=world["now"])
    assert state() == before
    assert dict(result.counts) == {"visits": 2, "households": 1, "conflicts": 1, "audit_copies": 1, "stories": 4,
                                   "audit_stories": 2, "closed_cases": 1, "portal_reports": 1, "audit_entries": 1}
    assert dict(result.by_office["visits"]) == {"BP3MI Sumatera Selatan": 2}
    lines = "\n".join(result.lines())
    assert "BP3MI Sumatera Selatan: 2" in lines
    assert "visit_personal" not in lines and "closed_cases" not in lines  # words, not keys
    assert not AuditEntry.objects.filter(action="privacy.purged").exists()


def test_purge_erases_what_expired_and_keeps_the_rest(world):
    rollups_before = f.snapshot()
    stories_before = f.total("stories.consented")
    assert stories_before == 6
    result = purge.run(now=world["now"])
    assert result.counts["visits"] == 2 and result.counts["stories"] == 4

    v_out, v_in, v_old = (Visit.objects.get(pk=world[k].pk) for k in ("v_out", "v_in", "v_old"))
    for v in (v_out, v_old):
        assert v.latitude is None and v.longitude is None
        assert all("note" not in fu for fu in v.data["followups"]) and len(v.data["followups"]) == 1
        assert "text" not in v.data["story"]
        assert v.data["migration"] == f.MIGRANT_DATA["migration"]  # what the dashboards count stays
    # 99 days: GPS and notes kept, but the story (over 50 days) is gone.
    assert v_in.latitude is not None and v_in.data["followups"][0]["note"] == "Anak ingin kerja ke Jepang"
    assert "text" not in v_in.data["story"]
    v_story_in = Visit.objects.get(pk=world["v_story_in"].pk)
    assert v_story_in.data["story"]["text"] == "Anak kami berangkat lewat calo."
    v_story_out = Visit.objects.get(pk=world["v_story_out"].pk)
    assert "text" not in v_story_out.data["story"] and v_story_out.data["story"]["consent_to_quote"] is True
    assert v_story_out.latitude is not None and v_story_out.data["followups"][0]["note"]
    # An open case keeps its visit and household whole.
    v_case = Visit.objects.get(pk=world["v_case"].pk)
    assert v_case.latitude == -7.5 and v_case.data["followups"][0]["note"] == "Butuh bantuan"
    assert v_case.data["story"]["text"]
    assert Household.objects.get(pk=world["hh_case"].pk).head_name == "Pak Budi"
    # Households: the one visited 99 days ago keeps its contact; the one left alone for 101 days loses it.
    assert Household.objects.get(pk=world["hh_recent"].pk).phone == "081111111111"
    old = Household.objects.get(pk=world["hh_old"].pk)
    assert (old.head_name, old.phone) == ("", "")

    for key in ("case_out", "portal_out"):
        c = Case.objects.get(pk=world[key].pk)
        assert (c.reporter_name, c.reporter_phone, c.subject_name, c.employer, c.description,
                c.health_details) == ("", "", "", "", "", "")
        assert c.status == "closed" and c.kind == "unpaid_wages"
        assert c.events.count() >= 2 and all(e.text == "" for e in c.events.all())
    for key in ("case_in", "portal_in"):
        c = Case.objects.get(pk=world[key].pk)
        assert c.reporter_name == "Siti Aminah" and c.description == "Gaji tidak dibayar majikan."
        assert "Keluarga menelepon lagi." in [e.text for e in c.events.all()]
    kept = Case.objects.get(pk=world["open_case"].pk)
    assert kept.reporter_name == "Pak Budi" and kept.visit_id == world["v_case"].pk

    # The audit log's earlier versions of the visit follow the same schedule.
    old_copy = AuditEntry.objects.get(pk=world["replaced_101"].pk).data["before"]
    assert old_copy["latitude"] is None and "note" not in old_copy["data"]["followups"][0]
    assert "text" not in old_copy["data"]["story"]
    newer_copy = AuditEntry.objects.get(pk=world["replaced_60"].pk).data["before"]
    assert newer_copy["latitude"] == -3.3 and newer_copy["data"]["followups"][0]["note"] == "Catatan versi lama"
    assert "text" not in newer_copy["data"]["story"]

    assert not AuditEntry.objects.filter(pk=world["audit_out"].pk).exists()
    assert AuditEntry.objects.filter(pk=world["audit_in"].pk).exists()
    assert SyncConflict.objects.filter(resolved_at__isnull=True).count() == 1
    assert SyncConflict.objects.count() == 1

    # One audit entry with the counts; the dashboards equal a rebuild, and only the quotable stories moved.
    entry = AuditEntry.objects.get(action="privacy.purged")
    assert entry.data["counts"]["stories"] == 4 and entry.data["counts"]["audit_entries"] == 1
    f.assert_rebuild_agrees()
    after = f.snapshot()
    changed = {k for k in set(after) | set(rollups_before) if after.get(k) != rollups_before.get(k)}
    assert changed and {key for _area, _period, key in changed} == {"stories.consented"}
    assert f.total("stories.consented") == stories_before - 4


def test_second_run_does_nothing(world):
    purge.run(now=world["now"])
    after_first = state()
    again = purge.run(now=world["now"])
    assert again.total == 0
    after_second = state()
    after_second["audit"] -= 1  # the second run's own entry
    assert after_second == after_first
    assert AuditEntry.objects.filter(action="privacy.purged").count() == 2


def test_zero_days_keeps_forever(world, monkeypatch):
    for name in DAYS:
        monkeypatch.setattr(conf, name, 0)
    before = state()
    assert purge.run(now=world["now"]).total == 0
    after = state()
    after["audit"] -= 1
    assert after == before


def test_command_dry_run_prints_words(world, capsys):
    call_command("purge", "--dry-run")
    out = capsys.readouterr().out
    assert "BP3MI Sumatera Selatan" in out
    assert "catatan audit dihapus: 1" in out and out.startswith("Uji coba: tidak ada yang diubah.")
    assert Visit.objects.get(pk=world["v_out"].pk).latitude is not None
    call_command("purge")
    assert Visit.objects.get(pk=world["v_out"].pk).latitude is None
