"""Staff pages, CSV imports, commands, the public API and the demo seed."""

from datetime import date, timedelta
from io import BytesIO, StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.utils import timezone, translation
from openpyxl import Workbook

from balekdusun.core.models import AuditEntry
from balekdusun.portal import conf, imports
from balekdusun.portal.models import Agency, AgencyStatus, InfoPage, JobOpening, JobStatus
from balekdusun.portal.tests.conftest import make_agency, make_job

FUTURE = (timezone.localdate() + timedelta(days=30)).isoformat()


@pytest.fixture(autouse=True)
def _english():
    """Messages of direct service calls are asserted in English (requests follow the language cookie)."""
    with translation.override("en"):
        yield


def csv_file(text, name="data.csv"):
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


def xlsx_bytes(*rows):
    book = Workbook()
    for row in rows:
        book.active.append(list(row))
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def run_import(run, data, name="data.csv", **kw):
    """A service import of `data` (text or bytes) as a file called `name`."""
    return run(BytesIO(data.encode() if isinstance(data, str) else data), name, **kw)


def where(result):
    return [(e.line, e.column) for e in result.errors]


# --- Permissions and scoping ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("url", ["/portal/manage/agencies/", "/portal/manage/agencies/new/", "/portal/manage/jobs/",
                                 "/portal/manage/jobs/import/", "/portal/manage/pages/"])
def test_staff_pages_need_portal_manage(client, login, bob, carol, url):
    assert client.get(url).status_code == 302  # anonymous: to the login page
    assert login(bob).get(url).status_code == 403
    resp = login(carol).get(url)
    assert resp.status_code == 200 and "no-store" in resp["Cache-Control"]


def test_menu_shows_portal_items_to_staff_only(login, bob, carol):
    assert "/portal/manage/agencies/" in login(carol).get("/").content.decode()
    assert "/portal/manage/agencies/" not in login(bob).get("/").content.decode()


def test_job_openings_are_scoped_to_the_office(login, offices, carol, jane, alice, register):
    sumsel_job = make_job(register["licensed"], office=offices["sumsel"], position="Lowongan Sumsel")
    jatim_job = make_job(register["licensed"], office=offices["jatim"], position="Lowongan Jatim")
    page = login(jane).get("/portal/manage/jobs/").content.decode()
    assert "Lowongan Jatim" in page and "Lowongan Sumsel" not in page
    assert login(jane).get(f"/portal/manage/jobs/{sumsel_job.pk}/").status_code == 404
    assert login(carol).get(f"/portal/manage/jobs/{sumsel_job.pk}/").status_code == 200
    page = login(alice).get("/portal/manage/jobs/").content.decode()
    assert "Lowongan Jatim" in page and "Lowongan Sumsel" in page
    assert jatim_job


# --- Agency CRUD ------------------------------------------------------------------------------------------------------

def test_create_agency_with_audit_and_field_errors(login, carol, register):
    staff = login(carol)
    resp = staff.post("/portal/manage/agencies/new/", {"name": "PT Baru Sentosa", "licence_number": "KEP 9/2025",
                                                         "status": "licensed"})
    assert resp.status_code == 302
    agency = Agency.objects.get(name="PT Baru Sentosa")
    assert AuditEntry.objects.filter(action="agency.created", object_id=str(agency.pk), actor=carol).exists()
    # Same licence written differently is the same licence.
    resp = staff.post("/portal/manage/agencies/new/", {"name": "PT Lain", "licence_number": "kep-9-2025",
                                                         "status": "licensed"})
    assert resp.status_code == 422
    assert "licence" in resp.content.decode().lower() or "izin" in resp.content.decode().lower()
    resp = staff.post("/portal/manage/agencies/new/", {"name": "", "licence_number": "X1", "status": "bogus"})
    assert resp.status_code == 422 and Agency.objects.count() == 5


