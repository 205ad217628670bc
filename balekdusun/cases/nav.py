from django.utils.translation import gettext_lazy as _

from balekdusun.core.nav import NavItem

ITEMS = [
    NavItem(_("Cases"), "cases:list", "cases.view", 40, group="cases"),
    NavItem(_("Case board"), "cases:board", "cases.view", 41, group="cases"),
    NavItem(_("Overdue cases"), "cases:overdue", "cases.view", 41, group="cases"),
    NavItem(_("Hotline intake"), "cases:hotline", "cases.work", 42, group="cases"),
]
