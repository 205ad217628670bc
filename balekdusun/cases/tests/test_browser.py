"""A hotline call taken from new to closed in the browser, on a 360 px phone screen."""

from balekdusun.cases.models import Case


def test_hotline_case_from_new_to_closed(page, browser_login, carol, bob):
    from balekdusun.cases.rules import ensure_defaults

    ensure_defaults()
    browser_login(carol)
    page.goto("/cases/hotline/")
    page.fill("#id_q", "081377778888")
    page.click("form[role=search] button[type=submit]")
    page.wait_for_url(lambda url: "/cases/hotline/" in url and "s=" in url)
    assert "081377778888" not in page.url
    assert page.locator("#id_reporter_phone").input_value() == "081377778888"
    page.fill("#id_reporter_name", "Wati Handayani")
    page.select_option("#id_kind", "unpaid_wages")
    page.fill("#id_subject_name", "Joko Saputra")
    page.select_option("#id_destination_country", "TW")
    page.fill("#id_village", "16.02.08.2017")
    page.fill("#id_description", "Gaji empat bulan belum dibayar pabrik.")
    page.check("#id_consent")
    page.select_option("#id_assignee", str(bob.pk))
    page.click("form.card button[type=submit]")
    page.wait_for_url("**/cases/*/")
    case = Case.objects.get()
    assert case.display_reference in page.inner_text("h1")

    def open_panel(name):
        if page.locator(f"#{name}").get_attribute("open") is None:
            page.click(f"#{name} summary")

    def move(status, **extra):
        open_panel("status_form")
        page.select_option("#status-status", status)
        for field, value in extra.items():
            page.select_option(f"#status-{field}", value)
        page.click("#status_form button[type=submit]")
        page.wait_for_load_state()

    move("verified")
    open_panel("call_form")
    page.select_option("#call-outcome", "reached")
    page.fill("#call-summary", "Ibu Wati dihubungi, slip gaji diminta.")
    page.click("#call_form button[type=submit]")
    page.wait_for_load_state()
    move("in_progress")
    move("resolved")
    # closing as "unreachable" is refused on day one, with the reason on the field
    from balekdusun.cases.models import ClosureReason

    move("closed", closure_reason=str(ClosureReason.objects.get(code="unreachable").pk))
    assert "60" in page.inner_text("#status_form .error")
    move("closed", closure_reason=str(ClosureReason.objects.get(code="resolved").pk))
    case.refresh_from_db()
    assert case.status == "closed"
    timeline = page.inner_text("#timeline")
    assert timeline.count("\n") >= 5 and "slip gaji" in timeline
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.screenshot(path="/tmp/shots/case_detail.png", full_page=True)
