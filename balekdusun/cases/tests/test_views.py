import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from balekdusun.cases.models import Case, CaseAttachment, CaseEvent
from balekdusun.core.models import AuditEntry

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


def test_hotline_search_then_open_case(login, carol, bob, rules):
    client = login(carol)
    page = client.post("/cases/hotline/", {"search": "1", "q": "0812"})
    assert page.status_code == 302 and "0812" not in page["Location"]
    assert client.get(page["Location"]).status_code == 200
    response = client.post("/cases/hotline/", {
        "source": "hotline", "kind": "unpaid_wages", "reporter_name": "Siti Aminah",
        "reporter_phone": "0812 3456 7890", "reporter_relationship": "ibu", "subject_name": "Rudi",
        "destination_country": "MY", "village": "16.02.08.2017", "description": "Anak ditahan agen di Johor",
        "consent": "on", "assignee": bob.pk})
    assert response.status_code == 302, response.content.decode()[:3000]
    case = Case.objects.get()
    assert response["Location"] == f"/cases/{case.reference}/"
    assert case.assignee == bob and case.kind == "unpaid_wages" and case.reporter_phone == "+6281234567890"
    assert client.get("/cases/").status_code == 200  # consume the "opened" message
    # searching now finds it by phone, name and reference
    for q in ("081234567890", "7890", "siti", case.display_reference.lower()):
        found = client.post("/cases/hotline/", {"search": "1", "q": q}, follow=True).content.decode()
        assert case.display_reference in found, q


def test_hotline_form_errors_name_the_field(login, carol):
    client = login(carol)
    response = client.post("/cases/hotline/", {"source": "hotline", "kind": "", "reporter_phone": "0812",
                                               "description": ""})
    assert response.status_code == 422
    form = response.context["form"]
    assert {"kind", "description", "consent"} <= set(form.errors)
    response = client.post("/cases/hotline/", {"source": "hotline", "kind": "other", "reporter_phone": "12",
                                               "description": "x", "consent": "on"})
    assert response.status_code == 422 and "reporter_phone" in response.context["form"].errors
    assert not Case.objects.exists()


def test_hotline_suggests_duplicates_before_creating(login, carol, open_case):
    first = open_case(reporter_name="Siti Aminah", reporter_phone="081234567890")
    client = login(carol)
    data = {"source": "hotline", "kind": "unpaid_wages", "reporter_name": "Aminah Siti", "reporter_phone": "",
            "description": "Telepon lagi", "consent": "on"}
    response = client.post("/cases/hotline/", data)
    assert response.status_code == 200
    assert [c for c, _s in response.context["duplicates"]] == [first]
    assert Case.objects.count() == 1
    response = client.post("/cases/hotline/", {**data, "confirm_new": "on"})
    assert response.status_code == 302 and Case.objects.count() == 2


