import csv
import io
from datetime import timedelta

import pypdfium2
import pytest
from django.urls import reverse
from django.utils import timezone

from balekdusun.core.models import AuditEntry, User
from balekdusun.core.roles import PERMISSIONS, Role
from balekdusun.privacy import conf
from balekdusun.privacy.models import BreachNotice

pytestmark = pytest.mark.django_db


def pdf_text(data: bytes) -> str:
    doc = pypdfium2.PdfDocument(data)
    return "\n".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))


@pytest.fixture
def en(login):
    def _login(user):
        client = login(user)
        client.cookies["django_language"] = "en"
        return client

    return _login


# --- record of processing ----------------------------------------------------------------------------------------

def test_record_follows_the_settings_and_the_role_table(en, carol, monkeypatch):
    client = en(carol)
    page = client.get(reverse("privacy:record")).content.decode()
    assert "Stories told at the door" in page and "1 year" in page
    assert "Explicit consent of the person (art. 20 (2) a)" in page
    # Change a period and a permission: the page says so at once.
    monkeypatch.setattr(conf, "STORY_DAYS", 90)
    monkeypatch.setitem(PERMISSIONS, "audit.view", frozenset({Role.ADMIN, Role.HEAD, Role.VIEWER}))
    page = client.get(reverse("privacy:record")).content.decode()
    assert "90 days" in page
    audit_section = page.split("Audit log</h2>")[1].split("</section>")[0]
    assert "Viewer" in audit_section and "Field officer" not in audit_section
    assert "story" not in page.replace("story text", "").replace("Stories", "")  # no retention key on the page
    assert "PRIVACY_" not in page


def test_record_pdf_is_printable_and_audited(en, dave):
    r = en(dave).get(reverse("privacy:record_pdf"))
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf"
    text = pdf_text(r.content)
    assert "Record of processing" in text and "Closed protection cases" in text and "5 years" in text
    assert AuditEntry.objects.filter(action="privacy.record_printed", actor=dave).count() == 1


@pytest.mark.parametrize("who", ["bob", "victor", "dina"])
def test_record_is_for_staff_only(request, login, who):
    client = login(request.getfixturevalue(who))
    assert client.get(reverse("privacy:record")).status_code == 403
    assert client.get(reverse("privacy:record_pdf")).status_code == 403


def test_record_in_indonesian_by_default(login, carol):
    page = login(carol).get(reverse("privacy:record")).content.decode()
    assert "Catatan pemrosesan" in page and "Persetujuan eksplisit" in page and "1 tahun" in page


# --- access log export -------------------------------------------------------------------------------------------

@pytest.fixture
def logs(offices, dave, charlie):
    now = timezone.now()
    sumsel, jatim = offices["sumsel"], offices["jatim"]
    AuditEntry.objects.create(action="case.viewed", office=sumsel, actor=dave, actor_name="dave",
                              object_type="cases.case", object_repr="=HYPERLINK(\"http://x\")", at=now,
                              area_code="16.02.08.2017")
    AuditEntry.objects.create(action="export.downloaded", office=sumsel, actor=dave, actor_name="dave", at=now)
    AuditEntry.objects.create(action="case.status_changed", office=sumsel, actor=dave, actor_name="dave", at=now)
    AuditEntry.objects.create(action="case.viewed", office=jatim, actor=charlie, actor_name="charlie", at=now)
    AuditEntry.objects.create(action="case.viewed", office=sumsel, actor=dave, actor_name="dave",
                              at=now - timedelta(days=40))
    return {"sumsel": sumsel, "jatim": jatim}


def _params(office, start=None, end=None, **extra):
    today = timezone.localdate()
    return {"start": (start or today - timedelta(days=7)).isoformat(), "end": (end or today).isoformat(),
            "office": office.pk, "download": "1", **extra}


