"""End to end in a real browser: a resident asks for a copy of their data and for its erasure on the portal, the
coordinator answers both from the queue, the resident sees the answers, and the dashboards equal a rebuild."""

from balekdusun.campaigns.models import Household
from balekdusun.reports.tests.factories import assert_rebuild_agrees, snapshot
from balekdusun.rights.models import RightsRequest
from balekdusun.rights.tests.conftest import PHONE, make_home
from balekdusun.visits.models import Visit


def _ask(page, code, kind):
    page.goto(f"/s/{code}")
    page.click(f"main a[href='/portal/data/?s={code}']")
    assert page.input_value("#id_sticker") == code  # the sticker's code is filled in
    page.check(f"input[name=kind][value={kind}]")
    page.fill("#id_phone", PHONE)
    page.click("main button[type=submit]")
    page.wait_for_selector("#reference")
    return page.inner_text("#reference").strip()


def _status(page, reference):
    page.goto("/portal/data/status/")
    page.fill("#id_reference", reference.lower())
    page.fill("#id_phone", PHONE)
    page.click("main button[type=submit]")
    page.wait_for_selector("#status")
    return page.inner_text("#status")


def test_access_and_erasure_requests_end_to_end(page, browser_login, offices, carol, bob):
    home = make_home(offices["sumsel"], carol, bob)
    code = home["sticker"].code

    access_ref = _ask(page, code, "access")
    erasure_ref = _ask(page, code, "erasure")
    assert access_ref.startswith("HAK-") and erasure_ref.startswith("HAK-") and access_ref != erasure_ref
    assert "Siti" not in page.content()
    assert "Diterima" in _status(page, access_ref)
    before = snapshot()  # the resident's scans of the sticker are counted by now

    browser_login(carol)
    page.goto("/rights/")
    rows = page.locator("#open-requests tbody tr")
    assert rows.count() == 2 and "tersisa" in rows.first.inner_text()  # 72 hours, counted down in words

    page.click(f"#open-requests a:has-text('{access_ref}')")
    with page.expect_download() as download:
        page.click("#copy-json")
    copy = open(download.value.path(), encoding="utf-8").read()
    assert "MARKER-STORY" in copy and "Siti Rahmawati Contoh" in copy
    with page.expect_download() as download:
        page.click("#copy-pdf")
    assert open(download.value.path(), "rb").read(5) == b"%PDF-"
    page.fill("#id_note", "Salinan diserahkan di kantor desa")
    page.click("#answer")
    page.wait_for_selector("#request-status:has-text('Dijawab')")

    page.goto("/rights/")
    page.click(f"#open-requests a:has-text('{erasure_ref}')")
    page.click("#erase")  # without the confirmation: refused, nothing erased
    page.wait_for_selector(".field.invalid #id_confirm")
    assert Household.objects.get(pk=home["household"].pk).head_name == "Siti Rahmawati Contoh"
    page.check("#id_confirm")
    page.click("#erase")
    page.wait_for_selector("#request-status:has-text('Dijawab')")
    page.goto("/rights/")
    assert page.locator("#open-requests").count() == 0 and page.locator("#done-requests tbody tr").count() == 2

    assert "salinan data Anda sudah siap" in _status(page, access_ref)
    assert "data Anda sudah dihapus" in _status(page, erasure_ref)

    household = Household.objects.get(pk=home["household"].pk)
    assert household.head_name == "" and household.phone == ""
    assert not any("story" in v.data for v in Visit.objects.filter(household=household))
    assert set(RightsRequest.objects.values_list("status", flat=True)) == {"answered"}
    after = snapshot()
    # Visits, households, migration figures, stickers: unchanged. Only the erased stories leave their count.
    assert {k[2] for k in before.keys() | after.keys() if before.get(k) != after.get(k)} == {"stories.consented"}
    assert_rebuild_agrees()
