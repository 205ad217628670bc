import datetime as dt

import pytest

from balekdusun.cases.models import Case
from balekdusun.reports import rollups
from balekdusun.reports.models import RollupCounter
from balekdusun.reports.tests import factories as f
from balekdusun.reports.tests.factories import assert_rebuild_agrees, total


def value(key, period, area=""):
    """A counter's value in one period: the Monday of a week, or a day for ``cases.open_by_due``."""
    row = RollupCounter.objects.filter(area_code=area, key=key, period=period).first()
    return row.value if row else 0


@pytest.fixture
def clock(monkeypatch):
    """`timezone.now()` frozen at Monday 2024-03-04 10:00 (Jakarta) and moved on by hand, so the services' own
    timestamps (resolved_at, closed_at, updated_at, opened_at) fall in the weeks a test chooses. Model field
    defaults bound to the real `timezone.now` (StickerScan.scanned_at) keep the real time."""
    from django.utils import timezone

    class Clock:
        now = f.at(dt.date(2024, 3, 4), 10)

        def advance(self, **delta):
            self.now += dt.timedelta(**delta)

    c = Clock()
    monkeypatch.setattr(timezone, "now", lambda: c.now)
    return c


def test_levels_of_a_village_code():
    assert rollups.levels("16.02.08.2017") == [("16.02.08.2017", "16.02.08", 4), ("16.02.08", "16.02", 3),
                                               ("16.02", "16", 2), ("16", "", 1), ("", "*", 0)]
    assert rollups.week_of(dt.date(2023, 12, 7)) == dt.date(2023, 12, 4)


@pytest.mark.django_db
def test_counters_follow_writes_at_every_level(bob):
    day = dt.date(2023, 12, 7)
    h1, h2 = f.household(), f.household()
    f.household(f.OTHER_VILLAGE)
    f.visit(h1, bob, f.at(day, 9), "met", data=f.MIGRANT_DATA)
    f.visit(h2, bob, f.at(day, 10), "not_home")
    f.visit(h1, bob, f.at(day + dt.timedelta(days=8), 9), "met",
            data={"knowledge": {"legal_procedure": True, "hotline": True}})
    for area in ("16.02.08.2017", "16.02.08", "16.02", "16", ""):
        assert total("visits", area) == 3
        assert total("households.reached", area) == 1
        assert total("households.visited", area) == 2
    assert total("households", "16.02.08") == 3
    assert total("households", "16.02.08.2017") == 2
    assert total("mig.abroad") == 2 and total("mig.country.MY") == 1 and total("mig.country.JP") == 1
    assert total("mig.nonprocedural") == 1 and total("mig.nonprocedural_households") == 1
    assert total("kn.first.legal_procedure.asked") == 1 and total("kn.first.legal_procedure.yes") == 0
    assert total("kn.later.legal_procedure.yes") == 1 and total("kn.later.warning_signs.asked") == 0
    assert total("stories.consented") == 1
    weekly = RollupCounter.objects.get(area_code="16", key="visits", period=dt.date(2023, 12, 4))
    assert weekly.value == 2


@pytest.mark.django_db
def test_an_older_visit_synced_late_becomes_the_first(bob):
    day = dt.date(2024, 1, 10)
    h = f.household()
    f.visit(h, bob, f.at(day + dt.timedelta(days=14)), "met", data={"knowledge": {"hotline": True}})
    f.visit(h, bob, f.at(day), "met", data=f.MIGRANT_DATA)
    assert total("households.reached") == 1
    assert total("kn.first.hotline.yes") == 1 and total("kn.first.legal_procedure.asked") == 1
    assert total("kn.later.hotline.yes") == 1
    assert total("mig.abroad") == 2
    assert_rebuild_agrees()