def test_delete_agency_refused_while_it_has_openings(login, carol, register):
    staff = login(carol)
    make_job(register["licensed"])
    resp = staff.post(f"/portal/manage/agencies/{register['licensed'].pk}/delete/")
    assert resp.status_code == 302 and Agency.objects.filter(pk=register["licensed"].pk).exists()
    resp = staff.post(f"/portal/manage/agencies/{register['revoked'].pk}/delete/")
    assert resp.status_code == 302 and not Agency.objects.filter(pk=register["revoked"].pk).exists()


# --- Job CRUD ---------------------------------------------------------------------------------------------------------

def job_form(agency_obj, **changes):
    data = {"reference": "JO-NEW-1", "position": "Operator pabrik", "country": "JP", "sector": "manufacturing",
            "scheme": "p_to_p", "employer": "Contoh K.K.", "agency": agency_obj.pk, "quota": 10, "salary_min": 180000,
            "salary_max": 210000, "currency": "jpy", "requirements": "- Sehat", "closing_date": FUTURE,
            "status": "published"}
    data.update(changes)
    return data


def test_coordinator_creates_a_job_for_their_office(login, carol, offices, register):
    resp = login(carol).post("/portal/manage/jobs/new/", job_form(register["licensed"]))
    assert resp.status_code == 302
    job = JobOpening.objects.get(reference="JO-NEW-1")
    assert job.office == offices["sumsel"] and job.currency == "JPY" and job.is_public


@pytest.mark.parametrize("changes, field", [
    ({"salary_max": 1000}, "salary_max"),
    ({"currency": "12"}, "currency"),
    ({"quota": 0}, "quota"),
    ({"agency": ""}, "agency"),
    ({"closing_date": "31-02-2026"}, "closing_date"),
    ({"country": "ZZ"}, "country"),
])
def test_job_form_errors_name_the_field(login, carol, register, changes, field):
    resp = login(carol).post("/portal/manage/jobs/new/", job_form(register["licensed"], **changes))
    assert resp.status_code == 422
    page = resp.content.decode()
    block = next(b for b in page.split('<div class="field')[1:] if f'id="id_{field}"' in b)
    assert block.startswith(" invalid")
    assert not JobOpening.objects.exists()


def test_opening_of_a_suspended_agency_cannot_be_published(login, carol, register):
    resp = login(carol).post("/portal/manage/jobs/new/", job_form(register["suspended"]))
    assert resp.status_code == 422 and not JobOpening.objects.exists()


# --- Info pages -------------------------------------------------------------------------------------------------------

def test_staff_edit_an_info_page(login, client, carol, db):
    call_command("seed_info_pages", stdout=StringIO())
    page = InfoPage.objects.get(slug="tanda-bahaya")
    staff = login(carol)
    data = {"slug": page.slug, "section": page.section, "order": 5, "title_id": "Tanda bahaya (diperbarui)",
            "title_en": page.title_en, "summary_id": "", "summary_en": "", "body_id": "- Visa turis",
            "body_en": "- Tourist visa", "published": "on"}
    assert staff.post(f"/portal/manage/pages/{page.pk}/", data).status_code == 302
    staff.logout()
    assert "Tanda bahaya (diperbarui)" in client.get("/portal/legal/tanda-bahaya/").content.decode()
    assert AuditEntry.objects.filter(action="infopage.updated").exists()


# --- CSV imports -------------------------------------------------------------------------------------------------------

AGENCY_CSV = """name;licence_number;status;licence_valid_until;city
PT Sriwijaya Karya Mandiri;KEP.101/PPTKIS/2022;dibekukan;2027-01-31;Palembang
PT Anyar Jaya;KEP.777/PPTKIS/2025;aktif;31/12/2029;Lahat
"""


