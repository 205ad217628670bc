"""The public pages as a resident's phone sees them: no login, cacheable, in Indonesian or English."""

import gzip
from datetime import timedelta

import pytest
from django.utils import timezone

from balekdusun.campaigns.models import Household
from balekdusun.materials.models import Sticker, StickerScan, StickerStatus
from balekdusun.portal.demo import seed_info_pages
from balekdusun.portal.models import AgencyStatus, JobStatus
from balekdusun.portal.tests.conftest import make_job


def html(resp):
    return resp.content.decode()


@pytest.fixture
def placed_sticker(offices, carol):
    from balekdusun.materials.services import create_batch

    batch = create_batch(office=offices["sumsel"], size=2, actor=carol, label="test")
    sticker = batch.stickers.first()
    household = Household.objects.create(village_id="16.02.08.2017", address="Rumah dekat masjid",
                                         head_name="Siti Rahmawati Contoh", phone="081298765432",
                                         consent_at=timezone.now())
    sticker.household = household
    sticker.status = StickerStatus.PLACED
    sticker.placed_at = timezone.now()
    sticker.save()
    return sticker


# --- Home ---------------------------------------------------------------------------------------------------------

def test_national_home_has_hotlines_and_three_doors(client, db):
    resp = client.get("/portal/")
    page = html(resp)
    assert resp.status_code == 200
    assert 'href="tel:08001000"' in page and "0800-1000" in page
    assert 'href="tel:+622129244800"' in page
    for url in ("/portal/jobs/", "/portal/legal/", "/portal/agencies/", "/portal/help/"):
        assert f'href="{url}' in page
    assert 'lang="id"' in page
    assert "private" in resp["Cache-Control"] and "max-age=300" in resp["Cache-Control"]
    assert '<meta property="og:title"' in page and "<script" not in page


def test_office_home_shows_the_office_hotline_and_whatsapp(client, offices):
    page = html(client.get(f"/portal/office/{offices['sumsel'].pk}/"))
    assert 'href="tel:+627110000000"' in page
    assert 'href="https://wa.me/628117000000"' in page
    assert "Songket" in page and "0800-1000" in page
    assert client.get("/portal/office/99999/").status_code == 404


def test_sticker_landing_records_the_scan_and_shows_office_and_village_only(client, placed_sticker):
    resp = client.get(f"/s/{placed_sticker.code}")
    page = html(resp)
    assert resp.status_code == 200
    assert StickerScan.objects.filter(sticker=placed_sticker).count() == 1
    assert "Pematang Buluran" in page and 'href="tel:+627110000000"' in page
    assert "Siti Rahmawati" not in page and "81298765432" not in page and "masjid" not in page
    assert "no-store" in resp["Cache-Control"] and resp["X-Robots-Tag"] == "noindex"
    # The help door carries the sticker, so the request reaches the office that placed it.
    assert f"/portal/help/?s={placed_sticker.code}" in page
    # Lower case and separators are forgiven as the materials contract says.
    assert client.get(f"/s/{placed_sticker.code.lower()}").status_code == 200


@pytest.mark.parametrize("code", ["XXXX", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "%3Cscript%3E", "0"])
def test_unknown_sticker_gets_a_friendly_page_with_the_national_hotline(client, db, code):
    resp = client.get(f"/s/{code}")
    assert resp.status_code == 404
    page = html(resp)
    assert "0800-1000" in page and "/portal/help/" in page and "<script>" not in page


def test_void_sticker_is_treated_as_unknown(client, placed_sticker):
    Sticker.objects.filter(pk=placed_sticker.pk).update(status=StickerStatus.VOID)
    resp = client.get(f"/s/{placed_sticker.code}")
    assert resp.status_code == 404 and "0800-1000" in html(resp)
    assert not StickerScan.objects.filter(sticker=placed_sticker).exists()


# --- Language, caching, sharing -----------------------------------------------------------------------------------

def test_language_switch_by_post_and_cached_pages_per_language(client, db):
    seed_info_pages()
    assert "Langkah bekerja ke luar negeri secara resmi" in html(client.get("/portal/legal/"))
    client.get("/portal/legal/")  # served from the cache the second time
    resp = client.post("/i18n/setlang/", {"language": "en", "next": "/portal/legal/"})
    assert resp.status_code == 302 and resp["Location"] == "/portal/legal/"
    page = html(client.get("/portal/legal/"))
    assert 'lang="en"' in page and "Steps to work abroad the legal way" in page


def test_language_switch_works_from_a_cached_page(db):
    from django.test import Client

    first = Client(enforce_csrf_checks=True)
    first.get("/portal/")
    # A second visitor gets the cached page; its form must carry a token valid for the second visitor's cookie.
    second = Client(enforce_csrf_checks=True)
    page = html(second.get("/portal/"))
    token = page.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    assert "__portal_csrf_token__" not in page
    resp = second.post("/i18n/setlang/", {"language": "en", "next": "/portal/", "csrfmiddlewaretoken": token})
    assert resp.status_code == 302
    assert 'lang="en"' in html(second.get("/portal/"))


