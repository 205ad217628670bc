"""The sticker's page: one scan per visitor per sticker per day, and a WhatsApp chat that carries the code."""

from datetime import timedelta
from urllib.parse import parse_qs, urlparse

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from balekdusun.campaigns.models import Household
from balekdusun.materials.models import StickerScan, StickerStatus
from balekdusun.portal import scans


@pytest.fixture
def sticker(offices, carol):
    from balekdusun.materials.services import create_batch

    cache.clear()
    batch = create_batch(office=offices["sumsel"], size=2, actor=carol, label="test")
    sticker = batch.stickers.first()
    sticker.household = Household.objects.create(village_id="16.02.08.2017", address="Rumah dekat masjid",
                                                 head_name="Siti Contoh", consent_at=timezone.now())
    sticker.status = StickerStatus.PLACED
    sticker.placed_at = timezone.now()
    sticker.save()
    return sticker


def _scans(sticker):
    return StickerScan.objects.filter(sticker=sticker).count()


def test_reloading_the_page_is_not_another_scan(client, sticker):
    for _ in range(3):
        assert client.get(f"/s/{sticker.code}").status_code == 200
    assert _scans(sticker) == 1
    # The cookie holds only today's date and sticker codes: nothing personal.
    value = client.cookies[scans.COOKIE].value
    assert value == f"{timezone.localdate().isoformat()}:{sticker.code}"
    assert client.cookies[scans.COOKIE]["httponly"]


def test_another_sticker_and_another_visitor_count(client, sticker):
    other = sticker.batch.stickers.exclude(pk=sticker.pk).get()
    other.status = StickerStatus.PLACED
    other.save()
    client.get(f"/s/{sticker.code}")
    client.get(f"/s/{other.code}")
    assert _scans(sticker) == 1 and _scans(other) == 1
    Client(REMOTE_ADDR="10.1.2.3", HTTP_USER_AGENT="Another phone").get(f"/s/{sticker.code}")
    assert _scans(sticker) == 2


def test_a_scanner_that_drops_cookies_is_still_counted_once(sticker):
    for _ in range(3):
        Client(REMOTE_ADDR="10.9.9.9", HTTP_USER_AGENT="QR app").get(f"/s/{sticker.code}")  # a fresh cookie jar each
    assert _scans(sticker) == 1


def test_the_next_day_counts_again(client, sticker, monkeypatch):
    client.get(f"/s/{sticker.code}")
    tomorrow = timezone.now() + timedelta(days=1)
    monkeypatch.setattr(timezone, "now", lambda: tomorrow)
    client.get(f"/s/{sticker.code}")
    assert _scans(sticker) == 2


def test_the_cache_key_names_no_address_and_changes_with_the_day(sticker):
    from django.test import RequestFactory

    request = RequestFactory().get("/", REMOTE_ADDR="203.0.113.77", HTTP_USER_AGENT="UniqueAgent/1.0")
    key = scans._visitor_key(request, sticker.code, "2026-12-04", 3600)
    assert "203.0.113.77" not in key and "UniqueAgent" not in key and sticker.code not in key
    assert key == scans._visitor_key(request, sticker.code, "2026-12-04", 3600)
    # Each day has its own random salt: the same visitor's keys of two days cannot be linked.
    assert key.split(":")[-1] != scans._visitor_key(request, sticker.code, "2026-12-05", 3600).split(":")[-1]


def test_whatsapp_link_opens_a_chat_with_the_office_and_the_code(client, sticker):
    page = client.get(f"/s/{sticker.code}").content.decode()
    start = page.index('class="big wa" href="') + len('class="big wa" href="')
    url = page[start:page.index('"', start)].replace("&amp;", "&")
    parsed = urlparse(url)
    assert parsed.netloc == "wa.me" and parsed.path == "/628117000000"
    text = parse_qs(parsed.query)["text"][0]
    assert sticker.code in text and "BP3MI Sumsel" in text and text.startswith("Halo")
    # The page names the code once more for the resident, and nothing about the house.
    assert "Siti" not in page and "masjid" not in page


def test_the_office_page_without_a_sticker_keeps_the_plain_whatsapp_link(client, offices):
    page = client.get(f"/portal/office/{offices['sumsel'].pk}/").content.decode()
    assert 'href="https://wa.me/628117000000"' in page and "?text=" not in page


def test_icons_are_drawn_not_emoji(client, sticker):
    page = client.get(f"/s/{sticker.code}").content.decode()
    assert "📞" not in page and "💬" not in page
    assert page.count('<svg class="icon" aria-hidden="true"') >= 2
