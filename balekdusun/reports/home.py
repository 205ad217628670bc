"""Home-page card of reports: the week's figures of the user's area (head, viewer, village official, admin)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from balekdusun.core.home import Card
from balekdusun.core.roles import Role, has_perm
from balekdusun.core.scoping import jurisdiction_codes
from balekdusun.lib.numbers import num, pct
from balekdusun.reports import rollups, stats


def cards(user, today):
    if user.role not in (Role.HEAD, Role.VIEWER, Role.VILLAGE, Role.ADMIN) or not has_perm(user, "reports.view"):
        return []
    codes = jurisdiction_codes(user)
    codes = [""] if codes is None else codes
    if not codes:
        return []
    week = rollups.week_of(today)
    this_week = stats.area_figures(user, codes, start=week, end=today, today=today)
    total = stats.area_figures(user, codes, today=today)
    figures = [
        (_("Visits this week"), num(this_week["visits"])),
        (_("Households reached this week"), num(this_week["households.reached"])),
        (_("Materials handed out this week"), num(this_week["materials.handed_out"])),
        (_("Cases opened this week"), num(this_week["cases.opened"])),
        (_("Coverage so far"), pct(total.coverage)),
        (_("Open cases"), num(total.cases_open)),
        (_("Overdue cases"), num(total.overdue)),
    ]
    title = _("This week in your village") if user.role == Role.VILLAGE else _("This week in your area")
    note = _("Week from %(date)s") % {"date": f"{week:%d-%m-%Y}"}
    return [Card(title, None, [(note, "", "")], (_("Open the dashboard"), reverse("reports:home")), "",
                 figures=figures, order=15 if user.role != Role.ADMIN else 60)]


