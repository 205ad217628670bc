"""Recompute every rollup counter from the raw rows (`balekdusun rebuild_rollups`).

Uses the same contribution functions as the write path, so both give the same numbers by construction of
the rules, and `tests/test_rollups.py` checks that they do.
"""

from collections import Counter

from django.db import transaction
from django.db.models import F

from balekdusun.reports import rollups
from balekdusun.reports.models import RollupCounter


def compute() -> rollups.Deltas:
    from balekdusun.campaigns.models import Household
    from balekdusun.cases.models import Case
    from balekdusun.materials.models import Sticker, StickerScan, StockMove
    from balekdusun.visits.models import Visit

    deltas = rollups.Deltas()
    for village, created in Household.objects.values_list("village_id", "created_at").iterator(chunk_size=5000):
        deltas.add(village, created, Counter({"households": 1}))

    household, seen_visit, seen_met = None, False, False
    visits = (Visit.objects.only("pk", "household_id", "village_id", "visited_at", "outcome", "data")
              .order_by("household_id", "visited_at", "pk"))
    for visit in visits.iterator(chunk_size=5000):
        if visit.household_id != household:
            household, seen_visit, seen_met = visit.household_id, False, False
        first_met = visit.outcome == rollups.MET and not seen_met
        deltas.add(visit.village_id, visit.visited_at,
                   rollups.visit_parts(visit, first_visit=not seen_visit, first_met=first_met))
        seen_visit = True
        seen_met = seen_met or visit.outcome == rollups.MET

    moves = StockMove.objects.filter(kind="handed_out").select_related(None).values(
        "quantity", "material_id", "created_at", "visit__village_id", "outreach__village_id")
    for m in moves.iterator(chunk_size=5000):
        village = m["visit__village_id"] or m["outreach__village_id"]
        if village:
            n = m["quantity"] or 0  # signed: a reversed hand-out is negative
            deltas.add(village, m["created_at"],
                       Counter({"materials.handed_out": n, f"materials.m{m['material_id']}": n}))

    # Placed stickers only: a void one hangs on no house (rollups.sticker_voided).
    placed = Sticker.objects.filter(status="placed", household__isnull=False).values_list(
        "household__village_id", "placed_at")
    for village, when in placed.iterator(chunk_size=5000):
        if when is not None:
            deltas.add(village, when, Counter({"stickers.placed": 1}))
    # Scans of a sticker that hangs or hung on a house (a void one's stay: made while it hung there), from its
    # placement time on (rollups.scan_counts).
    scans = StickerScan.objects.filter(sticker__household__isnull=False,
                                       scanned_at__gte=F("sticker__placed_at")).values_list(
        "sticker__household__village_id", "scanned_at")
    for village, when in scans.iterator(chunk_size=5000):
        deltas.add(village, when, Counter({"stickers.scanned": 1}))

    for case in Case.objects.all().iterator(chunk_size=5000):
        area = rollups.case_area(case)
        deltas.add(area, case.created_at, Counter({"cases.opened": 1}))
        if case.status in rollups.CLOSED:
            deltas.add(area, rollups.case_closed_when(case), Counter({"cases.closed": 1}))
        elif case.due_at:
            deltas.add_day(area, rollups.local_date(case.due_at), "cases.open_by_due", 1)
    return deltas


@transaction.atomic
def rebuild() -> int:
    """Replace every counter; returns the number of rows written."""
    rows = compute().rows()
    RollupCounter.objects.all().delete()
    RollupCounter.objects.bulk_create(
        (RollupCounter(area_code=a, parent_code=p, level=lv, period=d, key=k, value=v)
         for (a, p, lv, d, k), v in rows.items()), batch_size=2000)
    return len(rows)