def test_cached_page_is_served_without_database_queries(client, db, django_assert_num_queries):
    seed_info_pages()
    client.get("/portal/legal/")
    with django_assert_num_queries(0):
        assert client.get("/portal/legal/").status_code == 200


def test_staff_change_shows_at_once(client, login, carol, register):
    page_before = html(client.get(f"/portal/agencies/{register['licensed'].pk}/"))
    assert "Licensed" in page_before or "Berizin" in page_before
    staff = login(carol)
    resp = staff.post(f"/portal/manage/agencies/{register['licensed'].pk}/", {
        "name": register["licensed"].name, "licence_number": register["licensed"].licence_number,
        "status": AgencyStatus.SUSPENDED})
    assert resp.status_code == 302
    staff.logout()
    page_after = html(client.get(f"/portal/agencies/{register['licensed'].pk}/"))
    assert page_after != page_before and ("Suspended" in page_after or "Dibekukan" in page_after)


def test_public_pages_are_small_when_compressed(client, offices, register):
    seed_info_pages()
    job = make_job(register["licensed"])
    for url in ["/portal/", f"/portal/office/{offices['sumsel'].pk}/", "/portal/jobs/", f"/portal/jobs/{job.pk}/",
                "/portal/agencies/", "/portal/agencies/?q=sriwijaya", f"/portal/agencies/{register['licensed'].pk}/",
                "/portal/legal/", "/portal/legal/langkah-resmi/", "/portal/help/", "/portal/check/"]:
        resp = client.get(url)
        assert resp.status_code == 200, url
        assert len(gzip.compress(resp.content)) <= 30 * 1024, url
        assert 'name="viewport"' in html(resp) and 'property="og:url"' in html(resp)


def test_sitemap_lists_public_pages_only(client, offices, register):
    seed_info_pages()
    public = make_job(register["licensed"])
    draft = make_job(register["licensed"], status=JobStatus.DRAFT)
    expired = make_job(register["licensed"], days=-1)
    xml = html(client.get("/sitemap.xml"))
    assert f"/portal/jobs/{public.pk}/" in xml
    assert f"/portal/jobs/{draft.pk}/" not in xml and f"/portal/jobs/{expired.pk}/" not in xml
    assert "/portal/legal/langkah-resmi/" in xml and "/s/" not in xml and "/manage/" not in xml
    robots = html(client.get("/robots.txt"))
    assert "Disallow: /s/" in robots and "sitemap.xml" in robots


# --- Jobs -----------------------------------------------------------------------------------------------------------

def test_job_list_shows_only_published_unexpired_and_filters(client, register):
    malaysia = make_job(register["licensed"], position="Pemanen sawit", country="MY", sector="plantation", days=10)
    hongkong = make_job(register["other"], position="Pengasuh lansia", country="HK", sector="caregiver", days=40,
                        salary_min=4990, salary_max=5200, currency="HKD")
    make_job(register["licensed"], position="Draf rahasia", status=JobStatus.DRAFT)
    make_job(register["licensed"], position="Sudah tutup", days=-1)
    page = html(client.get("/portal/jobs/"))
    assert "Pemanen sawit" in page and "Pengasuh lansia" in page
    assert "Draf rahasia" not in page and "Sudah tutup" not in page
    page = html(client.get("/portal/jobs/?country=HK"))
    assert "Pengasuh lansia" in page and "Pemanen sawit" not in page
    page = html(client.get("/portal/jobs/?sector=plantation"))
    assert "Pemanen sawit" in page and "Pengasuh lansia" not in page
    later = (timezone.localdate() + timedelta(days=20)).isoformat()
    page = html(client.get(f"/portal/jobs/?closing_after={later}"))
    assert "Pengasuh lansia" in page and "Pemanen sawit" not in page
    assert malaysia and hongkong


def test_job_filter_rejects_bad_values_clearly(client, db):
    resp = client.get("/portal/jobs/?country=XX&closing_after=tomorrow")
    assert resp.status_code == 400
    page = html(resp)
    assert 'class="error"' in page


def test_job_detail_has_everything_a_resident_needs(client, register):
    job = make_job(register["licensed"], reference="JO-2026-MY-0042", allowed_costs="- Paspor",
                   forbidden_costs="- Biaya penempatan")
    page = html(client.get(f"/portal/jobs/{job.pk}/"))
    for text in ("Pemanen kelapa sawit", "Malaysia", "Ladang Contoh Sdn Bhd", "PT Sriwijaya Karya Mandiri",
                 f"/portal/agencies/{register['licensed'].pk}/", "40", "MYR", "1.700", "2.200", "Usia 21-40 tahun",
                 "Paspor", "Biaya penempatan", "JO-2026-MY-0042", job.closing_date.strftime("%d-%m-%Y"),
                 "Perban 9/2020"):
        assert text in page, text


