"""Households created on a phone join the server's walk list: the coordinator's page and PDF, and the other
officers' pulls, show them in walking order."""

import json
import uuid

from django.urls import reverse

from balekdusun.campaigns.models import Household, TurfStop
from balekdusun.core.models import AuditEntry
from balekdusun.visits.tests.conftest import VILLAGE

PUSH, PULL = "/api/v1/sync/push", "/api/v1/sync/pull"


def household_record(*, turf=None, outreach=None, latitude=None, longitude=104.9, address="Rumah baru", **extra):
    data = {"village": VILLAGE, "dusun": "I", "rt": "001", "address": address, **extra}
    if latitude is not None:
        data["latitude"], data["longitude"] = latitude, longitude
    if turf is not None:
        data["turf"] = turf.pk if hasattr(turf, "pk") else turf
    if outreach is not None:
        data["outreach"] = outreach.pk
    return {"type": "household", "uuid": str(uuid.uuid4()), "data": data}


def push(client, headers, records):
    r = client.post(PUSH, json.dumps({"records": records}), content_type="application/json", **headers)
    assert r.status_code == 200, r.content
    return r.json()["results"]


def walk(turf):
    return list(turf.stops.order_by("position").values_list("household__address", flat=True))


def test_a_house_added_on_a_phone_joins_the_walk_list_where_it_stands(client, bearer, login, bob, carol,
                                                                      field_setup, offices):
    from conftest import _user

    turf, outreach = field_setup["turf"], field_setup["outreach"]
    eko = _user("eko", "officer", offices["sumsel"])
    turf.officers.add(eko)
    eko_h = bearer(eko)
    first = client.get(PULL, **eko_h).json()

    # Between the third and fourth doors of the fixture's line of houses.
    rec = household_record(turf=turf, outreach=outreach, latitude=-3.3 + 2.5 * 0.0002, address="Rumah panggung")
    [res] = push(client, bearer(bob), [rec])
    assert res["status"] == "created" and res.get("flags", []) == []
    household = Household.objects.get(pk=res["id"])
    assert walk(turf) == ["Rumah 1", "Rumah 2", "Rumah 3", "Rumah panggung", "Rumah 4", "Rumah 5"]
    assert AuditEntry.objects.filter(action="turf.household_added", data__household=household.pk).exists()

    # A retry changes nothing.
    assert push(client, bearer(bob), [rec])[0]["status"] == "duplicate"
    assert TurfStop.objects.filter(household=household).count() == 1

    # The coordinator's walk list (page and PDF rows) shows it in its place.
    from balekdusun.campaigns import walklist

    assert [row["household_id"] for row in walklist.rows(turf)][3] == household.pk
    page = login(carol).get(reverse("campaigns:turf", args=[turf.pk]))
    assert page.status_code == 200 and "Rumah panggung" in page.content.decode()

    # The other officer of the turf gets the new stop and the house in the next delta.
    delta = client.get(PULL, {"cursor": first["cursor"]}, **eko_h).json()
    [pulled] = delta["turfs"]
    assert pulled["stops"][3] == household.pk and len(pulled["stops"]) == 6
    assert household.pk in {row["i"] for row in delta["households"]}


def test_a_house_without_gps_goes_last(client, bearer, bob, field_setup):
    turf = field_setup["turf"]
    [res] = push(client, bearer(bob), [household_record(turf=turf, outreach=field_setup["outreach"],
                                                        address="Belum ada GPS")])
    assert res["status"] == "created"
    assert walk(turf)[-1] == "Belum ada GPS" and turf.stops.count() == 6


def test_a_turf_it_cannot_join_never_loses_the_house(client, bearer, bob, field_setup, offices):
    from balekdusun.campaigns.models import Campaign, Outreach, Turf

    # Another outreach day's turf in another village, an unknown turf, and a turf of the right village that is
    # not on the outreach day the record names.
    campaign = field_setup["campaign"]
    elsewhere = Outreach.objects.create(campaign=campaign, village_id="16.02.08.2001", date=field_setup["outreach"].date)
    other_village_turf = Turf.objects.create(outreach=elsewhere, name="Dusun lain")
    later = Outreach.objects.create(campaign=Campaign.objects.get(pk=campaign.pk), village_id=VILLAGE,
                                    date=field_setup["outreach"].date.replace(year=2030))
    other_day_turf = Turf.objects.create(outreach=later, name="Dusun I")
    records = [household_record(turf=other_village_turf, address="A"),
               household_record(turf=999999, address="B"),
               household_record(turf=other_day_turf, outreach=field_setup["outreach"], address="C")]
    results = push(client, bearer(bob), records)
    assert [r["status"] for r in results] == ["created"] * 3
    assert all(r["flags"] == ["turf.unknown"] for r in results)
    for r in results:
        assert not TurfStop.objects.filter(household_id=r["id"]).exists()
    assert AuditEntry.objects.filter(action="sync.household_turf_unknown").count() == 3
    assert field_setup["turf"].stops.count() == 5


def test_a_turf_outside_the_jurisdiction_is_unknown(client, bearer, charlie, field_setup):
    """An officer of Jawa Timur naming a Sumatera Selatan turf: for him that turf does not exist."""
    rec = household_record(turf=field_setup["turf"], address="Rumah Jatim")
    rec["data"]["village"] = "35.02.01.2001"
    [res] = push(client, bearer(charlie), [rec])
    assert res["status"] == "created" and res["flags"] == ["turf.unknown"]
    assert field_setup["turf"].stops.count() == 5
