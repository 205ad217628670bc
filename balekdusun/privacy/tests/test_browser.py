"""A head of office records a breach in the browser (360 px phone screen), sees the deadline and opens the letter;
then downloads the access log of the breach's window."""

from datetime import timedelta

from django.utils import timezone

from balekdusun.core.models import AuditEntry
from balekdusun.privacy.models import BreachNotice


def test_head_records_a_breach_and_gets_the_letter(page, browser_login, dave):
    AuditEntry.objects.create(action="case.viewed", office=dave.office, actor=dave, actor_name="dave",
                              at=timezone.now() - timedelta(hours=20))
    browser_login(dave)
    page.goto("/privacy/breaches/")
    page.click("main a[href$='/breaches/new/']")
    page.wait_for_url("**/privacy/breaches/new/")
    now = timezone.localtime()
    page.fill("#id_what", "Laptop berisi ekspor kasus dicuri dari mobil.")
    page.fill("#id_started_at", (now - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M"))
    page.fill("#id_discovered_at", (now - timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"))
    page.check("input[name=categories][value=identity]")
    page.check("input[name=categories][value=case]")
    page.fill("#id_people_affected", "12")
    page.fill("#id_measures", "Kata sandi diganti, polisi diberi tahu.")
    page.click("main form button[type=submit]")
    page.wait_for_url("**/privacy/breaches/PDP-*/")
    notice = BreachNotice.objects.get()
    assert notice.reference in page.inner_text("h1")
    deadline = timezone.localtime(notice.deadline)
    months = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
              "November", "Desember"]
    shown = page.inner_text("#deadline")
    assert shown.startswith("Beri tahu") and f"{deadline.day} {months[deadline.month - 1]} {deadline.year}" in shown
    assert f"{deadline:%H:%M}" in shown
    assert "Kasus dilihat: 1" in page.inner_text("main")
    with page.expect_response(lambda r: r.url.endswith("/letter.pdf")) as info:
        page.click(f"main a[href$='/{notice.reference}/letter.pdf']")
    response = info.value
    assert response.status == 200 and response.headers["content-type"] == "application/pdf"
    assert AuditEntry.objects.filter(action="privacy.breach_letter", actor=dave).exists()
