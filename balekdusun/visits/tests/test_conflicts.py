"""Taking the incoming version of a conflict redoes the visit's effects: stock (compensating ledger rows), the
sticker, follow-up cases and the rollups, which then equal a rebuild."""

import copy
import datetime as dt
import json

import pytest
from django.urls import reverse

from balekdusun.core.models import AuditEntry
from balekdusun.core.services import DomainError
from balekdusun.reports.tests.factories import assert_rebuild_agrees, total
from balekdusun.visits.conflicts import resolve_conflict
from balekdusun.visits.models import SyncConflict, Visit
from balekdusun.visits.tests.conftest import visit_record

PUSH = "/api/v1/sync/push"


def push(client, headers, records):
    r = client.post(PUSH, json.dumps({"records": records}), content_type="application/json", **headers)
    assert r.status_code == 200, r.content
    return r.json()["results"]


def net_handed_out(visit):
    from django.db.models import Sum

    from balekdusun.materials.models import StockMove

    rows = (StockMove.objects.filter(visit=visit, kind="handed_out").values("material_id")
            .annotate(n=Sum("quantity")).order_by())
    return {r["material_id"]: r["n"] for r in rows if r["n"]}


def team_stock(outreach):
    from balekdusun.materials.services import issued_stock

    return issued_stock(outreach=outreach)


@pytest.fixture(autouse=True)
def _households_counted(field_setup):
    """The fixture's households are written without the rollup hook; count them, so a rebuild can agree."""
    from balekdusun.reports import rollups

    for household in field_setup["households"]:
        rollups.household_added(household)


@pytest.fixture
def poster(stocked, bob, carol, offices):
    from balekdusun.materials import services as materials
    from balekdusun.materials.models import Material

    poster = Material.objects.create(kind="poster", title="Waspada calo")
    materials.receive_stock(office=offices["sumsel"], material=poster, quantity=10, actor=carol)
    materials.issue_stock(outreach=stocked["outreach"], material=poster, quantity=2, officer=bob, actor=carol)
    return poster


