"""Plain helpers that write raw rows the way the other apps' services do, then call the rollup hooks."""

import datetime as dt
import uuid

from django.utils import timezone

from balekdusun.campaigns.models import Campaign, Household, Outreach
from balekdusun.reports import rollups
from balekdusun.visits.models import Visit

VILLAGE = "16.02.08.2017"  # Pematang Buluran
OTHER_VILLAGE = "16.02.08.2001"
JATIM_VILLAGE = "35.02.01.2003"


def at(day: dt.date, hour=9, minute=0):
    return timezone.make_aware(dt.datetime(day.year, day.month, day.day, hour, minute))


def outreach(office, village=VILLAGE, day=dt.date(2023, 12, 7), name="Balek Dusun"):
    campaign, _ = Campaign.objects.get_or_create(office=office, name=name,
                                                  defaults={"start_date": day})
    return Outreach.objects.create(campaign=campaign, village_id=village, date=day, target_households=10)


def household(village=VILLAGE, *, lat=-3.3, lon=104.9, hook=True, **kw):
    h = Household.objects.create(village_id=village, latitude=lat, longitude=lon, **kw)
    if hook:
        rollups.household_added(h)
    return h


def visit(hh, officer, when, outcome="met", *, outreach=None, data=None, lat=None, lon=None, hook=True):
    v = Visit.objects.create(uuid=uuid.uuid4(), household=hh, village_id=hh.village_id, outreach=outreach,
                             officer=officer, visited_at=when, outcome=outcome, data=data or {},
                             latitude=lat if lat is not None else hh.latitude,
                             longitude=lon if lon is not None else hh.longitude, content_hash="x")
    if hook:
        rollups.visit_recorded(v)
    return v


MIGRANT_DATA = {
    "met_role": "head",
    "topics": ["legal_procedure", "hotline"],
    "migration": {"abroad": [{"country": "MY", "sector": "plantation", "procedural": False, "year": 2022},
                             {"country": "jp", "sector": "caregiver", "procedural": True, "year": 2023}],
                  "returnees": 1, "planning": [{"when": "within_1_year", "country": "MY"}]},
    "knowledge": {"legal_procedure": False, "hotline": True, "warning_signs": True},
    "story": {"text": "Anak kami berangkat lewat calo.", "consent_to_quote": True},
}


def snapshot() -> dict:
    """Every non-zero rollup counter: (area, period, key) -> value."""
    from balekdusun.reports.models import RollupCounter

    return {(r.area_code, r.period, r.key): r.value for r in RollupCounter.objects.exclude(value=0)}


def total(key, area=""):
    """A counter's all-time value for an area (national by default)."""
    from balekdusun.reports.models import TOTAL, RollupCounter

    row = RollupCounter.objects.filter(area_code=area, key=key, period=TOTAL).first()
    return row.value if row else 0


def assert_rebuild_agrees():
    """The counters kept on write equal a rebuild from the raw rows, row by row (weeks, days and totals)."""
    from django.core.management import call_command

    from balekdusun.reports.models import RollupCounter

    incremental = snapshot()
    RollupCounter.objects.all().delete()
    call_command("rebuild_rollups")
    assert snapshot() == incremental
