import datetime as dt

import pytest
from django.core.cache import cache
from django.utils import timezone

from balekdusun.campaigns.models import Household
from balekdusun.materials.models import StickerStatus
from balekdusun.reports import rollups
from balekdusun.reports.tests import factories as f

PHONE = "0812 9876 5432"
STORY = "MARKER-STORY Anak kami berangkat lewat calo ke Malaysia."
NOTE = "MARKER-NOTE minta ditelepon malam"


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


def place_sticker(office, actor, household):
    from balekdusun.materials.services import create_batch

    sticker = create_batch(office=office, size=1, actor=actor).stickers.get()
    sticker.household = household
    sticker.status = StickerStatus.PLACED
    sticker.placed_at = timezone.now()
    sticker.save()
    rollups.sticker_placed(sticker)
    return sticker


def make_home(office, actor, officer, *, village=f.VILLAGE, name="Siti Rahmawati Contoh"):
    """A household with a phone, a placed sticker, two visits (one with a story and a follow-up note), an open and
    a closed case."""
    from balekdusun.cases import codes
    from balekdusun.cases.models import Case

    household = f.household(village, head_name=name, phone="+6281298765432", address="Rumah dekat masjid",
                            rt="003", rw="001", consent_at=timezone.now())
    sticker = place_sticker(office, actor, household)
    data = {**f.MIGRANT_DATA, "story": {"text": STORY, "consent_to_quote": True},
            "followups": [{"kind": "family_in_trouble", "note": NOTE}]}
    day = timezone.localdate() - dt.timedelta(days=10)
    first = f.visit(household, officer, f.at(day), "met", data=data)
    f.visit(household, officer, f.at(day + dt.timedelta(days=3)), "met",
            data={"knowledge": {"hotline": True}, "story": {"text": "second " + STORY, "consent_to_quote": False}})
    cases = []
    for status in ("in_progress", "closed"):
        case = Case.objects.create(reference=codes.generate(), office=office, kind="repatriation", source="visit",
                                   village_id=village, household=household, visit=first, status=status,
                                   reporter_name="Pelapor Rahasia", reporter_phone="+6281200001111",
                                   subject_name="Anak Rahasia", description="MARKER-CASE " + status,
                                   closed_at=timezone.now() if status == "closed" else None,
                                   due_at=timezone.now() + dt.timedelta(days=5), destination_country="MY")
        rollups.case_changed(case, old_status=None)
        cases.append(case)
    return {"household": household, "sticker": sticker, "open_case": cases[0], "closed_case": cases[1]}


@pytest.fixture
def home(offices, carol, bob):
    return make_home(offices["sumsel"], carol, bob)


@pytest.fixture
def jatim_home(offices, jane, charlie):
    return make_home(offices["jatim"], jane, charlie, village=f.JATIM_VILLAGE, name="Warga Jatim")


__all__ = ["PHONE", "STORY", "NOTE", "Household"]
