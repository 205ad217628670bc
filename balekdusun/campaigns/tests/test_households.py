import uuid

import pytest

from balekdusun.campaigns import services
from balekdusun.campaigns.models import Household
from balekdusun.core.models import AuditEntry
from balekdusun.core.services import DomainError

VILLAGE = "16.02.08.2017"


def test_create_household_records_consent_and_audit(bob):
    h = services.create_household(village=VILLAGE, actor=bob, consent=True, head_name="Budi", phone="0812 7300 1234",
                                  address="Jl. Lintas Timur", latitude=-3.25, longitude=104.85)
    assert h.phone == "+6281273001234"
    assert h.consent_at is not None and h.consent_by == bob and h.consent_text_version
    assert AuditEntry.objects.filter(action="household.created", object_id=str(h.pk)).exists()


def test_name_without_consent_is_refused(bob):
    with pytest.raises(DomainError) as err:
        services.create_household(village=VILLAGE, actor=bob, head_name="Budi")
    assert err.value.field == "head_name"
    assert not Household.objects.exists()


def test_client_uuid_is_idempotent(bob):
    key = uuid.uuid4()
    first = services.create_household(village=VILLAGE, actor=bob, client_uuid=key, address="A")
    again = services.create_household(village=VILLAGE, actor=bob, client_uuid=key, address="B")
    assert first.pk == again.pk and Household.objects.count() == 1


def test_bad_coordinate_names_field(bob):
    with pytest.raises(DomainError) as err:
        services.create_household(village=VILLAGE, actor=bob, latitude="abc", longitude=104.8)
    assert err.value.field == "latitude"


def test_nearby_households_distance_and_address(bob):
    base = services.create_household(village=VILLAGE, actor=bob, address="Lorong Masjid no 5",
                                     latitude=-3.25, longitude=104.85)
    services.create_household(village=VILLAGE, actor=bob, address="Lorong Masjid no 7",
                              latitude=-3.25, longitude=104.8503)  # ~33 m east
    found = services.nearby_households(village_code=VILLAGE, latitude=-3.25005, longitude=104.85005,
                                       address="lorong masjid 5")
    assert [h.pk for h in found] == [base.pk]
    assert found[0].distance_m < 15
    assert services.nearby_households(village_code=VILLAGE, latitude=-3.25005, longitude=104.85005,
                                      address="Dusun III dekat sungai") == []
    # Another village never matches.
    assert services.nearby_households(village_code="16.02.08.2001", latitude=-3.25, longitude=104.85) == []
