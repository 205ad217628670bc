from django.utils.translation import gettext_lazy as _

from balekdusun.core.nav import NavItem

ITEMS = [
    NavItem(_("Background jobs"), "jobs:list", None, 90, group="more"),
]
