"""Demo data of the reports app (runs last). Idempotent.

The visits app seeds the launch day's visits through its sync service (balekdusun/visits/demo.py); here a
share of the stickers placed that day are scanned through the portal's service, the rollups are rebuilt from
the raw rows (a seed may write rows without the hooks; a rebuild of unchanged rows changes nothing), and the
quality flags are detected.
"""


def seed_scans(launch) -> None:
    """Some families scanned the sticker on their door (through the portal's own service)."""
    from balekdusun.materials.models import Sticker, StickerScan
    from balekdusun.materials.services import record_scan

    placed = Sticker.objects.filter(placed_by_visit__outreach=launch, status="placed").order_by("id")
    if StickerScan.objects.filter(sticker__in=placed).exists():
        return
    for i, code in enumerate(placed.values_list("code", flat=True)):
        if i % 4 == 1 or i % 9 == 0:
            record_scan(code)


def seed(ctx: dict) -> None:
    from balekdusun.reports import quality
    from balekdusun.reports.rebuild import rebuild
    from balekdusun.visits.models import Visit

    if "launch" in ctx:
        seed_scans(ctx["launch"])
    rebuild()
    quality.detect(Visit.objects.all())