def test_agency_import_creates_and_updates(login, carol, register):
    resp = login(carol).post("/portal/manage/agencies/import/", {"file": csv_file(AGENCY_CSV)})
    assert resp.status_code == 302
    register["licensed"].refresh_from_db()
    assert register["licensed"].status == AgencyStatus.SUSPENDED
    assert Agency.objects.get(licence_number="KEP.777/PPTKIS/2025").licence_valid_until.year == 2029
    assert AuditEntry.objects.filter(action="agency.imported", data__created=1, data__updated=1).exists()


def test_agency_import_is_all_or_nothing_with_line_errors(login, carol, register):
    text = ("name,licence_number,status\n"
            "PT Benar,KEP.1/2025,licensed\n"
            ",KEP.2/2025,licensed\n"
            "PT Salah Status,KEP.3/2025,maybe\n"
            "PT Ganda,KEP.1/2025,licensed\n")
    resp = login(carol).post("/portal/manage/agencies/import/", {"file": csv_file(text)})
    assert resp.status_code == 422
    page = resp.content.decode()  # Indonesian: the reader's messages are in the project-level catalogue
    assert "Baris 3, kolom name:" in page
    assert "Baris 4, kolom status:" in page
    assert "Baris 5, kolom licence_number: Juga ada di baris 2." in page
    assert "3 kesalahan; tidak ada yang diimpor." in page
    # The good line 2 was saved before the bad ones were read, then rolled back.
    assert not Agency.objects.filter(name="PT Benar").exists()
    assert not AuditEntry.objects.filter(action="agency.imported").exists()


@pytest.mark.parametrize("data, line, column, message", [
    ("\ufeffname,licence_number,status\nPT A,KEP.1,licensed\n".encode("utf-16"), 1, "", "not UTF-8"),
    (b"", 1, "", "The file is empty."),
    (b"\n \n", 1, "", "The file is empty."),
    (b"name,status\nPT A,licensed\n", 1, "licence_number", "Missing column(s): licence_number."),
    (b"name,licence_number,status,colour\nPT A,KEP.1,licensed,red\n", 1, "colour", "Unknown column “colour”"),
    (b"name,licence_number,status,name\nPT A,KEP.1,licensed,B\n", 1, "name", "appears twice"),
])
def test_agency_import_file_errors(alice, register, data, line, column, message):
    result = run_import(imports.import_agencies, data, actor=alice)
    assert where(result) == [(line, column)]
    assert message in result.errors[0].message
    assert (result.created, result.updated) == (0, 0)
    assert Agency.objects.count() == 4


def test_agency_import_names_the_line_and_column_of_a_bad_value(alice, register):
    text = ("name,licence_number,status,licence_valid_until\n"
            "PT Baru Satu,KEP.900/2025,licensed,2029-12-31\n"
            "PT Sriwijaya Karya Mandiri,KEP.101/PPTKIS/2022,revoked,\n"
            "\n"                                                   # empty lines are skipped but counted
            "PT Baru Dua,KEP.901/2025,licensed,tomorrow\n"
            "PT Baru Tiga,KEP.902/2025,licensed,2029-12-31,extra\n")
    result = run_import(imports.import_agencies, text, actor=alice)
    assert where(result) == [(5, "licence_valid_until"), (6, "")]
    assert str(result.errors[0]).startswith("Line 5, column licence_valid_until: ")
    assert str(result.errors[1]) == "Line 6: More cells than columns in the header."
    assert not Agency.objects.filter(name__startswith="PT Baru").exists()
    register["licensed"].refresh_from_db()
    assert register["licensed"].status == AgencyStatus.LICENSED  # line 3's update was rolled back too


def test_agency_import_names_the_line_of_a_byte_that_is_not_utf8(alice, register):
    data = "name,licence_number,status\nPT Satu,KEP.1/2025,licensed\nPT Perdana Sentosa,KEP.2/2025,licensed\n"
    data = data.encode() + "PT Jaya Abadi Médan,KEP.3/2025,licensed\n".encode("latin-1")
    result = run_import(imports.import_agencies, data, actor=alice)
    assert where(result) == [(4, "")]
    assert "not UTF-8" in result.errors[0].message
    assert not Agency.objects.filter(name="PT Satu").exists()


