"""Case list exports: rows built once, rendered to CSV or XLSX. Personal data (names, phone) appear only for users
with personal.view; the narrative, health details and victim status are never exported. Every export is audited."""

import csv
import io

from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from balekdusun.cases import codes
from balekdusun.cases.privacy import initials, redact_phone
from balekdusun.core import audit
from balekdusun.core.roles import has_perm
from balekdusun.lib import cells
from balekdusun.lib.countries import country_name

MAX_ROWS = 50_000


def columns() -> list[str]:
    cols = [_("Reference"), _("Kind"), _("Source"), _("Status"), _("Priority"), _("Sensitivity"), _("Office"),
            _("Area code"), _("Village"), _("Assignee"), _("Opened"), _("Due"), _("Overdue"), _("Closed"),
            _("Closure reason"), _("Referred to"), _("Country")]
    cols += [_("Reporter"), _("Phone"), _("Relationship"), _("Migrant worker")]
    return cols


def build_rows(qs, *, personal: bool) -> list[list]:
    from balekdusun.cases.models import CaseKind, CaseSource, CaseStatus, Priority, ReferralTarget, Sensitivity

    # Labels translated once per export: get_FOO_display() re-hashes the lazy choices on every call.
    kind, source, status, priority, sensitivity, referral = (
        {k: str(v) for k, v in choices.choices}
        for choices in (CaseKind, CaseSource, CaseStatus, Priority, Sensitivity, ReferralTarget))
    from balekdusun.cases.models import OPEN_STATUSES, ClosureReason

    reasons = {r.pk: str(r) for r in ClosureReason.objects.all()}
    yes = _("yes")
    now = timezone.now()
    local = timezone.localtime
    rows = []
    # Plain values, not model instances: 20,000 rows in a few seconds, and the encrypted narrative is never
    # read (it is never exported).
    fields = ["reference", "kind", "source", "status", "priority", "sensitivity", "office__short_name",
              "office__name", "area_code", "village__name", "assignee__first_name", "assignee__last_name",
              "assignee__username", "created_at", "due_at", "closed_at", "closure_reason_id", "referred_to",
              "destination_country", "reporter_name", "reporter_phone", "reporter_relationship", "subject_name"]
    # The queryset is scoped: a restricted case in it is one the user may open, so `personal` decides.
    for c in qs.order_by("created_at").values(*fields)[:MAX_ROWS].iterator(chunk_size=2000):
        assignee = (" ".join(n for n in (c["assignee__first_name"], c["assignee__last_name"]) if n)
                    or c["assignee__username"] or "")
        rows.append([safe(v) for v in [
            codes.display(c["reference"]), kind.get(c["kind"], c["kind"]), source.get(c["source"], c["source"]),
            status.get(c["status"], c["status"]), priority.get(c["priority"], c["priority"]),
            sensitivity.get(c["sensitivity"], c["sensitivity"]), c["office__short_name"] or c["office__name"],
            c["area_code"], c["village__name"] or "", assignee,
            local(c["created_at"]).strftime("%Y-%m-%d %H:%M"),
            local(c["due_at"]).strftime("%Y-%m-%d") if c["due_at"] else "",
            yes if c["status"] in OPEN_STATUSES and c["due_at"] and c["due_at"] < now else "",
            local(c["closed_at"]).strftime("%Y-%m-%d") if c["closed_at"] else "",
            reasons.get(c["closure_reason_id"], ""), referral.get(c["referred_to"], ""),
            country_name(c["destination_country"]),
            c["reporter_name"] if personal else initials(c["reporter_name"]),
            c["reporter_phone"] if personal else redact_phone(c["reporter_phone"]),
            c["reporter_relationship"],
            c["subject_name"] if personal else initials(c["subject_name"]),
        ]])
    return rows


def safe(value) -> str:
    """Text from the public portal must not run as a spreadsheet formula (CSV injection, lib/cells.py)."""
    return cells.cell(str(value))


def respond(request, qs, fmt: str) -> HttpResponse:
    if fmt not in ("csv", "xlsx"):
        raise Http404("unknown format")
    personal = has_perm(request.user, "personal.view")
    header = columns()
    rows = build_rows(qs, personal=personal)
    audit.log(request.user, "export.downloaded", None, what="cases", format=fmt, rows=len(rows),
              personal=personal, filters=request.GET.urlencode()[:500])
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(cells.row(header))
        writer.writerows(rows)
        response = HttpResponse(buffer.getvalue().encode("utf-8-sig"), content_type="text/csv; charset=utf-8")
    else:
        import xlsxwriter

        buffer = io.BytesIO()
        book = xlsxwriter.Workbook(buffer, {"in_memory": True})
        sheet = book.add_worksheet(_("Cases")[:31])
        bold = book.add_format({"bold": True})
        sheet.write_row(0, 0, cells.row(header), bold)
        for i, row in enumerate(rows, start=1):
            sheet.write_row(i, 0, row)
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, max(len(rows), 1), len(header) - 1)
        book.close()
        response = HttpResponse(buffer.getvalue(),
                                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="cases-{stamp}.{fmt}"'
    return response
