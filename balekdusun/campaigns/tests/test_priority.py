import datetime as dt
import uuid

import pytest
from django.utils import timezone

from balekdusun.campaigns import priority
from balekdusun.campaigns.models import Campaign, Household, MigrationStat, Outreach, PriorityWeight
from balekdusun.regions.models import Area

pytestmark = pytest.mark.django_db
A, B = "16.02.08.2017", "16.02.08.2001"


def test_components_and_weights(carol, bob):
    from balekdusun.cases.models import Case
    from balekdusun.visits.models import Visit

    today = dt.date(2024, 6, 30)
    n_villages = Area.objects.filter(parent_id="16.02.08", level=4).count()
    MigrationStat.objects.create(area_id=A, year=2023, placements=100, non_procedural=20)
    MigrationStat.objects.create(area_id="16.02.08", year=2023, placements=n_villages * 10)  # 10 per village
    homes = [Household.objects.create(village_id=B, address=f"R{i}") for i in range(4)]
    Visit.objects.create(uuid=uuid.uuid4(), household=homes[0], village_id=B, officer=bob, outcome="met",
                         visited_at=timezone.now(), content_hash="x",
                         data={"migration": {"abroad": [{"country": "MY"}], "returnees": 0}})
    Visit.objects.create(uuid=uuid.uuid4(), household=homes[1], village_id=B, officer=bob, outcome="met",
                         visited_at=timezone.now(), content_hash="y", data={"migration": {"returnees": 1}})
    Case.objects.create(reference="C1", office=carol.office, kind="illegal_recruiter", source="visit", village_id=A)
    Case.objects.create(reference="C2", office=carol.office, kind="unpaid_wages", source="visit", village_id=A)
    Case.objects.create(reference="C3", office=carol.office, kind="job_fraud", source="visit", village_id=B,
                        status="closed")
    campaign = Campaign.objects.create(office=carol.office, name="x", start_date=dt.date(2024, 1, 1))
    Outreach.objects.create(campaign=campaign, village_id=B, date=today - dt.timedelta(days=73))

    ranked = {v.code: v for v in priority.rank(carol, within="16.02.08", today=today)}
    a, b = ranked[A], ranked[B]
    assert a.raw["origin"] == 130 and a.detail["origin_own"] == 120 and a.detail["origin_share"] == 10
    assert b.raw["origin"] == 10
    assert (a.raw["migrant_households"], b.raw["migrant_households"]) == (0, 2)
    assert (a.raw["cases"], a.detail["recruiter_reports"]) == (3, 1) and b.raw["cases"] == 0
    assert (a.raw["unreached"], b.raw["unreached"]) == (1.0, 0.5)
    assert (a.raw["recency"], b.raw["recency"]) == (365, 73)
    # Default weights 3/2/2/1/1 of 9: A = 100/9*(3*1 + 0 + 2*1 + 1 + 1) = 77.8
    assert a.score == pytest.approx(77.8, abs=0.1)
    assert a.parts["origin"] == pytest.approx(33.3, abs=0.1)
    first = priority.rank(carol, within="16.02.08", today=today)[0]
    assert first.code == A
    # An admin who only cares about migrant households found by visits puts B first.
    for component in ("origin", "cases", "unreached", "recency"):
        PriorityWeight.objects.filter(component=component).update(weight=0)
    assert priority.rank(carol, within="16.02.08", today=today)[0].code == B
