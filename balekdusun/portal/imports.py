"""Imports of the agency register and of job openings from CSV or XLSX: all or nothing, errors by line and column.

Files are streamed through `lib.tabular`, the reader of the planning imports. Each line goes through the same
ModelForm as the staff pages, so an import accepts exactly what the form accepts. Rows are matched on their natural
key (licence number, job-order reference): a known key updates, a new one creates. Good lines are saved inside one
transaction as they are read; after the first bad line nothing more is saved, the remaining lines are still
checked, and the transaction is rolled back, so a file with any bad line writes nothing.
"""

from collections.abc import Callable

from django.db import transaction
from django.utils.translation import gettext as _

from balekdusun.core import audit
from balekdusun.core.roles import Role
from balekdusun.core.scoping import scoped
from balekdusun.lib.tabular import EXTRA, FileProblem, ImportResult, check_header, read_rows
from balekdusun.portal import conf
from balekdusun.portal.forms import AgencyForm, JobForm
from balekdusun.portal.models import Agency, AgencyStatus, JobOpening, normalize_licence
from balekdusun.portal.services import bump_content_version

AGENCY_COLUMNS = {"name", "licence_number", "status", "licence_valid_until", "status_note", "city", "address", "phone"}
AGENCY_REQUIRED = {"name", "licence_number", "status"}
# Indonesian words staff use in the ministry's lists.
_STATUS_WORDS = {"aktif": AgencyStatus.LICENSED, "berizin": AgencyStatus.LICENSED, "licensed": AgencyStatus.LICENSED,
                 "dibekukan": AgencyStatus.SUSPENDED, "skorsing": AgencyStatus.SUSPENDED,
                 "suspended": AgencyStatus.SUSPENDED, "dicabut": AgencyStatus.REVOKED, "revoked": AgencyStatus.REVOKED}

JOB_COLUMNS = {"reference", "office", "position", "country", "sector", "scheme", "employer", "agency_licence",
               "quota", "salary_min", "salary_max", "currency", "requirements", "allowed_costs", "forbidden_costs",
               "closing_date", "status"}
JOB_REQUIRED = {"reference", "position", "country", "sector", "employer", "quota", "salary_min", "salary_max",
                "currency", "requirements", "closing_date"}


def agency_template_rows() -> list[dict]:
    """The example lines of the downloadable agency template (lib/import_template.py)."""
    import datetime as dt

    valid = dt.date.today().replace(month=12, day=31) + dt.timedelta(days=4 * 365)
    return [{"name": "PT Contoh Jaya", "licence_number": "KEP.123/PPTKIS/2024", "status": "licensed",
             "licence_valid_until": valid.isoformat(), "city": "Palembang", "address": "Jl. Contoh No. 1",
             "phone": "0711-000-000"}]


def job_template_rows() -> list[dict]:
    """The example line of the job-opening template: a government programme (G to G), which names no agency, so
    the line imports into any register; its closing date is three months after the download. A P to P line names
    its agency's licence in `agency_licence` (the agency must be in the register)."""
    import datetime as dt

    return [{"reference": "JO-CONTOH-001", "position": "Operator pabrik", "country": "KR",
             "sector": "manufacturing", "scheme": "g_to_g", "employer": "Program G to G Korea (EPS)", "quota": "40",
             "salary_min": "2060000", "salary_max": "2500000", "currency": "KRW",
             "requirements": "Pria/wanita 18-39 tahun, sehat, lulus tes bahasa Korea (EPS-TOPIK)",
             "closing_date": (dt.date.today() + dt.timedelta(days=90)).isoformat(), "status": "draft"}]


AGENCY_TEMPLATE_HEADER = ["name", "licence_number", "status", "licence_valid_until", "status_note", "city", "address",
                          "phone"]
JOB_TEMPLATE_HEADER = ["reference", "position", "country", "sector", "scheme", "employer", "agency_licence", "quota",
                       "salary_min", "salary_max", "currency", "requirements", "allowed_costs", "forbidden_costs",
                       "closing_date", "status"]

# Form fields whose column in the file has another name.
_FIELD_COLUMN = {"agency": "agency_licence"}

# Checks one line: returns a valid form to save, or None after adding the line's errors to the result.
RowCheck = Callable[[int, dict, ImportResult], object]


