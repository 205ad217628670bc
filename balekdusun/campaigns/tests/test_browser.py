"""The coordinator's flow in a real browser (360 px wide, Indonesian UI)."""

import pytest

from balekdusun.campaigns.models import Household, MigrationStat, Outreach, Turf

VILLAGE = "16.02.08.2017"


@pytest.mark.django_db(transaction=True)
def test_coordinator_flow_in_browser(browser_login, carol, bob, tmp_path):
    page = browser_login(carol)
    figures = tmp_path / "data-pmi.csv"
    figures.write_text("area_code,year,placements,non_procedural\n16.02.08.2017,2023,90,4\n16.02.23.2001,2023,5,0\n")
    page.goto("/planning/migration/")
    page.set_input_files("input[name=file]", str(figures))
    page.click("form[enctype] button[type=submit]")
    page.wait_for_selector(".msg.success")
    assert MigrationStat.objects.count() == 2

    page.goto("/planning/campaigns/new/")
    page.fill("input[name=name]", "Balek Dusun 2024")
    page.fill("input[name=start_date]", "2024-01-01")
    page.click("main form button[type=submit]")
    page.wait_for_url("**/planning/outreach/")

    page.goto("/planning/")
    first_row = page.locator("table.priority tbody tr").first
    assert "Pematang Buluran" in first_row.inner_text()
    first_row.locator("a.button").click()
    page.wait_for_url("**/planning/outreach/new/**")
    page.select_option("select[name=campaign]", label="Balek Dusun 2024")
    page.fill("input[name=date]", "2024-02-01")
    page.click("main form button[type=submit]")
    page.wait_for_url("**/planning/outreach/*/")
    outreach = Outreach.objects.get()
    assert outreach.village_id == VILLAGE
    page.select_option("select[name=o-user]", value=str(bob.pk))
    page.click("button[name=add_officer]")
    page.wait_for_selector(f"text={bob.display_name}")

    households = tmp_path / "rumah.csv"
    households.write_text("dusun,rt,rw,address,latitude,longitude,head_name,phone,consent\n" + "".join(
        f"Dusun I,00{i % 3},001,Rumah {i},{-3.25 + (i % 6) * 0.0002},{104.85 + (i // 6) * 0.0002},,,\n"
        for i in range(24)))
    page.goto(f"/planning/villages/{VILLAGE}/households/")
    page.set_input_files("input[name=u-file]", str(households))
    page.click("button[name=import]")
    page.wait_for_selector(".msg.success")
    assert Household.objects.count() == 24

    page.goto(f"/planning/outreach/{outreach.pk}/")
    page.fill("input[name=count]", "3")
    page.click(f"form[action$='/outreach/{outreach.pk}/turfs/'] button[type=submit]")
    page.wait_for_selector(".msg.success")
    assert sorted(t.stops.count() for t in Turf.objects.all()) == [8, 8, 8]
    page.locator("#turfs ~ .table-wrap a").first.click()
    page.wait_for_url("**/planning/turfs/*/")
    assert page.locator("table.walk tbody tr").count() == 8
    pdf_href = page.locator("a[href$='walklist.pdf']").first.get_attribute("href")
    response = page.request.get(pdf_href)
    assert response.status == 200 and response.headers["content-type"] == "application/pdf"
    # Nothing sticks out of a 360 px phone screen except inside scrollable tables.
    assert page.evaluate("document.documentElement.scrollWidth") <= 362
