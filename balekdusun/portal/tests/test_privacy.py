"""No public response ever contains a household's or a complainant's personal data.

The test seeds such data, then crawls every public page it can reach (links, the sitemap, sticker links, the help
and check flows, the public API) and searches every response for it.
"""

import re
from html import unescape
from urllib.parse import urljoin, urlparse

from django.utils import timezone

from balekdusun.campaigns.models import Household
from balekdusun.materials.models import StickerStatus
from balekdusun.portal.demo import seed
from balekdusun.portal.tests.conftest import make_job

SECRETS = {
    "head names": ["Sumarni Binti Kasiran", "Joko Prasetyo Wibisono"],
    "household phones": ["081311112222", "0813-1111-2222", "6281311112222", "085277778888"],
    "addresses": ["Lorong Mawar Ujung"],
    "reporter names": ["Rohimah Sulastri", "Kartini Wulansari"],
    "reporter phones": ["081244445555", "6281244445555", "0812-4444-5555"],
    "narratives": ["dipukul majikan di Johor", "paspor ditahan agen gelap"],
}


def _seed_personal_data(offices, carol):
    from balekdusun.cases.services import open_case
    from balekdusun.materials.services import create_batch

    households = [
        Household.objects.create(village_id="16.02.08.2017", address="Lorong Mawar Ujung no. 3",
                                 head_name="Sumarni Binti Kasiran", phone="081311112222", consent_at=timezone.now()),
        Household.objects.create(village_id="16.02.08.2017", head_name="Joko Prasetyo Wibisono",
                                 phone="085277778888", consent_at=timezone.now()),
    ]
    stickers = list(create_batch(office=offices["sumsel"], size=2, actor=carol).stickers.all())
    for sticker, household in zip(stickers, households, strict=True):
        sticker.household = household
        sticker.status = StickerStatus.PLACED
        sticker.save()
    cases = [
        open_case(office=offices["sumsel"], kind="repatriation", source="visit", village="16.02.08.2017",
                  household=households[0], description="Anak saya dipukul majikan di Johor",
                  reporter_name="Rohimah Sulastri", reporter_phone="081244445555", consent=True, actor=carol),
        open_case(office=offices["sumsel"], kind="illegal_recruiter", source="portal", village="16.02.08.2017",
                  description="Ada paspor ditahan agen gelap", reporter_name="Kartini Wulansari",
                  reporter_phone="081299990000", consent=True),
    ]
    return stickers, cases


def _assert_clean(url, resp):
    text = unescape(resp.content.decode("utf-8", "replace"))
    digits = re.sub(r"\D", "", text)
    for kind, values in SECRETS.items():
        for value in values:
            assert value.lower() not in text.lower(), f"{kind} {value!r} leaked on {url}"
            if value.replace("-", "").isdigit() and len(value) > 9:
                assert re.sub(r"\D", "", value)[-9:] not in digits, f"{kind} {value!r} leaked on {url}"


def test_no_public_response_contains_personal_data(client, offices, carol):
    stickers, cases = _seed_personal_data(offices, carol)
    seed({"offices": {o.name: o for o in offices.values()}})
    make_job(None, scheme="g_to_g", country="KR", position="Pekerja manufaktur EPS")

    start = ["/portal/", "/sitemap.xml", "/robots.txt", *(f"/s/{s.code}" for s in stickers), "/s/UNKNOWN1",
             "/portal/agencies/?q=Sumarni", "/portal/agencies/?q=Sriwijya",
             "/portal/jobs/?country=MY", "/api/v1/portal/jobs", "/api/v1/portal/agencies?q=Rohimah",
             "/api/v1/portal/agencies?q=sriwijaya", f"/portal/help/?s={stickers[0].code}"]
    seen, queue = set(), list(start)
    crawled = 0
    while queue:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        resp = client.get(url)
        assert resp.status_code in (200, 404), (url, resp.status_code)
        _assert_clean(url, resp)
        crawled += 1
        body = resp.content.decode("utf-8", "replace")
        for link in re.findall(r'(?:href|<loc>)="?([^"<\s]+)', body):
            path = urlparse(urljoin("http://testserver" + url, unescape(link)))
            if path.netloc not in ("testserver", urlparse("http://127.0.0.1:8000").netloc, ""):
                continue
            target = path.path + (f"?{path.query}" if path.query else "")
            if target.startswith(("/portal/", "/s/")) and "/manage/" not in target:
                queue.append(target)
    assert crawled >= 25

    # The flows that answer a resident personally: sending a request and checking its status.
    resp = client.post("/portal/help/", {"kind": "family_abroad", "description": "Suami belum digaji",
                                         "village": "16.02.08.2017", "name": "Nur Contoh", "phone": "081266667777",
                                         "consent": "on", "s": stickers[0].code})
    assert resp.status_code == 302
    done = client.get(resp["Location"])
    _assert_clean("help done", done)
    check = client.post("/portal/check/", {"reference": cases[0].reference, "phone_last4": "5555"})
    _assert_clean("check", check)
    assert check.status_code == 200 and 'id="status"' in check.content.decode()
    assert "Johor" not in check.content.decode()