def test_head_exports_own_office_access_log(en, dave, logs):
    client = en(dave)
    assert client.get(reverse("privacy:access_log")).status_code == 200
    r = client.get(reverse("privacy:access_log"), _params(logs["sumsel"]))
    assert r.status_code == 200 and r["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(r.content.decode("utf-8-sig"))))
    assert rows[0] == ["Time", "Who", "Role", "What", "Kind of record", "Which record", "Area"]
    body = rows[1:]
    assert [row[3] for row in body] == ["Case viewed", "Data exported"]  # no status change, no 40-day-old entry
    assert body[0][1] == "dave" and body[0][2] == "Head of office" and body[0][4] == "case"
    assert body[0][5] == "'=HYPERLINK(\"http://x\")"  # neutralised formula
    assert body[0][6] == "Pematang Buluran"  # the area in words
    assert "charlie" not in r.content.decode()
    entry = AuditEntry.objects.get(action="privacy.access_log_exported")
    assert entry.office == logs["sumsel"] and entry.data["rows"] == 2


def test_admin_exports_any_office(en, alice, logs):
    r = en(alice).get(reverse("privacy:access_log"), _params(logs["jatim"]))
    assert r.status_code == 200 and "charlie" in r.content.decode() and "dave" not in r.content.decode()


@pytest.mark.parametrize("change, field", [
    ({"office": "jatim"}, "office"),  # a foreign office
    ({"office": "true"}, "office"),
    ({"office": "NaN"}, "office"),
    ({"start": "0001-01-01"}, "start"),
    ({"start": "NaN"}, "start"),
    ({"end": "2999-01-01"}, "end"),
    ({"start": "2026-03-01", "end": "2026-02-01"}, "end"),
    ({"start": "2020-01-01", "end": "2023-01-01"}, "end"),  # longer than PRIVACY_EXPORT_MAX_DAYS
    ({"start": ""}, "start"),
])
def test_access_log_bad_input_is_a_field_error(en, dave, logs, change, field):
    params = _params(logs["sumsel"])
    if change.get("office") == "jatim":
        change = {"office": logs["jatim"].pk}
    params.update(change)
    r = en(dave).get(reverse("privacy:access_log"), params)
    assert r.status_code == 400
    form = r.context["form"]
    assert list(form.errors) == [field]
    assert not AuditEntry.objects.filter(action="privacy.access_log_exported").exists()


def test_period_limit_comes_from_the_setting(en, dave, logs, monkeypatch):
    monkeypatch.setattr(conf, "EXPORT_MAX_DAYS", 3)
    r = en(dave).get(reverse("privacy:access_log"), _params(logs["sumsel"]))
    assert r.status_code == 400 and "at most 3 days" in r.content.decode()


@pytest.mark.parametrize("who", ["carol", "bob", "victor"])
def test_access_log_needs_audit_view(request, login, logs, who):
    client = login(request.getfixturevalue(who))
    assert client.get(reverse("privacy:access_log"), _params(logs["sumsel"])).status_code == 403


# --- breach notices ----------------------------------------------------------------------------------------------

def _breach_data(home, **kw):
    now = timezone.localtime()
    data = {"office": home.pk, "what": "A laptop with an export of cases was stolen from a car.",
            "started_at": (now - timedelta(days=2)).strftime("%Y-%m-%dT%H:%M"),
            "ended_at": (now - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M"),
            "discovered_at": (now - timedelta(hours=5)).strftime("%Y-%m-%dT%H:%M"),
            "categories": ["identity", "contact", "case"], "people_affected": "42",
            "measures": "Passwords changed; the police informed."}
    data.update(kw)
    return data


def test_head_records_a_breach_and_prints_the_letter(en, dave, offices):
    sumsel = offices["sumsel"]
    now = timezone.now()
    AuditEntry.objects.create(action="export.downloaded", office=sumsel, actor=dave, actor_name="dave",
                              at=now - timedelta(days=1, hours=12))
    AuditEntry.objects.create(action="case.viewed", office=sumsel, actor=dave, actor_name="dave",
                              at=now - timedelta(days=1, hours=11))
    AuditEntry.objects.create(action="case.viewed", office=sumsel, actor=dave, actor_name="dave",
                              at=now - timedelta(days=10))  # before the window
    client = en(dave)
    r = client.post(reverse("privacy:breach_new"), _breach_data(sumsel))
    notice = BreachNotice.objects.get()
    assert r.status_code == 302 and r["Location"] == reverse("privacy:breach", args=[notice.reference])
    assert notice.office == sumsel and notice.recorded_by == dave and notice.people_affected == 42
    assert notice.deadline == notice.discovered_at + timedelta(hours=72)
    assert AuditEntry.objects.filter(action="privacy.breach_recorded", object_repr=notice.reference).exists()

    page = client.get(r["Location"]).content.decode()
    assert "Notify the people concerned and the authority by" in page
    assert "2 views or exports" in page and "Data exported: 1" in page

    letter = client.get(reverse("privacy:breach_letter", args=[notice.reference]))
    assert letter.status_code == 200 and letter["Content-Type"] == "application/pdf"
    text = pdf_text(letter.content)
    assert "Pasal 46" in text and "Undang-Undang Nomor 27 Tahun 2022" in text
    assert "Nama warga dan pelapor" in text  # the categories, in Indonesian
    assert "Data diekspor" in text and "Kasus dilihat" in text  # accesses of the window, in words
    assert "tercatat 2 kali" in text
    assert "42 orang" in text and "72 jam" in text
    assert AuditEntry.objects.filter(action="privacy.breach_letter", actor=dave).count() == 1
    assert client.get(reverse("privacy:breaches")).content.decode().count(notice.reference) >= 1
    home = client.get(reverse("core:home")).content.decode()
    assert "Data breaches to notify" in home and reverse("privacy:breach", args=[notice.reference]) in home


@pytest.mark.parametrize("change, field", [
    ({"people_affected": "NaN"}, "people_affected"),
    ({"people_affected": "-1"}, "people_affected"),
    ({"people_affected": "true"}, "people_affected"),
    ({"categories": ["identity", "password"]}, "categories"),
    ({"categories": []}, "categories"),
    ({"started_at": "0001-01-01T00:00"}, "started_at"),
    ({"discovered_at": "2999-01-01T00:00"}, "discovered_at"),
    ({"started_at": "not a time"}, "started_at"),
    ({"what": ""}, "what"),
    ({"office": "true"}, "office"),
    ({"office": "jatim"}, "office"),
])
def test_breach_bad_input_is_a_field_error(en, dave, offices, change, field):
    if change.get("office") == "jatim":
        change = {"office": offices["jatim"].pk}
    r = en(dave).post(reverse("privacy:breach_new"), _breach_data(offices["sumsel"], **change))
    assert r.status_code == 422
    assert list(r.context["form"].errors) == [field]
    assert not BreachNotice.objects.exists()


def test_breach_dates_in_order(en, dave, offices):
    now = timezone.localtime()
    r = en(dave).post(reverse("privacy:breach_new"), _breach_data(
        offices["sumsel"], started_at=(now - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
        ended_at=(now - timedelta(hours=3)).strftime("%Y-%m-%dT%H:%M"),
        discovered_at=(now - timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M")))
    assert r.status_code == 422 and set(r.context["form"].errors) == {"discovered_at", "ended_at"}


def test_breaches_are_scoped_to_the_office(en, login, dave, offices):
    en(dave).post(reverse("privacy:breach_new"), _breach_data(offices["sumsel"]))
    notice = BreachNotice.objects.get()
    head_jatim = User.objects.create_user("hj", role=Role.HEAD, office=offices["jatim"])
    other = login(head_jatim)
    assert other.get(reverse("privacy:breach", args=[notice.reference])).status_code == 404
    assert other.get(reverse("privacy:breach_letter", args=[notice.reference])).status_code == 404
    assert notice.reference not in other.get(reverse("privacy:breaches")).content.decode()
    assert notice.reference not in other.get(reverse("core:home")).content.decode()


@pytest.mark.parametrize("who", ["carol", "bob", "victor"])
def test_breaches_are_for_heads(request, login, offices, who):
    client = login(request.getfixturevalue(who))
    assert client.get(reverse("privacy:breaches")).status_code == 403
    assert client.post(reverse("privacy:breach_new"), _breach_data(offices["sumsel"])).status_code == 403
    assert not BreachNotice.objects.exists()
