"""Access and export logs: the audit entries that record a person viewing or taking data out of the product.

Used by the CSV export (one office, one period) and by the breach letter (the accesses in the breach's window).
"""

import csv
import datetime as dt
import io

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from balekdusun.core.auditwords import ACTIONS as AUDIT_WORDS
from balekdusun.lib import cells

# Audit actions that are a view or an export (their words: core/auditwords.py).
ACTIONS = {action: AUDIT_WORDS[action] for action in (
    "personal.viewed", "household.viewed", "outreach.viewed", "case.viewed", "case.attachment_viewed",
    "export.downloaded", "report.activity_pdf", "report.campaign_pdf", "stickers.sheet_printed",
    "privacy.access_log_exported", "privacy.record_printed", "privacy.breach_letter")}


def entries(office, start: dt.datetime, end: dt.datetime):
    """View and export entries of `office` from `start` (inclusive) to `end` (exclusive), oldest first."""
    from balekdusun.core.models import AuditEntry

    return (AuditEntry.objects.filter(action__in=list(ACTIONS), at__gte=start, at__lt=end)
            .filter(Q(office=office)).select_related("actor").order_by("at", "id"))


def day_bounds(start: dt.date, end: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """From the start of `start` to the end of `end`, in the site's time zone."""
    tz = timezone.get_current_timezone()
    return (dt.datetime.combine(start, dt.time.min, tzinfo=tz),
            dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=tz))


def _area_names(codes) -> dict:
    from balekdusun.regions.models import Area

    return dict(Area.objects.filter(code__in=[c for c in codes if c]).values_list("code", "name"))


def rows(qs) -> list[list]:
    """Rows in words: time, who, role, what, kind of record, record, area."""
    from balekdusun.core.roles import Role

    entries = list(qs)
    areas = _area_names({e.area_code for e in entries})
    roles = dict(Role.choices)
    out = []
    for e in entries:
        out.append([
            timezone.localtime(e.at).strftime("%Y-%m-%d %H:%M:%S"),
            e.actor_name,
            str(roles.get(e.actor.role, "")) if e.actor is not None else "",
            str(ACTIONS.get(e.action, "")),
            e.object_label,
            e.object_repr,
            areas.get(e.area_code, ""),
        ])
    return out


def header() -> list[str]:
    return [_("Time"), _("Who"), _("Role"), _("What"), _("Kind of record"), _("Which record"), _("Area")]


def to_csv(table: list[list]) -> str:
    """CSV text; every cell through lib/cells.py (a record's name may be text typed by the public)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(cells.row(header()))
    for row in table:
        writer.writerow(cells.row(row))
    return buffer.getvalue()


def counts(qs) -> list[tuple[str, int]]:
    """How many entries of each action, in words, most first."""
    from collections import Counter

    tally = Counter(qs.values_list("action", flat=True))
    return [(str(ACTIONS[a]), n) for a, n in tally.most_common() if a in ACTIONS]