@pytest.mark.django_db
def test_incremental_and_rebuild_agree(bob, carol, offices):
    from balekdusun.materials.models import Material, Sticker, StickerBatch, StickerScan, StockMove

    out = f.outreach(offices["sumsel"])
    day = dt.date(2023, 12, 7)
    homes = [f.household() for _ in range(6)] + [f.household(f.OTHER_VILLAGE), f.household(f.JATIM_VILLAGE)]
    outcomes = ["met", "not_home", "met", "refused", "met", "vacant", "met", "met"]
    visits = []
    for i, (h, outcome) in enumerate(zip(homes, outcomes, strict=True)):
        visits.append(f.visit(h, bob if i % 2 else carol, f.at(day, 8, i * 3), outcome, outreach=out,
                              data=f.MIGRANT_DATA if outcome == "met" else {}))
    f.visit(homes[1], bob, f.at(day + dt.timedelta(days=20)), "met", data=f.MIGRANT_DATA)
    f.visit(homes[0], bob, f.at(day - dt.timedelta(days=3)), "not_home")  # synced late, older

    brochure = Material.objects.create(kind="brochure", title="Brosur", version="1")
    move = StockMove.objects.create(office=offices["sumsel"], material=brochure, kind="handed_out", quantity=2,
                                    outreach=out, visit=visits[0], created_at=f.at(day, 9))
    rollups.stock_moved(move)
    batch = StickerBatch.objects.create(office=offices["sumsel"], size=2)
    sticker = Sticker.objects.create(code="K7QX4MP", batch=batch, office=offices["sumsel"], status="placed",
                                     household=homes[0], placed_by_visit=visits[0], placed_at=f.at(day, 9))
    rollups.sticker_placed(sticker)
    scan = StickerScan.objects.create(sticker=sticker, code=sticker.code, scanned_at=f.at(day, 20))
    rollups.sticker_scanned(scan)

    case = Case.objects.create(reference="BD-TEST-1", office=offices["sumsel"], kind="information",
                               source="visit", village_id=f.VILLAGE, due_at=f.at(day + dt.timedelta(days=7)),
                               created_at=f.at(day, 10))
    rollups.case_changed(case, old_status=None)
    case2 = Case.objects.create(reference="BD-TEST-2", office=offices["sumsel"], kind="repatriation",
                                source="visit", village_id=f.OTHER_VILLAGE,
                                due_at=f.at(day + dt.timedelta(days=3)), created_at=f.at(day, 11))
    rollups.case_changed(case2, old_status=None)
    case2.status, case2.closed_at = "closed", f.at(day + dt.timedelta(days=2))
    case2.save()
    rollups.case_changed(case2, old_status="new")

    assert total("materials.handed_out", "16") == 2
    assert total("stickers.placed", "16.02.08.2017") == 1 and total("stickers.scanned") == 1
    assert total("cases.opened", "16.02.08") == 2 and total("cases.closed", "16.02.08") == 1
    assert total("visits", "35") == 1 and total("visits", "16") == 9
    assert_rebuild_agrees()


@pytest.mark.django_db
def test_a_sync_batch_counts_like_visits_one_by_one(bob):
    """The push service counts a whole batch with `visits_recorded`; a household visited several times in one
    batch, out of time order, must end with the same counters as a rebuild from the raw rows."""
    day = dt.date(2024, 2, 5)
    h1, h2 = f.household(), f.household()
    f.visit(h1, bob, f.at(day + dt.timedelta(days=20)), "met", data={"knowledge": {"hotline": False}})
    later = f.visit(h1, bob, f.at(day + dt.timedelta(days=10)), "met", data={"knowledge": {"hotline": True}},
                    hook=False)
    earlier = f.visit(h1, bob, f.at(day), "met", data=f.MIGRANT_DATA, hook=False)
    other = f.visit(h2, bob, f.at(day), "not_home", hook=False)
    rollups.visits_recorded([later, earlier, other])
    assert total("households.reached") == 1 and total("households.visited") == 2
    assert total("kn.first.legal_procedure.asked") == 1 and total("kn.later.hotline.asked") == 2
    assert_rebuild_agrees()


