from django.utils.translation import gettext_lazy as _

from balekdusun.core.nav import NavItem

ITEMS = [
    NavItem(_("Village priority"), "campaigns:priority", "campaigns.view", 10, group="plan"),
    NavItem(_("Outreach days"), "campaigns:outreaches", "campaigns.view", 11, group="plan"),
    NavItem(_("Campaigns"), "campaigns:campaigns", "campaigns.plan", 12, group="plan"),
    NavItem(_("PMI origin data"), "campaigns:migration", "campaigns.view", 13, group="plan"),
]
