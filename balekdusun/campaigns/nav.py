from django.utils.translation import gettext_lazy as _

from balekdusun.core.nav import NavItem

ITEMS = [
    NavItem(_("Village priority"), "campaigns:priority", "campaigns.view", 10),
    NavItem(_("Outreach days"), "campaigns:outreaches", "campaigns.view", 11),
    NavItem(_("Campaigns"), "campaigns:campaigns", "campaigns.plan", 12),
    NavItem(_("PMI origin data"), "campaigns:migration", "campaigns.view", 13),
]
