from django.utils.translation import gettext_lazy as _

from balekdusun.core.nav import NavItem

ITEMS = [
    NavItem(_("Incoming visits"), "visits:incoming", "visits.review", 40, group="field"),
    NavItem(_("Sync conflicts"), "visits:conflicts", "visits.review", 41, group="field"),
    NavItem(_("Device sync status"), "visits:devices", "visits.review", 42, group="field"),
    NavItem(_("Field app"), "field:index", "visits.record", 45, group="field"),
]