def test_detail_shows_timeline_and_audits_personal_view(login, carol, open_case):
    case = open_case()
    response = login(carol).get(f"/cases/{case.reference}/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Majikan menahan upah" in body and case.display_reference in body
    assert AuditEntry.objects.filter(action="personal.viewed", object_id=str(case.pk)).exists()


def test_village_official_sees_redacted_case_of_own_village_only(login, dina, open_case):
    mine = open_case()
    other = open_case(village="16.02.23.2001")
    client = login(dina)
    body = client.get(f"/cases/{mine.reference}/").content.decode()
    assert "Majikan menahan" not in body and "Siti Aminah" not in body and "S. A." in body
    assert client.get(f"/cases/{other.reference}/").status_code == 404
    office_case = open_case(village=None)
    assert client.get(f"/cases/{office_case.reference}/").status_code == 404
    listing = client.get("/cases/").content.decode()
    assert mine.display_reference in listing and other.display_reference not in listing
    # and cannot work it
    assert client.post(f"/cases/{mine.reference}/note/", {"text": "x"}).status_code == 403


def test_jatim_cannot_see_sumsel_cases(login, charlie, jane, open_case, bearer):
    case = open_case(village=None)
    for user in (charlie, jane):
        client = login(user)
        assert client.get(f"/cases/{case.reference}/").status_code == 404
        assert case.display_reference not in client.get("/cases/?status=all").content.decode()
    assert client.get(f"/api/v1/cases/{case.reference}", **bearer(charlie)).status_code == 404


def test_restricted_case_only_for_assignee_head_and_admin(login, bob, carol, dave, alice, offices, open_case):
    from balekdusun.core.models import User
    from balekdusun.core.roles import Role

    other = User.objects.create(username="olga", role=Role.OFFICER, office=offices["sumsel"])
    case = open_case(sensitivity="restricted", assignee=other)
    # a field officer of the same office (and a coordinator) cannot open it
    for user in (bob, carol):
        client = login(user)
        assert client.get(f"/cases/{case.reference}/").status_code == 404
        assert case.display_reference not in client.get("/cases/").content.decode()
    for user in (other, dave, alice):
        assert login(user).get(f"/cases/{case.reference}/").status_code == 200
    viewed = AuditEntry.objects.filter(action="case.viewed", object_id=str(case.pk))
    assert sorted(viewed.values_list("actor_name", flat=True)) == ["alice", "dave", "olga"]


def test_workflow_in_the_browser_forms(login, bob, carol, open_case, rules):
    case = open_case(assignee=bob)
    client = login(bob)
    url = f"/cases/{case.reference}/"
    assert client.post(url + "status/", {"status": "resolved"}).status_code == 422  # new -> resolved refused
    assert client.post(url + "status/", {"status": "verified", "note": "Ditelepon"}).status_code == 302
    assert client.post(url + "call/", {"direction": "out", "outcome": "reached", "summary": "ok"}).status_code == 302
    assert client.post(url + "note/", {"text": "Dokumen diminta"}).status_code == 302
    response = client.post(url + "due/", {"due_date": "2001-01-01"})
    assert response.status_code == 422 and "due_date" in response.context["due_form"].errors
    assert client.post(url + "status/", {"status": "in_progress"}).status_code == 302
    response = client.post(url + "status/", {"status": "referred"})
    assert response.status_code == 422 and "referred_to" in response.context["status_form"].errors
    assert client.post(url + "status/", {"status": "referred", "referred_to": "disnaker"}).status_code == 302
    assert client.post(url + "status/", {"status": "resolved"}).status_code == 302
    from balekdusun.cases.models import ClosureReason

    resolved = ClosureReason.objects.get(code="resolved")
    unreachable = ClosureReason.objects.get(code="unreachable")
    response = client.post(url + "status/", {"status": "closed", "closure_reason": unreachable.pk})
    assert response.status_code == 422 and "60" in str(response.context["status_form"].errors["closure_reason"])
    assert client.post(url + "status/", {"status": "closed", "closure_reason": resolved.pk}).status_code == 302
    kinds = list(CaseEvent.objects.filter(case=case).values_list("kind", flat=True))
    assert kinds == ["opened", "status", "call", "note", "status", "status", "status", "status"]
    # reopening needs a coordinator
    assert client.post(url + "status/", {"status": "in_progress"}).status_code == 422
    assert login(carol).post(url + "status/", {"status": "in_progress"}).status_code == 302


@pytest.mark.parametrize("name, content, message", [
    ("big.pdf", b"%PDF-" + b"0" * (5 * 1024 * 1024), "KB"),
    ("script.exe", b"MZ\x90\x00", "pdf"),
    ("fake.png", b"GIF89a" + b"\0" * 20, "PNG"),
])
def test_bad_attachments_are_refused_and_nothing_saved(login, bob, open_case, name, content, message, settings,
                                                       tmp_path):
    settings.MEDIA_ROOT = tmp_path
    case = open_case(assignee=bob)
    response = login(bob).post(f"/cases/{case.reference}/attachments/",
                               {"file": SimpleUploadedFile(name, content)})
    assert response.status_code == 422
    assert message in str(response.context["attachment_form"].errors["file"])
    assert not CaseAttachment.objects.exists()
    assert not CaseEvent.objects.filter(kind="attachment").exists()
    assert not list(tmp_path.rglob("*.*"))


def test_attachment_upload_and_download(login, bob, victor, open_case, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    case = open_case(assignee=bob)
    client = login(bob)
    response = client.post(f"/cases/{case.reference}/attachments/",
                           {"file": SimpleUploadedFile("foto paspor.png", PNG), "note": "paspor"})
    assert response.status_code == 302
    item = CaseAttachment.objects.get()
    assert item.content_type == "image/png" and "paspor" not in item.file.name
    download = client.get(f"/cases/{case.reference}/attachments/{item.pk}/")
    assert download.status_code == 200 and b"".join(download.streaming_content) == PNG
    assert AuditEntry.objects.filter(action="case.attachment_viewed").count() == 1


def test_unknown_reference_is_404(login, carol):
    client = login(carol)
    assert client.get("/cases/ZZZZ-ZZZZ/").status_code == 404
    assert client.post("/cases/ZZZZ-ZZZZ/note/", {"text": "x"}).status_code == 404


def test_export_redacts_personal_data_unless_allowed(login, carol, victor, bob, open_case):
    open_case(reporter_name="Siti Aminah", subject_name="Rudi Hartono", assignee=bob)
    open_case(reporter_name="=HYPERLINK(\"http://x\")", village=None)
    # viewers may download exports but hold no cases.view: refused
    assert login(victor).get("/cases/export.csv").status_code == 403
    rows = list(csv.reader(io.StringIO(login(carol).get("/cases/export.csv").content.decode("utf-8-sig"))))
    assert len(rows) == 3
    flat = " ".join(" ".join(r) for r in rows)
    assert "Siti Aminah" in flat and "+6281234567890" in flat and "Majikan" not in flat
    assert "'=HYPERLINK" in flat and "Bob" in flat and "None" not in flat
    assert AuditEntry.objects.filter(action="export.downloaded", data__personal=True).count() == 1


def test_export_xlsx(login, carol, open_case):
    import openpyxl

    open_case()
    response = login(carol).get("/cases/export.xlsx?status=all")
    assert response.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    assert book.active.max_row == 2


def test_list_filters_and_board(login, carol, bob, open_case):
    a = open_case(assignee=bob)
    b = open_case(kind="document_help", village="16.02.23.2001")
    client = login(carol)
    body = client.get("/cases/", {"kind": "document_help"}).content.decode()
    assert b.display_reference in body and a.display_reference not in body
    body = client.get("/cases/", {"assignee": str(bob.pk)}).content.decode()
    assert a.display_reference in body and b.display_reference not in body
    body = client.get("/cases/", {"village": "16.02.23"}).content.decode()
    assert b.display_reference in body and a.display_reference not in body
    assert client.get("/cases/", {"overdue": "on"}).context["rows"] == []
    board = client.get("/cases/board/")
    assert board.status_code == 200 and a.display_reference in board.content.decode()


def test_edit_details_and_restriction_rules(login, bob, carol, dave, open_case):
    case = open_case(assignee=bob)
    client = login(bob)
    url = f"/cases/{case.reference}/details/"
    data = {"reporter_name": "Siti Aminah", "reporter_phone": "081234567890", "subject_name": "Rudi",
            "description": "Cerita baru", "priority": "urgent", "restricted": "on", "destination_country": "MY"}
    assert client.post(url, data).status_code == 302
    case.refresh_from_db()
    assert case.is_restricted and case.description == "Cerita baru" and case.priority == "urgent"
    assert CaseEvent.objects.filter(kind="details").get().data["fields"] == [
        "description", "destination_country", "priority", "sensitivity", "subject_name"]
    # the assignee may not lift the restriction; the office head may
    response = client.post(url, {**data, "restricted": ""})
    assert response.status_code == 422 and "restricted" in response.context["details_form"].errors
    assert login(dave).post(url, {**data, "restricted": ""}).status_code == 302
    bad = login(dave).post(url, {**data, "reporter_phone": "12"})
    assert bad.status_code == 422 and "reporter_phone" in bad.context["details_form"].errors


def test_officer_may_take_an_unassigned_case_only(login, bob, carol, offices, open_case):
    from balekdusun.core.models import User
    from balekdusun.core.roles import Role

    other = User.objects.create(username="olga", role=Role.OFFICER, office=offices["sumsel"])
    case = open_case()
    client = login(bob)
    assert client.post(f"/cases/{case.reference}/assign/", {"assignee": other.pk}).status_code == 422
    assert client.post(f"/cases/{case.reference}/assign/", {"assignee": bob.pk}).status_code == 302
    case.refresh_from_db()
    assert case.assignee == bob


def test_overdue_list(login, carol, open_case):
    from django.utils import timezone

    late = open_case()
    on_time = open_case()
    Case.objects.filter(pk=late.pk).update(due_at=timezone.now() - timezone.timedelta(days=1))
    client = login(carol)
    response = client.get("/cases/overdue/", follow=True)
    refs = [c.reference for c, _s in response.context["rows"]]
    assert refs == [late.reference] and on_time.reference not in refs
    assert response.context["overdue_count"] == 1


def test_national_admin_chooses_the_office(login, alice, offices):
    client = login(alice)
    data = {"source": "walk_in", "kind": "document_help", "description": "Tanya paspor"}
    response = client.post("/cases/hotline/", data)
    assert response.status_code == 422 and "office" in response.context["form"].errors
    response = client.post("/cases/hotline/", {**data, "office": offices["jatim"].pk, "village": "35.02.01.2003"})
    assert response.status_code == 302
    assert Case.objects.get().office == offices["jatim"]


def test_hotline_warns_about_restricted_cases_with_the_same_phone(login, carol, dave, offices, open_case):
    from balekdusun.core.models import User
    from balekdusun.core.roles import Role

    other = User.objects.create(username="olga", role=Role.OFFICER, office=offices["sumsel"])
    secret = open_case(sensitivity="restricted", assignee=other, reporter_phone="0813 9999 0000")
    data = {"source": "hotline", "kind": "other", "reporter_phone": "081399990000", "consent": "on",
            "description": "Menelepon lagi"}
    client = login(carol)
    response = client.post("/cases/hotline/", data)
    body = response.content.decode()
    assert response.status_code == 200 and Case.objects.count() == 1
    assert "1 restricted case" in body or "1 kasus terbatas" in body
    assert secret.display_reference not in body
    assert client.post("/cases/hotline/", {**data, "confirm_new": "on"}).status_code == 302
    # the head may open restricted cases, so there is nothing hidden from her
    from balekdusun.cases import services

    assert services.hidden_restricted_matches(dave, reporter_phone="081399990000") == 0