def test_agency_import_row_limit(alice, register, monkeypatch):
    monkeypatch.setattr(conf, "IMPORT_MAX_ROWS", 2)
    text = "name,licence_number,status\n" + "".join(f"PT {n},KEP.{n}/2025,licensed\n" for n in range(1, 4))
    result = run_import(imports.import_agencies, text, actor=alice)
    assert where(result) == [(4, "")] and "at most 2" in result.errors[0].message
    assert Agency.objects.count() == 4
    assert run_import(imports.import_agencies, text.rsplit("PT 3", 1)[0], actor=alice).created == 2


def test_agency_import_reads_xlsx(login, carol, register):
    header = ("name", "licence_number", "status", "licence_valid_until", "city")
    data = xlsx_bytes(header,
                      ("PT Sriwijaya Karya Mandiri", "KEP.101/PPTKIS/2022", "dicabut", None, "Palembang"),
                      (None, None, None, None, None),
                      ("PT Xlsx Jaya", "KEP.888/PPTKIS/2025", "aktif", date(2029, 12, 31), "Lahat"))
    upload = SimpleUploadedFile("register.xlsx", data, content_type="application/octet-stream")
    resp = login(carol).post("/portal/manage/agencies/import/", {"file": upload})
    assert resp.status_code == 302
    register["licensed"].refresh_from_db()
    assert register["licensed"].status == AgencyStatus.REVOKED
    assert Agency.objects.get(name="PT Xlsx Jaya").licence_valid_until == date(2029, 12, 31)
    bad = xlsx_bytes(header, ("PT Xlsx Dua", "KEP.889/PPTKIS/2025", "licensed", "31.12.2029", None),
                     ("PT Xlsx Tiga", "KEP.890/PPTKIS/2025", "maybe", None, None))
    result = run_import(imports.import_agencies, bad, "register.xlsx", actor=carol)
    assert where(result) == [(2, "licence_valid_until"), (3, "status")]
    assert not Agency.objects.filter(name__startswith="PT Xlsx ").exclude(name="PT Xlsx Jaya").exists()
    with translation.override("en"):  # the request above left Indonesian active
        broken = run_import(imports.import_agencies, b"not a zip file", "register.xlsx", actor=carol)
    assert str(broken.errors[0]) == "The file is not a readable .xlsx workbook."


def test_import_page_refuses_other_file_types_and_shows_file_errors(login, carol, register):
    staff = login(carol)
    resp = staff.post("/portal/manage/agencies/import/", {"file": csv_file(AGENCY_CSV, name="register.pdf")})
    assert resp.status_code == 422 and "Unggah berkas .csv atau .xlsx." in resp.content.decode()
    resp = staff.post("/portal/manage/agencies/import/", {"file": SimpleUploadedFile("empty.csv", b"   \n")})
    assert resp.status_code == 422
    assert "Baris 1: Berkas kosong." in resp.content.decode()


