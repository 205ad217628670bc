"""The dashboard and the map in a real browser on a 360 px wide phone screen."""

import datetime as dt

from balekdusun.campaigns.models import TeamMember
from balekdusun.reports import conf
from balekdusun.reports.tests import factories as f


def test_dashboard_and_map_on_a_phone(page, browser_login, dave, bob, offices, monkeypatch):
    monkeypatch.setattr(conf, "MAP_TILE_URL", "")  # no tile server in tests
    out = f.outreach(offices["sumsel"])
    TeamMember.objects.create(outreach=out, user=bob)
    for i, outcome in enumerate(["met", "not_home", "met", "refused", "met"]):
        home = f.household(lat=-3.30 + i * 0.0004, lon=104.90 + i * 0.0003)
        f.visit(home, bob, f.at(dt.date(2023, 12, 7), 9, i * 7), outcome, outreach=out, data=f.MIGRANT_DATA)
    browser_login(dave)
    page.goto("/reports/")
    assert "/reports/area/16/" in page.url
    assert page.locator(".kpis .tile").count() == 12
    assert page.locator("svg.chart").count() >= 3
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.click("text=Kabupaten Ogan Komering Ilir")
    page.wait_for_load_state()
    assert "/reports/area/16.02/" in page.url
    page.goto("/reports/map/?area=16.02.08")
    # Five houses drawn as single points plus the village circle, fetched from the bbox API.
    page.wait_for_function("document.getElementById('map').dataset.drawn === 'points 5 1'")
    assert page.locator("table tbody tr").count() == 1
