from django.utils.translation import gettext_lazy as _

from balekdusun.core.nav import NavItem

ITEMS = [
    NavItem(_("Record of processing"), "privacy:record", "privacy.record", 91, group="admin"),
    NavItem(_("Access log export"), "privacy:access_log", "audit.view", 92, group="admin"),
    NavItem(_("Data breaches"), "privacy:breaches", "privacy.breach", 93, group="admin"),
]