def test_job_import_with_line_errors_then_success(alice, offices, register):
    header = "reference,office,position,country,sector,employer,agency_licence,quota,salary_min,salary_max,currency,requirements,closing_date\n"
    bad = header + (f"JO-1,BP3MI Sumsel,Pemanen,MY,plantation,Ladang A,KEP.101/PPTKIS/2022,10,1700,2200,MYR,Sehat,{FUTURE}\n"
                    f"JO-2,BP3MI Sumsel,Pemanen,XX,plantation,Ladang B,KEP.999/NOPE,10,1700,2200,MYR,Sehat,{FUTURE}\n"
                    "JO-3,Kantor Entah,Pemanen,MY,plantation,Ladang C,KEP.101/PPTKIS/2022,ten,1700,2200,MYR,Sehat,soon\n")
    result = run_import(imports.import_jobs, bad, actor=alice)
    assert sorted(where(result)) == [(3, "agency_licence"), (3, "country"), (4, "closing_date"), (4, "office"),
                                     (4, "quota")]
    assert "Line 3, column agency_licence: No agency with licence KEP.999/NOPE" in "\n".join(map(str, result.errors))
    assert not JobOpening.objects.exists()
    header = header.replace("closing_date\n", "closing_date,scheme\n")
    no_agency = header + f"JO-KR,,Operator,KR,manufacturing,EPS,,100,2000000,2300000,KRW,Lulus EPS-TOPIK,{FUTURE},\n"
    result = run_import(imports.import_jobs, no_agency, actor=alice)
    assert where(result) == [(2, "agency_licence")]  # P to P (the default) names its agency
    good = header + (f"JO-1,BP3MI Sumsel,Pemanen,my,plantation,Ladang A,KEP 101 PPTKIS 2022,10,1700,2200,MYR,Sehat,{FUTURE},\n"
                     f"JO-KR,,Operator,KR,manufacturing,EPS,,100,2000000,2300000,KRW,Lulus EPS-TOPIK,{FUTURE},g_to_g\n")
    result = run_import(imports.import_jobs, good, actor=alice)
    assert result.ok, result.errors
    assert result.created == 2
    assert JobOpening.objects.get(reference="JO-1").office == offices["sumsel"]
    assert JobOpening.objects.get(reference="JO-KR").agency is None
    # A second import of the same file updates, it does not duplicate.
    assert run_import(imports.import_jobs, good, actor=alice).updated == 2


def test_job_import_refuses_another_offices_job_order(jane, carol, offices, register):
    make_job(register["licensed"], office=offices["sumsel"], reference="JO-SUMSEL")
    text = ("reference,position,country,sector,employer,agency_licence,quota,salary_min,salary_max,currency,"
            f"requirements,closing_date\nJO-SUMSEL,Diubah,MY,plantation,X,KEP.101/PPTKIS/2022,1,1,2,MYR,x,{FUTURE}\n")
    result = run_import(imports.import_jobs, text, actor=jane)
    assert where(result) == [(2, "reference")] and "belongs to another office" in result.errors[0].message
    assert JobOpening.objects.get(reference="JO-SUMSEL").position != "Diubah"
    # The owner office may update it; the office stays the coordinator's own.
    result = run_import(imports.import_jobs, text, actor=carol)
    assert result.ok and result.updated == 1
    assert JobOpening.objects.get(reference="JO-SUMSEL").office == offices["sumsel"]


def test_job_import_page_shows_errors(login, carol, register):
    resp = login(carol).post("/portal/manage/jobs/import/", {"file": csv_file("reference\nJO-1\n")})
    page = resp.content.decode()
    assert resp.status_code == 422 and "import-errors" in page
    assert "Baris 1, kolom closing_date: Kolom yang kurang: closing_date, country," in page


def test_job_import_reads_xlsx_and_names_the_bad_cell(carol, register):
    header = ("reference", "position", "country", "sector", "employer", "agency_licence", "quota", "salary_min",
              "salary_max", "currency", "requirements", "closing_date")
    closing = timezone.localdate() + timedelta(days=30)
    good = ("JO-X1", "Pemanen", "my", "plantation", "Ladang A", "KEP.101/PPTKIS/2022", 10, 1700, 2200.0, "MYR",
            "Sehat", closing)
    bad = ("JO-X2", "Pemanen", "MY", "plantation", "Ladang B", "KEP.101/PPTKIS/2022", 10, 2200, 1700, "MYR",
           "Sehat", closing)
    result = run_import(imports.import_jobs, xlsx_bytes(header, good, bad), "jobs.xlsx", actor=carol)
    assert where(result) == [(3, "salary_max")]
    assert not JobOpening.objects.exists()
    result = run_import(imports.import_jobs, xlsx_bytes(header, good), "jobs.xlsx", actor=carol)
    assert result.ok, result.errors
    job = JobOpening.objects.get(reference="JO-X1")
    assert (job.country, job.quota, job.salary_max, job.closing_date) == ("MY", 10, 2200, closing)


