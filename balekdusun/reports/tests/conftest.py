import datetime as dt

import pytest

from balekdusun.campaigns.models import TeamMember
from balekdusun.reports.tests import factories as f

DAY = dt.date(2023, 12, 7)


@pytest.fixture
def launch(offices, bob, carol):
    """The launch outreach with a small team, 6 households and 7 visits through the rollup hooks."""
    out = f.outreach(offices["sumsel"])
    TeamMember.objects.create(outreach=out, user=bob)
    TeamMember.objects.create(outreach=out, user=carol)
    TeamMember.objects.create(outreach=out, partner_name="Abdul Rahman", partner_role="kepala_desa")
    homes = [f.household(lat=-3.30 + i * 0.0003, lon=104.90 + i * 0.0002, head_name="Budi" if i == 0 else "",
                         phone="0812" if i == 0 else "",
                         consent_at=f.at(DAY) if i == 0 else None) for i in range(6)]
    outcomes = ["met", "met", "not_home", "met", "refused", "met"]
    visits = [f.visit(h, bob if i % 2 else carol, f.at(DAY, 9, i * 10), o, outreach=out,
                      data=f.MIGRANT_DATA if o == "met" else {})
              for i, (h, o) in enumerate(zip(homes, outcomes, strict=True))]
    visits.append(f.visit(homes[2], bob, f.at(DAY, 15), "met", outreach=out,
                          data={"knowledge": {"legal_procedure": True}}))
    return {"outreach": out, "homes": homes, "visits": visits}