def test_taking_the_incoming_version_redoes_every_effect(client, bearer, bob, carol, stocked, poster):
    from balekdusun.cases.models import Case
    from balekdusun.materials.models import Sticker, StockMove

    hh, outreach, brochure, codes = stocked["households"][0], stocked["outreach"], stocked["brochure"], stocked["codes"]
    h = bearer(bob)
    # The outreach day of 5 January 2026 (a visit dated before its day would be flagged for that).
    type(outreach).objects.filter(pk=outreach.pk).update(date=dt.date(2026, 1, 5))
    stored = visit_record(hh, outreach, materials=[{"material_id": brochure.pk, "quantity": 2}], sticker_code=codes[0],
                          followups=[{"kind": "broker_report", "note": "Sponsor menawarkan visa turis"},
                                     {"kind": "needs_documents", "note": ""}], visited_at="2026-01-05T09:30:00+07:00")
    # Another visit to the same house three days later: after the correction it becomes the house's first.
    later = visit_record(hh, outreach, outcome="not_home", visited_at="2026-01-08T10:00:00+07:00")
    assert [r["status"] for r in push(client, h, [stored, later])] == ["created", "created"]
    visit = Visit.objects.get(uuid=stored["uuid"])
    moves_before = set(StockMove.objects.filter(visit=visit).values_list("pk", flat=True))

    # The phone re-sends the visit edited: a week later, a brochure fewer and two posters, another sticker, the
    # broker report kept, the documents request dropped and a family in trouble added, other knowledge answers.
    incoming = copy.deepcopy(stored)
    incoming["data"].update(
        visited_at="2026-01-12T09:30:00+07:00",
        materials=[{"material_id": brochure.pk, "quantity": 1}, {"material_id": poster.pk, "quantity": 2}],
        sticker_code=codes[1], knowledge={"legal_procedure": False, "hotline": True, "warning_signs": True},
        followups=[{"kind": "broker_report", "note": "Sponsor menawarkan visa turis"},
                   {"kind": "family_in_trouble", "note": "Anak di Malaysia tidak bisa pulang"}])
    assert push(client, h, [incoming])[0]["status"] == "conflict"
    assert total("materials.handed_out") == 2 and total("cases.opened") == 2

    conflict = resolve_conflict(conflict=SyncConflict.objects.get(), actor=carol, take_incoming=True,
                                note="Petugas mengoreksi")
    visit.refresh_from_db()
    assert visit.visited_at == dt.datetime(2026, 1, 12, 2, 30, tzinfo=dt.UTC)
    assert visit.data["sticker_code"] == codes[1]

    # Stock: the ledger only grew, and now says what the incoming version handed out.
    assert moves_before <= set(StockMove.objects.filter(visit=visit).values_list("pk", flat=True))
    assert net_handed_out(visit) == {brochure.pk: 1, poster.pk: 2}
    assert team_stock(outreach) == {brochure.pk: 2}
    # The old hand-out is reversed in its own week and booked again in the new one.
    old_week = StockMove.objects.filter(visit=visit, kind="handed_out", created_at__lt=visit.visited_at)
    assert sum(old_week.values_list("quantity", flat=True)) == 0
    assert StockMove.objects.filter(visit=visit, quantity__lt=0).get().reason.startswith(f"visit {visit.uuid}")

    # Sticker: the new one is placed; the old one stays on the house, and the visit says so.
    new, old = Sticker.objects.get(code=codes[1]), Sticker.objects.get(code=codes[0])
    assert new.status == "placed" and new.household == hh and new.placed_by_visit == visit
    assert old.status == "placed" and old.household == hh
    assert visit.data["flags"] == ["sticker.previous_kept"]

    # Cases: the broker report is the same case; the family in trouble is new; the documents request stays.
    kinds = sorted(Case.objects.filter(visit=visit).values_list("kind", flat=True))
    assert kinds == ["document_help", "illegal_recruiter", "repatriation"]
    documents = Case.objects.get(visit=visit, kind="document_help")
    repatriation = Case.objects.get(visit=visit, kind="repatriation")
    assert conflict.effects["cases_kept"] == [documents.reference]
    assert conflict.effects["cases_opened"] == [repatriation.reference]
    entry = AuditEntry.objects.get(action="visit.replaced_from_conflict")
    assert entry.data["cases_kept"] == [documents.reference] and entry.data["stickers_kept"] == [codes[0]]
    assert entry.data["materials"] == {str(brochure.pk): [2, 1], str(poster.pk): [0, 2]}
    assert entry.data["before"]["data"]["sticker_code"] == codes[0]

    # Rollups: the visit's share moved (three hand-outs now, its follow-ups, its week), as a rebuild counts it.
    assert total("materials.handed_out") == 3 and total(f"materials.m{poster.pk}") == 2
    assert total("followups") == 2 and total("cases.opened") == 3 and total("stickers.placed") == 2
    assert total("households.visited") == 1 and total("households.reached") == 1
    assert total("kn.first.hotline.yes") == 1
    assert_rebuild_agrees()

    # The phone retrying the version now stored is a duplicate.
    assert push(client, h, [incoming])[0]["status"] == "duplicate"


def test_fewer_handed_out_undoes_the_automatic_over_issue(client, bearer, bob, carol, stocked):
    from balekdusun.materials.models import StockMove

    hh, outreach, brochure = stocked["households"][1], stocked["outreach"], stocked["brochure"]
    h = bearer(bob)
    stored = visit_record(hh, outreach, materials=[{"material_id": brochure.pk, "quantity": 5}])
    [res] = push(client, h, [stored])
    assert res["flags"] == ["materials.over_issued"]
    incoming = copy.deepcopy(stored)
    incoming["data"]["materials"] = [{"material_id": brochure.pk, "quantity": 1}]
    push(client, h, [incoming])
    resolve_conflict(conflict=SyncConflict.objects.get(), actor=carol, take_incoming=True)
    visit = Visit.objects.get(uuid=stored["uuid"])
    # The team held 3 and handed out 1: it holds 2, and no adjustment is left standing for this visit.
    assert team_stock(outreach) == {brochure.pk: 2}
    assert sum(StockMove.objects.filter(visit=visit, kind="adjustment").values_list("quantity", flat=True)) == 0
    assert "flags" not in visit.data
    assert total("materials.handed_out") == 1
    assert_rebuild_agrees()