# --- Commands ------------------------------------------------------------------------------------------------------------

def test_seed_info_pages_command_is_idempotent_and_keeps_edits(db):
    out = StringIO()
    call_command("seed_info_pages", stdout=out)
    assert "5 information page(s) created" in out.getvalue()
    InfoPage.objects.filter(slug="biaya").update(title_id="Diubah staf")
    call_command("seed_info_pages", stdout=out)
    assert InfoPage.objects.count() == 5 and InfoPage.objects.get(slug="biaya").title_id == "Diubah staf"


def test_portal_import_command(tmp_path, carol, bob, register):
    path = tmp_path / "agencies.csv"
    path.write_text(AGENCY_CSV, encoding="utf-8")
    out = StringIO()
    call_command("portal_import", "agencies", str(path), "--as", "carol", stdout=out)
    assert "1 created, 1 updated" in out.getvalue()
    with pytest.raises(CommandError, match="may not manage"):
        call_command("portal_import", "agencies", str(path), "--as", "bob")
    bad = tmp_path / "bad.csv"
    bad.write_text("name,licence_number,status\nPT X,,licensed\n", encoding="utf-8")
    err = StringIO()
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("portal_import", "agencies", str(bad), "--as", "carol", stderr=err)
    assert "Line 2, column licence_number: " in err.getvalue()
    xlsx = tmp_path / "agencies.xlsx"
    xlsx.write_bytes(xlsx_bytes(("name", "licence_number", "status"), ("PT Dari Xlsx", "KEP.5/2026", "aktif")))
    call_command("portal_import", "agencies", str(xlsx), "--as", "carol", stdout=out)
    assert Agency.objects.filter(name="PT Dari Xlsx", status=AgencyStatus.LICENSED).exists()


# --- Public API ------------------------------------------------------------------------------------------------------------

def test_public_api(client, register):
    job = make_job(register["licensed"], country="HK", sector="caregiver")
    make_job(register["licensed"], status=JobStatus.DRAFT)
    resp = client.get("/api/v1/portal/agencies", {"q": "sriwijya"})
    assert resp.status_code == 200 and resp.json()[0]["licence_number"] == "KEP.101/PPTKIS/2022"
    assert client.get("/api/v1/portal/agencies", {"q": "x"}).status_code == 422
    jobs = client.get("/api/v1/portal/jobs").json()
    assert [j["id"] for j in jobs] == [job.pk]
    assert client.get("/api/v1/portal/jobs", {"country": "MY"}).json() == []
    assert client.get("/api/v1/portal/jobs", {"country": "ZZ"}).status_code == 422
    assert "/api/v1/portal/jobs" in client.get("/api/v1/openapi.json").json()["paths"]


# --- Demo ---------------------------------------------------------------------------------------------------------------------

def test_demo_seed_is_idempotent(offices):
    from balekdusun.portal.demo import seed

    ctx = {"offices": {o.name: o for o in offices.values()}}
    seed(ctx)
    counts = (Agency.objects.count(), JobOpening.objects.count(), InfoPage.objects.count())
    seed(ctx)
    assert (Agency.objects.count(), JobOpening.objects.count(), InfoPage.objects.count()) == counts
    assert set(Agency.objects.values_list("status", flat=True)) == {"licensed", "suspended", "revoked"}
    assert set(JobOpening.objects.public().values_list("country", flat=True)) >= {"MY", "HK", "TW", "JP", "KR"}
    for job in JobOpening.objects.all():
        job.full_clean()
    assert make_agency  # factories stay importable for other tests