@pytest.mark.django_db
def test_a_conflict_resolved_with_the_incoming_version_moves_the_visits_share(bob, carol, offices):
    """The incoming version of a visit is older than the household's other visit and was not a conversation any
    more: its share (first visit, first conversation, migration profile, follow-ups, hand-outs) moves, and the
    counters equal a rebuild."""
    from balekdusun.materials import services as materials
    from balekdusun.materials.models import Material
    from balekdusun.visits import services as sync
    from balekdusun.visits.conflicts import resolve_conflict
    from balekdusun.visits.models import SyncConflict

    out = f.outreach(offices["sumsel"], day=dt.date(2024, 3, 4))
    brochure = Material.objects.create(kind="brochure", title="Brosur")
    materials.receive_stock(office=offices["sumsel"], material=brochure, quantity=10, actor=carol)
    materials.issue_stock(outreach=out, material=brochure, quantity=5, officer=bob, actor=carol)
    h = f.household()
    f.visit(h, bob, f.at(dt.date(2024, 3, 6)), "met", outreach=out, data={"knowledge": {"hotline": True}})
    stored = {"household": h.pk, "outreach": out.pk, "visited_at": "2024-03-12T09:00:00+07:00", "outcome": "met",
              "met_role": "head", "knowledge": {"legal_procedure": True, "hotline": False},
              "migration": {"abroad": [{"country": "MY", "procedural": False}], "returnees": 1, "planning": []},
              "materials": [{"material_id": brochure.pk, "quantity": 2}],
              "followups": [{"kind": "wants_to_apply", "note": ""}]}
    record = {"type": "visit", "uuid": "6c1c5b8e-3f0e-4d43-9a55-0c3f7f0e8a11", "data": stored}
    assert sync.push(user=bob, records=[record])[0]["status"] == "created"
    incoming = {**stored, "visited_at": "2024-03-04T08:00:00+07:00", "outcome": "not_home", "met_role": "",
                "materials": [{"material_id": brochure.pk, "quantity": 1}], "followups": []}
    incoming.pop("knowledge")
    assert sync.push(user=bob, records=[{**record, "data": incoming}])[0]["status"] == "conflict"
    # The stored version is the house's second conversation: its knowledge answers count as "later".
    assert total("kn.first.hotline.yes") == 1 and total("kn.later.legal_procedure.yes") == 1
    assert total("mig.abroad") == 0 and total("followups") == 1
    resolve_conflict(conflict=SyncConflict.objects.get(), actor=carol, take_incoming=True)
    assert total("visits") == 2 and total("visits.not_home") == 1 and total("followups") == 0
    assert total("households.visited") == 1 and total("households.reached") == 1
    assert value("households.visited", dt.date(2024, 3, 4)) == 1  # the corrected visit is now the first
    assert total("materials.handed_out") == 1 and value("materials.handed_out", dt.date(2024, 3, 11)) == 0
    assert total("cases.opened") == 1  # the case opened for the stored version stays
    assert_rebuild_agrees()


# --- real service flows: the on-write path must equal a rebuild ---------------------------------------------------

def _open_case(offices, actor, **kw):
    from balekdusun.cases import services

    args = dict(office=offices["sumsel"], kind="unpaid_wages", source="hotline", village=f.VILLAGE,
                description="Majikan menahan upah", actor=actor)
    args.update(kw)
    return services.open_case(**args)


@pytest.mark.django_db
def test_a_reopened_case_is_taken_back_in_the_week_it_was_closed(clock, offices, carol):
    from balekdusun.cases import services
    from balekdusun.cases.rules import ensure_defaults

    ensure_defaults()
    resolved = _open_case(offices, carol)
    closed = _open_case(offices, carol)
    services.set_status(resolved, status="in_progress", actor=carol)
    clock.advance(days=8)  # week of 11 March
    services.set_status(resolved, status="resolved", actor=carol)
    services.set_status(closed, status="closed", actor=carol, closure_reason="duplicate")
    services.set_status(resolved, status="closed", actor=carol, closure_reason="resolved")
    first_close = rollups.week_of(clock.now)
    assert value("cases.closed", first_close) == 2 and total("cases.open_by_due") == 0
    clock.advance(days=14)  # week of 25 March: both reopened
    services.set_status(resolved, status="in_progress", actor=carol)
    services.set_status(closed, status="in_progress", actor=carol)
    assert total("cases.closed") == 0
    assert value("cases.closed", first_close) == 0
    assert value("cases.closed", rollups.week_of(clock.now)) == 0
    due = rollups.local_date(Case.objects.get(pk=resolved.pk).due_at)
    assert value("cases.open_by_due", due) == 2
    clock.advance(days=7)  # week of 1 April: one of them resolved again
    services.set_status(resolved, status="resolved", actor=carol)
    assert value("cases.closed", rollups.week_of(clock.now)) == 1 and total("cases.closed") == 1
    assert_rebuild_agrees()


