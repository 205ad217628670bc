"""Sticker figures for dashboards: placed and scanned per village and week, time from placement to first scan.

Every function takes an already scoped queryset, so callers decide who sees what.
"""

from statistics import median

from django.db.models import Count, F, Min, Q
from django.db.models.functions import TruncWeek

from balekdusun.materials.models import StickerStatus


def placed_per_village_week(stickers) -> list[dict]:
    """[{"village_id", "week" (date of the Monday), "placed"}] for placed stickers."""
    rows = (stickers.filter(status=StickerStatus.PLACED, placed_at__isnull=False)
            .annotate(week=TruncWeek("placed_at")).values("household__village_id", "week")
            .annotate(placed=Count("id")).order_by("week", "household__village_id"))
    return [{"village_id": r["household__village_id"], "week": r["week"].date(), "placed": r["placed"]}
            for r in rows]


def scanned_per_village_week(scans) -> list[dict]:
    """[{"village_id", "week", "scans", "stickers"}] for scans of placed stickers."""
    rows = (scans.filter(sticker__household__isnull=False)
            .annotate(week=TruncWeek("scanned_at")).values("sticker__household__village_id", "week")
            .annotate(scans=Count("id"), stickers=Count("sticker_id", distinct=True))
            .order_by("week", "sticker__household__village_id"))
    return [{"village_id": r["sticker__household__village_id"], "week": r["week"].date(), "scans": r["scans"],
             "stickers": r["stickers"]} for r in rows]


def time_to_first_scan(stickers) -> dict:
    """How long after placement a sticker is first scanned (scans before placement, e.g. staff tests, ignored)."""
    rows = (stickers.filter(status=StickerStatus.PLACED, placed_at__isnull=False)
            .annotate(first=Min("scans__scanned_at", filter=Q(scans__scanned_at__gte=F("placed_at"))))
            .values_list("placed_at", "first"))
    placed = 0
    hours = []
    for placed_at, first in rows:
        placed += 1
        if first is not None:
            hours.append((first - placed_at).total_seconds() / 3600)
    return {
        "placed": placed,
        "scanned": len(hours),
        "scanned_share": round(len(hours) / placed, 4) if placed else None,
        "median_hours": round(median(hours), 2) if hours else None,
        "mean_hours": round(sum(hours) / len(hours), 2) if hours else None,
    }


def status_counts(stickers) -> dict[str, int]:
    counts = {s: 0 for s in StickerStatus.values}
    for row in stickers.values("status").annotate(n=Count("id")).order_by():
        counts[row["status"]] = row["n"]
    return counts