def _run(fileobj, filename: str, *, columns: set[str], required: set[str], check: RowCheck, actor,
         action: str) -> ImportResult:
    result = ImportResult()
    try:
        header, rows = read_rows(fileobj, filename)
        check_header(header, required=sorted(required), optional=sorted(columns - required))
        with transaction.atomic():
            for line, cells in rows:
                result.rows += 1
                if result.rows > conf.IMPORT_MAX_ROWS:
                    result.add(line, "", _("More than %(max)d rows; at most %(max)d are imported at once. Split the "
                                           "file.") % {"max": conf.IMPORT_MAX_ROWS})
                    break
                if EXTRA in cells:
                    result.add(line, "", _("More cells than columns in the header."))
                    continue
                form = check(line, {c: (cells.get(c) or "").strip() for c in header}, result)
                if form is None or result.errors:
                    continue  # once a line is bad nothing more is saved; the rest is only checked
                record = form.save(commit=False)
                is_new = record.pk is None
                record.updated_by = actor
                record.save()
                result.created += is_new
                result.updated += not is_new
            if result.errors:
                transaction.set_rollback(True)
            else:
                audit.log(actor, action, None, created=result.created, updated=result.updated)
    except FileProblem as problem:
        result.errors = [problem.error]
    if result.errors:
        result.created = result.updated = 0
        return result
    bump_content_version()
    return result


def _add_form_errors(result: ImportResult, line: int, form, *, known: set[str] = frozenset()) -> None:
    """The form's errors under the file's column names, except for columns in `known` (already reported)."""
    for name, messages in form.errors.items():
        column = "" if name == "__all__" else _FIELD_COLUMN.get(name, name)
        if column in known:
            continue
        for message in messages:
            result.add(line, column, message)


def import_agencies(fileobj, filename: str, *, actor) -> ImportResult:
    existing = {a.licence_key: a for a in Agency.objects.all()}
    seen: dict[str, int] = {}

    def check(line: int, row: dict, result: ImportResult):
        key = normalize_licence(row.get("licence_number", ""))
        if key in seen:
            result.add(line, "licence_number", _("Also on line %(other)d.") % {"other": seen[key]})
            return None
        seen[key] = line
        status = row.get("status", "").lower()
        row["status"] = _STATUS_WORDS.get(status, status)
        form = AgencyForm(data=row, instance=existing.get(key))
        if form.is_valid():
            return form
        _add_form_errors(result, line, form)
        return None

    return _run(fileobj, filename, columns=AGENCY_COLUMNS, required=AGENCY_REQUIRED, check=check, actor=actor,
                action="agency.imported")


def import_jobs(fileobj, filename: str, *, actor) -> ImportResult:
    from balekdusun.core.models import Office

    mine = {j.reference: j for j in scoped(actor, JobOpening)}
    others = set(JobOpening.objects.exclude(pk__in=[j.pk for j in mine.values()]).values_list("reference", flat=True))
    agencies = {a.licence_key: a.pk for a in Agency.objects.all()}
    offices = {}
    for office in Office.objects.all():
        offices[office.name.lower()] = office.pk
        if office.short_name:
            offices[office.short_name.lower()] = office.pk
    seen: dict[str, int] = {}

    def check(line: int, row: dict, result: ImportResult):
        reference = row.get("reference", "")
        if reference in seen:
            result.add(line, "reference", _("Also on line %(other)d.") % {"other": seen[reference]})
            return None
        seen[reference] = line
        if reference in others:
            result.add(line, "reference", _("This job order belongs to another office."))
            return None
        reported = set()  # columns this check has already named; the form's message for them would repeat it
        licence = row.pop("agency_licence", "")
        row["agency"] = ""
        if licence:
            agency_pk = agencies.get(normalize_licence(licence))
            if agency_pk is None:
                reported.add("agency_licence")
                result.add(line, "agency_licence", _("No agency with licence %(licence)s in the register.")
                           % {"licence": licence})
            row["agency"] = agency_pk or ""
        office_name = row.pop("office", "")
        row["office"] = ""
        if office_name and actor.role == Role.ADMIN:
            office_pk = offices.get(office_name.lower())
            if office_pk is None:
                reported.add("office")
                result.add(line, "office", _("Unknown office %(office)s.") % {"office": office_name})
            row["office"] = office_pk or ""
        row["scheme"] = row.get("scheme") or "p_to_p"
        row["status"] = (row.get("status") or "published").lower()
        row["country"] = row["country"].upper()
        form = JobForm(data=row, instance=mine.get(reference), user=actor)
        if form.is_valid() and not reported:
            return form
        _add_form_errors(result, line, form, known=reported)
        return None

    return _run(fileobj, filename, columns=JOB_COLUMNS, required=JOB_REQUIRED, check=check, actor=actor,
                action="job.imported")