@pytest.mark.django_db
def test_a_changed_due_date_moves_the_open_case_to_its_new_day(clock, offices, carol):
    from balekdusun.cases import services
    from balekdusun.cases.rules import ensure_defaults

    ensure_defaults()
    case = _open_case(offices, carol)
    old_day = rollups.local_date(case.due_at)
    new_due = clock.now + dt.timedelta(days=40)
    services.set_due(case, due_at=new_due, actor=carol, reason="Menunggu balasan KBRI")
    assert value("cases.open_by_due", old_day) == 0
    assert value("cases.open_by_due", rollups.local_date(new_due)) == 1
    assert value("cases.open_by_due", rollups.local_date(new_due), f.VILLAGE) == 1
    # the same day again (another hour) changes nothing
    services.set_due(case, due_at=new_due + dt.timedelta(minutes=30), actor=carol)
    assert value("cases.open_by_due", rollups.local_date(new_due)) == 1
    # a closed case is not counted by due day: moving its due date moves nothing, reopening counts the new day
    services.set_status(case, status="closed", actor=carol, closure_reason="duplicate")
    latest = clock.now + dt.timedelta(days=60)
    services.set_due(case, due_at=latest, actor=carol)
    assert not RollupCounter.objects.filter(key="cases.open_by_due").exclude(value=0).exists()
    clock.advance(days=1)
    services.set_status(case, status="in_progress", actor=carol)
    assert value("cases.open_by_due", rollups.local_date(latest)) == 1 and total("cases.open_by_due") == 0
    assert_rebuild_agrees()


def _stickers(offices, carol, n):
    from balekdusun.materials import services

    batch = services.create_batch(office=offices["sumsel"], size=n, actor=carol)
    out = f.outreach(offices["sumsel"])
    services.issue_stickers(batch=batch, outreach=out, count=n, actor=carol)
    return out, list(batch.stickers.order_by("id"))


@pytest.mark.django_db
def test_a_voided_sticker_leaves_stickers_placed_and_keeps_its_scans(offices, carol, bob):
    from balekdusun.materials import services

    out, (torn, kept, unused) = _stickers(offices, carol, 3)
    day = dt.date(2024, 1, 10)
    h1, h2 = f.household(), f.household(f.OTHER_VILLAGE)
    assert services.place_sticker(visit=f.visit(h1, bob, f.at(day), outreach=out), code=torn.code,
                                  household=h1) is None
    assert services.place_sticker(visit=f.visit(h2, bob, f.at(day, 10), outreach=out), code=kept.code,
                                  household=h2) is None
    assert services.record_scan(torn.code) is not None
    assert total("stickers.placed") == 2 and total("stickers.scanned") == 1
    services.void_sticker(sticker=torn, reason="Robek, diganti", actor=carol)
    services.void_sticker(sticker=unused, reason="Salah cetak", actor=carol)
    assert services.record_scan(torn.code) is None
    assert total("stickers.placed") == 1 and total("stickers.placed", f.VILLAGE) == 0
    assert value("stickers.placed", rollups.week_of(day), f.VILLAGE) == 0
    assert total("stickers.scanned", f.VILLAGE) == 1  # scanned while it hung on the house
    assert_rebuild_agrees()


@pytest.mark.django_db
def test_scans_count_from_placement_even_when_the_placement_syncs_late(offices, carol, bob):
    from django.utils import timezone

    from balekdusun.materials import services

    out, (tested, hung) = _stickers(offices, carol, 2)
    h1, h2 = f.household(), f.household()
    # A staff member tries the code at the office; the team puts it up an hour later: not a household's scan.
    assert services.record_scan(tested.code) is not None
    placed = f.visit(h1, bob, timezone.now() + dt.timedelta(hours=1), outreach=out)
    assert services.place_sticker(visit=placed, code=tested.code, household=h1) is None
    # Put up two days ago by a phone that syncs only now; a neighbour scanned it in between.
    assert services.record_scan(hung.code) is not None
    offline = f.visit(h2, bob, timezone.now() - dt.timedelta(days=2), outreach=out)
    assert services.place_sticker(visit=offline, code=hung.code, household=h2) is None
    assert total("stickers.placed") == 2
    assert total("stickers.scanned") == 1
    assert_rebuild_agrees()
