"""Home-page cards of cases: overdue cases (head, coordinator) and an officer's own open cases."""

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from balekdusun.cases.models import OPEN_STATUSES, Case
from balekdusun.core.home import Card
from balekdusun.core.roles import Role, has_perm
from balekdusun.core.scoping import scoped


def _rows(cases):
    return [(f"{case.display_reference} · {case.get_kind_display()}", reverse("cases:detail",
                                                                            args=[case.reference]),
             _("due %(date)s") % {"date": date_format(timezone.localtime(case.due_at), "j M")} if case.due_at
             else "") for case in cases]


def cards(user, today):
    if not has_perm(user, "cases.view"):
        return []
    open_cases = scoped(user, Case).filter(status__in=OPEN_STATUSES)
    out = []
    if user.role in (Role.HEAD, Role.COORDINATOR, Role.ADMIN):
        overdue = open_cases.filter(due_at__lt=timezone.now()).order_by("due_at")
        out.append(Card(_("Overdue cases"), overdue.count(), _rows(overdue[:5]),
                        (_("All overdue cases"), reverse("cases:overdue")), _("No case is past its due date."),
                        urgent=overdue.exists(), order=40))
    if user.role == Role.OFFICER:
        mine = open_cases.filter(assignee=user).order_by("due_at")
        out.append(Card(_("My open cases"), mine.count(), _rows(mine[:5]), (_("Cases"), reverse("cases:list")),
                        _("No open case is assigned to you."), order=40))
    return out
