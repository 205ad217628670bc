"""The resident's path in a real browser on a 360 px phone screen, and an axe-core check of every public page."""

from pathlib import Path
from urllib.parse import unquote

import pytest
from django.utils import timezone

from balekdusun.campaigns.models import Household
from balekdusun.materials.models import StickerStatus
from balekdusun.portal.demo import seed_info_pages
from balekdusun.portal.tests.conftest import make_agency, make_job

AXE = Path(__file__).parent / "vendor" / "axe.min.js"


@pytest.fixture
def sticker(offices, carol):
    from balekdusun.materials.services import create_batch

    sticker = create_batch(office=offices["sumsel"], size=1, actor=carol).stickers.get()
    sticker.household = Household.objects.create(village_id="16.02.08.2017", head_name="Warga Rahasia",
                                                 phone="081355556666", consent_at=timezone.now())
    sticker.status = StickerStatus.PLACED
    sticker.save()
    return sticker


def test_resident_scans_switches_language_checks_agency_asks_for_help_and_follows_it(page, sticker):
    make_agency("PT Sriwijaya Karya Mandiri", "KEP.101/PPTKIS/2022")
    page.goto(f"/s/{sticker.code}")
    assert page.locator("html").get_attribute("lang") == "id"
    assert page.locator("a.big[href='tel:+627110000000']").is_visible()
    whatsapp = page.locator("a[href^='https://wa.me/628117000000?text=']")
    assert whatsapp.is_visible() and sticker.code in unquote(whatsapp.get_attribute("href"))  # the chat names the sticker
    assert "Pematang Buluran" in page.inner_text("main") and "Warga Rahasia" not in page.content()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    page.click("header button[name=language][value=en]")
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("text=Check an agency").first.is_visible()

    page.click(".doors a[href='/portal/agencies/']")
    page.fill("#q", "Sriwjaya Karya")
    page.click("main button[type=submit]")
    page.wait_for_load_state()
    assert page.locator("ul.list li", has_text="PT Sriwijaya Karya Mandiri").count() == 1
    assert page.locator(".badge.ok").count() == 1

    page.goto(f"/portal/help/?s={sticker.code}")
    page.check("input[name=kind][value=broker]")
    page.fill("#id_description", "A broker offered work in Cambodia on a tourist visa.")
    page.fill("#id_village", "Pematang Buluran")
    page.fill("#id_name", "Ani")
    page.fill("#id_phone", "0812 3456 7890")
    page.click("main button[type=submit]")
    page.wait_for_load_state()
    # Forgot the consent line: the error names it and everything typed is still there.
    assert page.locator(".field.invalid #id_consent").count() == 1
    assert page.input_value("#id_description").startswith("A broker offered work")
    assert page.input_value("#id_name") == "Ani"
    page.check("#id_consent")
    page.click("main button[type=submit]")
    page.wait_for_url("**/portal/help/sent/**")
    reference = page.inner_text("#reference").strip()
    assert len(reference) >= 6

    page.click("main a[href='/portal/check/']")
    page.fill("#id_reference", reference.lower())
    page.fill("#id_phone_last4", "7890")
    page.click("main button[type=submit]")
    page.wait_for_load_state()
    assert page.inner_text("#status").strip() in ("New", "Baru")
    assert "Cambodia" not in page.content()


def test_help_form_works_without_javascript(browser, live_server, offices):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False,
                                  viewport={"width": 360, "height": 740})
    page = context.new_page()
    try:
        page.goto("/portal/help/")
        page.check("input[name=kind][value=information]")
        page.fill("#id_description", "Saya ingin bekerja di Jepang secara resmi.")
        page.fill("#id_village", "16.02.08.2017")
        page.click("main button[type=submit]")
        page.wait_for_url("**/portal/help/sent/**")
        assert page.locator("#reference").count() == 1
    finally:
        context.close()


def test_public_pages_have_no_serious_accessibility_violations(page, offices, sticker):
    seed_info_pages()
    agency = make_agency("PT Sriwijaya Karya Mandiri", "KEP.101/PPTKIS/2022")
    job = make_job(agency)
    urls = ["/portal/", f"/portal/office/{offices['sumsel'].pk}/", f"/s/{sticker.code}", "/s/UNKNOWN99",
            "/portal/jobs/", f"/portal/jobs/{job.pk}/", "/portal/agencies/", "/portal/agencies/?q=sriwijaya",
            "/portal/agencies/?q=tidak+ada+sama+sekali", f"/portal/agencies/{agency.pk}/", "/portal/legal/",
            "/portal/legal/langkah-resmi/", "/portal/legal/tanda-bahaya/", "/portal/help/", "/portal/check/"]
    problems = {}
    for url in urls:
        page.goto(url)
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, f"{url} scrolls sideways"
        page.evaluate(AXE.read_text(encoding="utf-8") + "\n;true")  # not a <script>: the CSP refuses inline ones
        result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
        bad = [f"{v['id']} ({v['impact']}): {v['nodes'][0]['target']}" for v in result["violations"]
               if v["impact"] in ("serious", "critical")]
        if bad:
            problems[url] = bad
    # The form pages with their error messages shown, too.
    page.goto("/portal/help/")
    page.click("main button[type=submit]")
    page.wait_for_load_state()
    page.evaluate(AXE.read_text(encoding="utf-8") + "\n;true")  # not a <script>: the CSP refuses inline ones
    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    bad = [f"{v['id']} ({v['impact']})" for v in result["violations"] if v["impact"] in ("serious", "critical")]
    if bad:
        problems["/portal/help/ (errors)"] = bad
    assert not problems, problems
