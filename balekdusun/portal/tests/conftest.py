import itertools
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.utils import timezone

from balekdusun.portal.models import Agency, AgencyStatus, JobOpening, JobStatus

_seq = itertools.count(1)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits and the page cache live in the cache; each test starts clean."""
    cache.clear()
    yield
    cache.clear()


def make_agency(name="PT Sriwijaya Karya Mandiri", licence=None, status=AgencyStatus.LICENSED, **fields):
    return Agency.objects.create(name=name, licence_number=licence or f"KEP.{next(_seq)}/PPTKIS/2024",
                                 status=status, **fields)


def make_job(agency=None, *, office=None, status=JobStatus.PUBLISHED, days=30, **fields):
    defaults = {"reference": f"JO-{next(_seq)}", "position": "Pemanen kelapa sawit", "country": "MY",
                "sector": "plantation", "employer": "Ladang Contoh Sdn Bhd", "quota": 40,
                "salary_min": Decimal(1700), "salary_max": Decimal(2200), "currency": "MYR",
                "requirements": "- Usia 21-40 tahun", "closing_date": timezone.localdate() + timedelta(days=days),
                "status": status, "office": office}
    defaults.update(fields)
    if agency is None and defaults.get("scheme", "p_to_p") == "p_to_p":
        agency = make_agency(name=f"PT Agen {next(_seq)}")
    return JobOpening.objects.create(agency=agency, **defaults)


@pytest.fixture
def register(db):
    """A small register: licensed, suspended, revoked."""
    return {
        "licensed": make_agency("PT Sriwijaya Karya Mandiri", "KEP.101/PPTKIS/2022", city="Palembang"),
        "other": make_agency("PT Musi Sejahtera Abadi", "KEP.214/PPTKIS/2021"),
        "suspended": make_agency("PT Cahaya Timur Perkasa", "KEP.422/PPTKIS/2019", AgencyStatus.SUSPENDED),
        "revoked": make_agency("PT Lintas Samudra Sentosa", "KEP.509/PPTKIS/2018", AgencyStatus.REVOKED),
    }