def test_resolving_from_the_coordinator_page(client, bearer, bob, carol, login, stocked):
    from balekdusun.cases.models import Case
    from balekdusun.materials.models import Sticker

    hh, outreach, brochure, codes = stocked["households"][2], stocked["outreach"], stocked["brochure"], stocked["codes"]
    stored = visit_record(hh, outreach, outcome="not_home", topics=[], migration={"abroad": [], "returnees": 0,
                                                                                    "planning": []})
    del stored["data"]["knowledge"]
    push(client, bearer(bob), [stored])
    incoming = visit_record(hh, outreach, uid=stored["uuid"], materials=[{"material_id": brochure.pk, "quantity": 2}],
                            sticker_code=codes[2], followups=[{"kind": "wants_to_apply", "note": "Ingin ke Jepang"}])
    push(client, bearer(bob), [incoming])
    conflict = SyncConflict.objects.get()

    c = login(carol)
    page = c.post(reverse("visits:conflict", args=[conflict.pk]), {"decision": "take", "note": "Ditemui kemudian"},
                  follow=True)
    assert page.status_code == 200
    text = page.content.decode()
    case = Case.objects.get(kind="information")
    assert case.reference in text and codes[2] in text
    visit = Visit.objects.get(uuid=stored["uuid"])
    assert visit.outcome == "met" and net_handed_out(visit) == {brochure.pk: 2}
    assert Sticker.objects.get(code=codes[2]).placed_by_visit == visit and case.visit == visit
    assert total("visits.met") == 1 and total("visits.not_home") == 0 and total("households.reached") == 1
    assert total("materials.handed_out") == 2 and total("stickers.placed") == 1
    assert_rebuild_agrees()


def test_an_incoming_version_about_another_house_or_material_is_refused(client, bearer, bob, carol, stocked):
    hh = stocked["households"]
    stored = visit_record(hh[0], stocked["outreach"])
    push(client, bearer(bob), [stored])
    other_house = copy.deepcopy(stored)
    other_house["data"]["household"] = hh[1].pk
    bad_material = copy.deepcopy(stored)
    bad_material["data"]["materials"] = [{"material_id": 99999, "quantity": 1}]
    push(client, bearer(bob), [other_house, bad_material])
    first, second = SyncConflict.objects.order_by("pk")
    for conflict, code in ((first, "conflict.other_household"), (second, "conflict.unknown_material")):
        with pytest.raises(DomainError) as exc:
            resolve_conflict(conflict=conflict, actor=carol, take_incoming=True)
        assert exc.value.code == code
        conflict.refresh_from_db()
        assert conflict.resolved_at is None
    assert Visit.objects.get().household == hh[0]
    # Keeping the stored version is always possible.
    resolve_conflict(conflict=first, actor=carol, take_incoming=False)


def test_a_withdrawn_sticker_claim_closes_its_placed_twice_report(client, bearer, bob, carol, stocked):
    from balekdusun.materials.models import StickerConflict

    hh, outreach, codes = stocked["households"], stocked["outreach"], stocked["codes"]
    push(client, bearer(bob), [visit_record(hh[0], outreach, sticker_code=codes[0])])
    # The second house's visit named the first house's sticker by mistake; corrected, it names its own.
    wrong = visit_record(hh[1], outreach, sticker_code=codes[0])
    assert push(client, bearer(bob), [wrong])[0]["flags"] == ["sticker.already_placed"]
    fixed = copy.deepcopy(wrong)
    fixed["data"]["sticker_code"] = codes[1]
    push(client, bearer(bob), [fixed])
    resolve_conflict(conflict=SyncConflict.objects.get(), actor=carol, take_incoming=True)
    report = StickerConflict.objects.get()
    assert report.resolved_at is not None and report.resolved_by == carol
    visit = Visit.objects.get(uuid=wrong["uuid"])
    assert "flags" not in visit.data
    assert_rebuild_agrees()