def test_draft_and_expired_job_details_are_not_found(client, register):
    assert client.get(f"/portal/jobs/{make_job(register['licensed'], status=JobStatus.DRAFT).pk}/").status_code == 404
    assert client.get(f"/portal/jobs/{make_job(register['licensed'], days=-1).pk}/").status_code == 404


# --- Agencies -------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("query", ["Sriwijya Karya", "sriwijaya", "PT. SRIWIJAYA KARYA MANDIRI", "karya mandiri sriwijaya",
                                   "kep 101 pptkis 2022", "KEP.101/PPTKIS/2022"])
def test_agency_search_forgives_typos_and_punctuation(client, register, query):
    page = html(client.get("/portal/agencies/", {"q": query}))
    assert "PT Sriwijaya Karya Mandiri" in page, query
    assert "PT Lintas Samudra Sentosa" not in page


def test_agency_search_gives_next_steps_per_status(client, register):
    page = html(client.get("/portal/agencies/", {"q": "Cahaya Timur"}))
    assert "PT Cahaya Timur Perkasa" in page and 'class="badge warn"' in page
    page = html(client.get("/portal/agencies/", {"q": "Lintas Samudera"}))
    assert "PT Lintas Samudra Sentosa" in page and 'class="badge bad"' in page
    detail = html(client.get(f"/portal/agencies/{register['revoked'].pk}/"))
    assert "report" in detail.lower() or "laporkan" in detail.lower()


def test_agency_not_found_warns_about_unlicensed_recruiters(client, register):
    resp = client.get("/portal/agencies/", {"q": "Calo Makmur Bersama"})
    page = html(resp)
    assert resp.status_code == 200
    main = page.split("<main")[1].split("</main>")[0]
    assert not any(a.name in main for a in register.values())
    assert 'class="alert"' in page and "0800-1000" in page and "/portal/help/" in page


def test_agency_search_handles_junk(client, register):
    for q in ["", "a", "x" * 500, "'; DROP TABLE portal_agency; --", "<script>alert(1)</script>", "１２３４"]:
        resp = client.get("/portal/agencies/", {"q": q})
        assert resp.status_code == 200
        assert "<script>alert" not in html(resp)


def test_suspended_agency_shows_no_openings(client, register):
    job = make_job(register["licensed"])
    assert f"/portal/jobs/{job.pk}/" in html(client.get(f"/portal/agencies/{register['licensed'].pk}/"))
    register["licensed"].status = AgencyStatus.SUSPENDED
    register["licensed"].save()
    from balekdusun.portal.services import bump_content_version

    bump_content_version()
    assert f"/portal/jobs/{job.pk}/" not in html(client.get(f"/portal/agencies/{register['licensed'].pk}/"))


def test_agency_search_is_rate_limited(client, register, settings, monkeypatch):
    from balekdusun.portal import conf

    monkeypatch.setattr(conf, "SEARCH_LIMIT", 3)
    codes = [client.get("/portal/agencies/", {"q": f"sriwijaya {i}"}).status_code for i in range(5)]
    assert codes == [200, 200, 200, 429, 429]


# --- Info pages -----------------------------------------------------------------------------------------------------

def test_info_pages_render_steps_and_escape_staff_text(client, db):
    seed_info_pages()
    page = html(client.get("/portal/legal/langkah-resmi/"))
    assert "<ol>" in page and "SIAPkerja" in page and "<h2>Dokumen yang disiapkan</h2>" in page
    from balekdusun.portal.models import InfoPage

    InfoPage.objects.create(slug="uji", section="faq", title_id="Uji", body_id="<b>tebal</b>\n- satu")
    page = html(client.get("/portal/legal/uji/"))
    assert "&lt;b&gt;tebal&lt;/b&gt;" in page and "<li>satu</li>" in page
    InfoPage.objects.filter(slug="uji").update(published=False)
    from balekdusun.portal.services import bump_content_version

    bump_content_version()
    assert client.get("/portal/legal/uji/").status_code == 404


def test_portal_speaks_indonesian_first(client, db):
    page = html(client.get("/portal/"))
    assert "Lowongan kerja" in page and "Cek perusahaan" in page and "Jalur resmi" in page
    assert 'og:locale" content="id_ID"' in page


def test_head_and_post_to_public_pages(client, db):
    assert client.head("/portal/").status_code == 200
    assert client.post("/s/ANYCODE").status_code == 405
    assert client.get("/portal/agencies/", {"q": "Sriwi\x00jaya"}).status_code == 200
    assert client.get("/api/v1/portal/agencies", {"q": "KEP\x00101"}).status_code == 200


def test_random_query_strings_do_not_fill_the_page_cache(client, db):
    from django.core.cache import cache

    client.get("/portal/")
    client.get("/portal/jobs/?country=MY")
    before = len(cache._cache)
    for i in range(20):
        client.get(f"/portal/?junk={i}")
        client.get(f"/portal/jobs/?utm_source={i}")
    assert len(cache._cache) == before


def test_national_home_lists_the_offices(client, offices):
    page = html(client.get("/portal/"))
    assert f"/portal/office/{offices['jatim'].pk}/" in page and 'href="tel:+62310000000"' in page
