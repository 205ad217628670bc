"""The visit page in a real browser on a 360 px wide phone: the small map draws the visit and the house."""

import datetime as dt
import uuid

from django.utils import timezone

from balekdusun.campaigns.models import Campaign, Household, Outreach
from balekdusun.reports import conf
from balekdusun.visits.models import Visit


def test_visit_page_map_on_a_phone(page, browser_login, carol, bob, offices, monkeypatch):
    monkeypatch.setattr(conf, "MAP_TILE_URL", "")  # no tile server in tests
    campaign = Campaign.objects.create(office=offices["sumsel"], name="Balek Dusun", start_date=dt.date(2023, 12, 1))
    outreach = Outreach.objects.create(campaign=campaign, village_id="16.02.08.2017", date=dt.date(2023, 12, 7))
    home = Household.objects.create(village_id="16.02.08.2017", address="Rumah panggung biru", rt="002",
                                    latitude=-3.3001, longitude=104.9002)
    visit = Visit.objects.create(
        uuid=uuid.uuid4(), household=home, village_id=home.village_id, outreach=outreach, officer=bob,
        visited_at=timezone.make_aware(dt.datetime(2023, 12, 7, 9, 30)), outcome="met", latitude=-3.3003,
        longitude=104.9005, content_hash="x",
        data={"met_role": "head", "topics": ["jobs"], "migration": {"abroad": [{"country": "MY", "sector": "plantation",
                                                                                "procedural": False}]},
              "story": {"text": "Anak kami di Malaysia.", "consent_to_quote": False}})
    browser_login(carol)
    page.goto(f"/visits/{visit.uuid}/")
    page.wait_for_function("() => document.getElementById('visit-map').dataset.drawn === '2'")
    # Both points drawn as Leaflet vector markers, the page readable without sideways scrolling.
    assert page.locator("#visit-map path.leaflet-interactive").count() == 2
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    text = page.inner_text("main")
    assert "Kamis, 7 Desember 2023, 09.30" in text and "Rumah panggung biru, RT 002" in text
    assert "Malaysia · Perkebunan · berangkat tidak resmi" in text and "Tidak untuk dikutip." in text
    # The day's list links here.
    page.goto(f"/visits/day/{outreach.pk}/")
    page.click(f"a[href='/visits/{visit.uuid}/']")
    page.wait_for_url(f"**/visits/{visit.uuid}/")
