"""One precision rule per role (core/precision.py) on the map API, the household page and the exports alike:
viewers and village officials get coordinates rounded to 2 decimals, no household ids, no street address."""

import csv
import io

import pytest

from balekdusun.core import precision
from balekdusun.reports.tests import factories as f

LAT, LON = -3.301234, 104.905678
BBOX = "104.8,-3.4,105.0,-3.2"


@pytest.fixture
def home(offices):
    return f.household(lat=LAT, lon=LON, address="Jl. Melati No. 7", dusun="II", rt="003")


def _map(client, headers, zoom):
    response = client.get("/api/v1/reports/map", {"bbox": BBOX, "zoom": zoom}, **headers)
    assert response.status_code == 200
    return response.json()


def _csv(response):
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))


def test_the_rule_per_role(alice, dave, carol, bob, dina, victor):
    assert [precision.exact(u) for u in (alice, dave, carol, bob)] == [True] * 4
    assert [precision.exact(u) for u in (dina, victor)] == [False, False]
    assert precision.coordinate(victor, LAT) == -3.3 and precision.coordinate(carol, LAT) == LAT
    assert precision.address(dina, "Jl. Melati") == precision.MASK and precision.address(dina, "") == ""


def test_map_api_coarse_for_viewers_and_village_officials(client, bearer, carol, dina, victor, home):
    exact = _map(client, bearer(carol), 16)
    assert exact["mode"] == "points"
    assert exact["features"] == [{"id": home.pk, "lat": LAT, "lon": LON, "outcome": "", "village": home.village_id}]
    for user in (dina, victor):
        for zoom in (16, 8):  # single points and grid clusters (a cell of one house is that house)
            body = _map(client, bearer(user), zoom)
            assert body["features"], (user.username, zoom)
            for feature in body["features"]:
                assert "id" not in feature
                assert (feature["lat"], feature["lon"]) == (-3.3, 104.91), (user.username, zoom, feature)
        villages = _map(client, bearer(user), 12)["villages"]
        assert [(v["lat"], v["lon"]) for v in villages] == [(-3.3, 104.91)]


def test_household_page_masks_address_and_gps_like_the_exports(login, carol, victor, dina, home):
    path = f"/planning/villages/{home.village_id}/households/"
    page = login(carol).get(path).content.decode()
    assert "Jl. Melati No. 7" in page and "-3,30123" in page
    for user in (victor, dina):
        page = login(user).get(path).content.decode()
        assert "Melati" not in page and "-3,30123" not in page and "104,90568" not in page, user.username
        assert "-3,30" in page and "104,91" in page and precision.MASK in page
        # Nor can the address be found by searching for it.
        assert "003" in login(user).get(path, {"q": "II"}).content.decode()
        assert "003" not in login(user).get(path, {"q": "Melati"}).content.decode()
    rows = _csv(login(victor).get("/reports/exports/households.csv?codes=1"))
    assert (rows[0]["address"], rows[0]["latitude"], rows[0]["longitude"]) == (precision.MASK, "-3.3", "104.91")


def test_nearby_households_api_follows_the_same_rule(client, bearer, carol, dina, home):
    params = {"village": home.village_id, "latitude": LAT, "longitude": LON, "address": "Jl. Melati No. 7"}
    exact = client.get("/api/v1/planning/households/nearby", params, **bearer(carol)).json()
    assert [(h["address"], h["latitude"], h["longitude"]) for h in exact] == [("Jl. Melati No. 7", LAT, LON)]
    coarse = client.get("/api/v1/planning/households/nearby", params, **bearer(dina)).json()
    assert [(h["address"], h["latitude"], h["longitude"]) for h in coarse] == [(precision.MASK, -3.3, 104.91)]
