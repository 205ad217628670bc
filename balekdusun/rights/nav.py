from django.utils.translation import gettext_lazy as _

from balekdusun.core.nav import NavItem

ITEMS = [
    NavItem(_("Residents' data requests"), "rights:queue", "rights.handle", 44, group="cases"),
]
