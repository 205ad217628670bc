"""Navigation entries. Each app may have a `nav.py` with ITEMS; the menu shows those the user may use,
grouped by task (GROUPS, in this order), with exactly one entry marked as the current page."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    perm: str | None = None  # None: any signed-in user
    order: int = 50
    group: str = "more"  # a key of GROUPS; "" stands alone at the start of the menu (Home)


# Task groups of the menu, in the order a campaign runs.
GROUPS = {
    "plan": _("Planning"),
    "field": _("Field work"),
    "materials": _("Materials and stickers"),
    "cases": _("Follow-up"),
    "reports": _("Reports"),
    "portal": _("Public portal"),
    "admin": _("Administration"),
    "more": _("More"),
}

ITEMS = [
    NavItem(_("Home"), "core:home", None, 0, group=""),
    NavItem(_("Users"), "core:users", "users.manage", 85, group="admin"),
    NavItem(_("Audit log"), "core:audit", "audit.view", 90, group="admin"),
]
