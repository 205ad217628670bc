import itertools
import uuid
from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone

from balekdusun.campaigns.models import Campaign, Household, Outreach, TeamMember
from balekdusun.materials.models import Material, MaterialKind
from balekdusun.visits.models import Visit

_seq = itertools.count(1)


@pytest.fixture
def brochure(db):
    return Material.objects.create(kind=MaterialKind.BROCHURE, title="Peluang Kerja ke Luar Negeri", version="1",
                                   topics=["jobs"])


@pytest.fixture
def sticker_material(db):
    return Material.objects.create(kind=MaterialKind.STICKER, title="Stiker Balek Dusun", version="1",
                                   topics=["hotline"])


def make_outreach(office, village="16.02.08.2017", day=date(2023, 12, 7), officers=()):
    campaign, _ = Campaign.objects.get_or_create(office=office, name=f"Balek Dusun {office.pk}",
                                                 defaults={"start_date": date(2023, 12, 1)})
    outreach = Outreach.objects.create(campaign=campaign, village_id=village, date=day)
    for user in officers:
        TeamMember.objects.create(outreach=outreach, user=user)
    return outreach


def make_household(village="16.02.08.2017", **fields):
    return Household.objects.create(village_id=village, address=f"Rumah {next(_seq)}", **fields)


def make_visit(*, household, officer, outreach=None, at=None):
    return Visit.objects.create(uuid=uuid.uuid4(), household=household, village_id=household.village_id,
                                outreach=outreach, officer=officer, outcome="met",
                                visited_at=at or timezone.make_aware(datetime(2023, 12, 7, 9, 0)) +
                                timedelta(minutes=next(_seq)),
                                content_hash=uuid.uuid4().hex)


@pytest.fixture
def launch(offices, bob, carol):
    return make_outreach(offices["sumsel"], officers=[bob, carol])


@pytest.fixture
def jatim_outreach(offices, charlie):
    return make_outreach(offices["jatim"], village="35.02.01.2001", officers=[charlie])
