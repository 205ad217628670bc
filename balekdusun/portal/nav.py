from django.utils.translation import gettext_lazy as _

from balekdusun.core.nav import NavItem

ITEMS = [
    NavItem(_("Job openings"), "portal:manage_jobs", "portal.manage", 60, group="portal"),
    NavItem(_("Agency register"), "portal:manage_agencies", "portal.manage", 61, group="portal"),
    NavItem(_("Portal pages"), "portal:manage_pages", "portal.manage", 62, group="portal"),
]
