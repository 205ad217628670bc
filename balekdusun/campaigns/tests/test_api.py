import uuid

import pytest

from balekdusun.campaigns import services
from balekdusun.campaigns.models import Household
from balekdusun.campaigns.tests.test_turfs import make_households, make_outreach

pytestmark = pytest.mark.django_db
VILLAGE = "16.02.08.2017"


def test_create_household_and_nearby(client, bearer, bob, charlie):
    key = str(uuid.uuid4())
    body = {"village": VILLAGE, "client_uuid": key, "address": "Lorong Masjid", "latitude": -3.25, "longitude": 104.85}
    r = client.post("/api/v1/planning/households", body, content_type="application/json", **bearer(bob))
    assert r.status_code == 201, r.content
    again = client.post("/api/v1/planning/households", body, content_type="application/json", **bearer(bob))
    assert again.json()["id"] == r.json()["id"] and Household.objects.count() == 1
    bad = client.post("/api/v1/planning/households", {**body, "client_uuid": None, "head_name": "Budi"},
                      content_type="application/json", **bearer(bob))
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "head_name"
    r = client.get("/api/v1/planning/households/nearby", {"village": VILLAGE, "latitude": -3.25003,
                                                          "longitude": 104.85, "address": "lorong masjid"},
                   **bearer(bob))
    assert [h["id"] for h in r.json()] == [again.json()["id"]]
    # Jawa Timur officer: the Sumsel village does not exist for him.
    r = client.post("/api/v1/planning/households", {**body, "client_uuid": str(uuid.uuid4())},
                    content_type="application/json", **bearer(charlie))
    assert r.status_code == 404


def test_turfs_mine_and_scoping(client, bearer, bob, carol, jane):
    outreach = make_outreach(carol.office, [bob])
    outreach.date = outreach.date.today()
    outreach.save()
    make_households(8)
    turfs = services.cut_turfs(outreach=outreach, count=2, actor=carol, seconds=0.05)
    r = client.get("/api/v1/planning/turfs/mine", **bearer(bob))
    assert r.status_code == 200
    [mine] = r.json()
    assert mine["id"] == turfs[0].pk and [s["position"] for s in mine["stops"]] == [1, 2, 3, 4]
    assert client.get(f"/api/v1/planning/turfs/{turfs[1].pk}", **bearer(jane)).status_code == 404
    assert client.get(f"/api/v1/planning/turfs/{turfs[1].pk}", **bearer(carol)).status_code == 200
    r = client.get("/api/v1/planning/priority", {"within": "16.02.08"}, **bearer(jane))
    assert r.json() == []
