from django.utils.translation import gettext_lazy as _

from balekdusun.core.nav import NavItem

ITEMS = [
    NavItem(_("Materials"), "materials:catalogue", "materials.view", 40, group="materials"),
    NavItem(_("Stock"), "materials:stock", "materials.view", 41, group="materials"),
    NavItem(_("Stickers"), "materials:batches", "materials.view", 42, group="materials"),
]
