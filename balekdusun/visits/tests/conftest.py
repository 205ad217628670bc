import datetime as dt
import uuid

import pytest
from django.utils import timezone

VILLAGE = "16.02.08.2017"


@pytest.fixture
def field_setup(bob, carol, offices):
    """An outreach day today in Pematang Buluran with bob on the team, one turf of five households."""
    from balekdusun.campaigns.models import Campaign, Household, Outreach, TeamMember, Turf, TurfStop

    campaign = Campaign.objects.create(office=offices["sumsel"], name="Balek Dusun", start_date=dt.date(2023, 12, 7))
    outreach = Outreach.objects.create(campaign=campaign, village_id=VILLAGE, date=timezone.localdate(),
                                       status="in_progress")
    TeamMember.objects.create(outreach=outreach, user=bob)
    turf = Turf.objects.create(outreach=outreach, name="Dusun I")
    turf.officers.add(bob)
    households = []
    for n in range(5):
        h = Household.objects.create(village_id=VILLAGE, dusun="I", rt="001", address=f"Rumah {n + 1}",
                                     latitude=-3.3 + n * 0.0002, longitude=104.9)
        TurfStop.objects.create(turf=turf, household=h, position=n + 1)
        households.append(h)
    return {"campaign": campaign, "outreach": outreach, "turf": turf, "households": households}


@pytest.fixture
def stocked(field_setup, bob, carol, offices):
    """The outreach team holds 3 brochures and 3 sticker codes."""
    from balekdusun.materials import services as materials
    from balekdusun.materials.models import Material

    brochure = Material.objects.create(kind="brochure", title="Bekerja ke luar negeri secara resmi")
    materials.receive_stock(office=offices["sumsel"], material=brochure, quantity=100, actor=carol)
    materials.issue_stock(outreach=field_setup["outreach"], material=brochure, quantity=3, officer=bob, actor=carol)
    batch = materials.create_batch(office=offices["sumsel"], size=3, actor=carol)
    materials.issue_stickers(batch=batch, outreach=field_setup["outreach"], count=3, actor=carol)
    codes = list(batch.stickers.values_list("code", flat=True))
    return {**field_setup, "brochure": brochure, "codes": codes}


def visit_record(household, outreach=None, *, uid=None, outcome="met", **data):
    # On the outreach day of `field_setup` (today), early, so never in the future nor before the day.
    body = {"household": household.pk, "visited_at": f"{timezone.localdate().isoformat()}T00:30:00+07:00",
            "outcome": outcome,
            "latitude": -3.3, "longitude": 104.9, "met_role": "head" if outcome == "met" else "",
            "topics": ["hotline", "jobs"],
            "migration": {"abroad": [{"country": "MY", "sector": "plantation", "procedural": False, "year": 2022}],
                          "returnees": 1, "planning": []},
            "knowledge": {"legal_procedure": True, "hotline": False, "warning_signs": True}}
    if outreach is not None:
        body["outreach"] = outreach.pk
    body.update(data)
    return {"type": "visit", "uuid": str(uid or uuid.uuid4()), "data": body}
