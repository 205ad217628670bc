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
    page.wait_for_function("() => document.getElementById('map').dataset.drawn === 'points 5 1'")
    assert page.locator("table tbody tr").count() == 1


def test_news_release_can_be_copied_and_downloaded(page, browser_login, dave, bob, offices):
    out = f.outreach(offices["sumsel"])
    home = f.household(lat=-3.30, lon=104.90)
    f.visit(home, bob, f.at(dt.date(2023, 12, 7), 9), "met", outreach=out, data=f.MIGRANT_DATA)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    browser_login(dave)
    page.goto(f"/reports/outreach/{out.pk}/release/")
    text = page.locator("#release").input_value()
    assert "Desa Pematang Buluran" in text
    page.click("text=Salin teks")
    page.wait_for_function("() => document.getElementById('release-status').textContent === 'Tersalin'")
    assert page.evaluate("navigator.clipboard.readText()") == text
    with page.expect_download() as info:
        page.click("text=Unduh (.txt)")
    download = info.value
    assert download.suggested_filename == f"siaran-pers-20231207-{out.village_id}.txt"
    with open(download.path(), encoding="utf-8") as fh:
        assert fh.read().strip() == text.strip()
