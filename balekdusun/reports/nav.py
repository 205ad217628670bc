from django.utils.translation import gettext_lazy as _

from balekdusun.core.nav import NavItem

ITEMS = [
    NavItem(_("Dashboard"), "reports:home", "reports.view", 10, group="reports"),
    NavItem(_("Map"), "reports:map", "reports.view", 11, group="reports"),
    NavItem(_("Quality review"), "reports:quality", "visits.review", 60, group="reports"),
    NavItem(_("Exports"), "reports:exports", "exports.download", 80, group="reports"),
]
