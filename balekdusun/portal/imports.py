"""CSV imports of the agency register and of job openings: every line is checked first, then all or nothing.

Each line goes through the same ModelForm as the staff pages, so an import accepts exactly what the form accepts.
Rows are matched on their natural key (licence number, job-order reference): a known key updates, a new one creates.
"""

import csv
import io
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from balekdusun.core import audit
from balekdusun.core.roles import Role
from balekdusun.core.scoping import scoped
from balekdusun.portal import conf
from balekdusun.portal.forms import AgencyForm, JobForm
from balekdusun.portal.models import Agency, AgencyStatus, JobOpening, normalize_licence
from balekdusun.portal.services import bump_content_version


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


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


def read_csv(data: bytes, *, columns: set[str], required: set[str]) -> tuple[list[tuple[int, dict]], list[str]]:
    """(line number, row) pairs and file-level errors. Line numbers count the header as line 1."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [], [_("The file is not UTF-8 text. Save it as “CSV UTF-8” and try again.")]
    if not text.strip():
        return [], [_("The file is empty.")]
    try:
        dialect = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    header = [(h or "").strip().lower() for h in (reader.fieldnames or [])]
    reader.fieldnames = header
    errors = []
    missing = sorted(required - set(header))
    if missing:
        errors.append(_("Line 1: missing column(s): %(cols)s.") % {"cols": ", ".join(missing)})
    unknown = sorted(set(header) - columns)
    if unknown:
        errors.append(_("Line 1: unknown column(s): %(cols)s. Known columns: %(known)s.") % {
            "cols": ", ".join(unknown), "known": ", ".join(sorted(columns))})
    if errors:
        return [], errors
    rows = []
    try:
        for row in reader:
            if None in row:
                errors.append(_("Line %(line)s: more values than columns.") % {"line": reader.line_num})
                continue
            clean = {k: (v or "").strip() for k, v in row.items()}
            if any(clean.values()):
                rows.append((reader.line_num, clean))
    except csv.Error as exc:
        errors.append(_("Line %(line)s: %(error)s") % {"line": reader.line_num, "error": exc})
    if len(rows) > conf.IMPORT_MAX_ROWS:
        errors.append(_("The file has %(n)s rows; at most %(max)s are imported at once.") % {
            "n": len(rows), "max": conf.IMPORT_MAX_ROWS})
    return rows, errors


def _form_errors(line: int, form) -> list[str]:
    out = []
    for name, messages in form.errors.items():
        column = name if name != "__all__" else ""
        for message in messages:
            out.append(_("Line %(line)s, %(column)s: %(message)s") % {"line": line, "column": column,
                                                                     "message": message}
                       if column else _("Line %(line)s: %(message)s") % {"line": line, "message": message})
    return out


def import_agencies(data: bytes, *, actor) -> ImportResult:
    result = ImportResult()
    rows, result.errors = read_csv(data, columns=AGENCY_COLUMNS, required=AGENCY_REQUIRED)
    if result.errors:
        return result
    existing = {a.licence_key: a for a in Agency.objects.all()}
    seen: dict[str, int] = {}
    forms = []
    for line, row in rows:
        key = normalize_licence(row.get("licence_number", ""))
        if key in seen:
            result.errors.append(_("Line %(line)s, licence_number: also on line %(other)s.") % {
                "line": line, "other": seen[key]})
            continue
        seen[key] = line
        status = row.get("status", "").lower()
        row["status"] = _STATUS_WORDS.get(status, status)
        instance = existing.get(key)
        form = AgencyForm(data=row, instance=instance)
        if form.is_valid():
            forms.append((form, instance is None))
        else:
            result.errors.extend(_form_errors(line, form))
    if result.errors:
        return result
    with transaction.atomic():
        for form, is_new in forms:
            agency = form.save(commit=False)
            agency.updated_by = actor
            agency.save()
            result.created += is_new
            result.updated += not is_new
        audit.log(actor, "agency.imported", None, created=result.created, updated=result.updated)
    bump_content_version()
    return result


def import_jobs(data: bytes, *, actor) -> ImportResult:
    from balekdusun.core.models import Office

    result = ImportResult()
    rows, result.errors = read_csv(data, columns=JOB_COLUMNS, required=JOB_REQUIRED)
    if result.errors:
        return result
    mine = {j.reference: j for j in scoped(actor, JobOpening)}
    others = set(JobOpening.objects.exclude(pk__in=[j.pk for j in mine.values()]).values_list("reference", flat=True))
    agencies = {a.licence_key: a.pk for a in Agency.objects.all()}
    offices = {}
    for office in Office.objects.all():
        offices[office.name.lower()] = office.pk
        if office.short_name:
            offices[office.short_name.lower()] = office.pk
    seen: dict[str, int] = {}
    forms = []
    for line, row in rows:
        reference = row.get("reference", "")
        if reference in seen:
            result.errors.append(_("Line %(line)s, reference: also on line %(other)s.") % {
                "line": line, "other": seen[reference]})
            continue
        seen[reference] = line
        if reference in others:
            result.errors.append(_("Line %(line)s, reference: this job order belongs to another office.") % {
                "line": line})
            continue
        row_errors = []
        licence = row.pop("agency_licence", "")
        row["agency"] = ""
        if licence:
            agency_pk = agencies.get(normalize_licence(licence))
            if agency_pk is None:
                row_errors.append(_("Line %(line)s, agency_licence: no agency with licence %(licence)s in the "
                                    "register.") % {"line": line, "licence": licence})
            row["agency"] = agency_pk or ""
        office_name = row.pop("office", "")
        row["office"] = ""
        if office_name and actor.role == Role.ADMIN:
            office_pk = offices.get(office_name.lower())
            if office_pk is None:
                row_errors.append(_("Line %(line)s, office: unknown office %(office)s.") % {
                    "line": line, "office": office_name})
            row["office"] = office_pk or ""
        row.setdefault("scheme", "p_to_p")
        row["scheme"] = row["scheme"] or "p_to_p"
        row["status"] = (row.get("status") or "published").lower()
        row["country"] = row["country"].upper()
        instance = mine.get(reference)
        form = JobForm(data=row, instance=instance, user=actor)
        if form.is_valid() and not row_errors:
            forms.append((form, instance is None))
        else:
            result.errors.extend(row_errors + _form_errors(line, form))
    if result.errors:
        return result
    with transaction.atomic():
        for form, is_new in forms:
            job = form.save(commit=False)
            job.updated_by = actor
            job.save()
            result.created += is_new
            result.updated += not is_new
        audit.log(actor, "job.imported", None, created=result.created, updated=result.updated)
    bump_content_version()
    return result
