"""The back office in a real browser on a 360 px wide phone screen."""

from balekdusun.core import audit


def test_login_menu_and_language_switch_on_a_phone(page, browser_login, bob):
    browser_login(bob)
    assert page.locator("html").get_attribute("lang") == "id"
    # The menu is folded on a narrow screen and opens on tap.
    page.click("summary")
    assert page.locator("details.menu nav a", has_text="Beranda").is_visible()
    # No horizontal scrolling at 360 px.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.click("button[name=language][value=en]")
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("text=Sign out").count() == 1


def test_area_autocomplete_fills_the_code_and_filters(page, browser_login, dave, bob):
    from balekdusun.campaigns.models import Household

    audit.log(bob, "household.viewed", Household.objects.create(village_id="16.02.08.2017"))
    audit.log(bob, "household.viewed", Household.objects.create(village_id="16.02.23.2001"))
    browser_login(dave)
    page.goto("/audit/")
    page.fill("#id_area", "Permatang Bul")
    option = page.locator("li[role=option]").first
    option.wait_for()
    assert "Pematang Buluran" in option.inner_text()
    option.dispatch_event("mousedown")
    assert page.input_value("#id_area") == "16.02.08.2017"
    page.click("form.filters button[type=submit]")
    page.wait_for_load_state()
    rows = page.locator("tbody tr")
    assert rows.count() == 1 and "16.02.08.2017" in rows.first.inner_text()


def test_menu_is_visible_on_a_desktop_screen(page, browser_login, dave):
    page.set_viewport_size({"width": 1280, "height": 800})
    browser_login(dave)
    assert not page.locator("details.menu").is_visible()
    # One row of task groups; a group opens its entries in a second row, with the current one marked.
    page.locator("nav.menu-wide > ul > li > a", has_text="Administrasi").click()
    link = page.locator("nav.menu-wide ul.sub a", has_text="Log audit")
    assert link.is_visible()
    link.click()
    page.wait_for_url("**/audit/")
    assert page.locator("nav.menu-wide ul.sub a[aria-current=page]").inner_text() == "Log audit"
    assert page.locator("nav.menu-wide [aria-current]").count() == 1
