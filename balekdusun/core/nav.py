"""Navigation entries. Each app may have a `nav.py` with ITEMS; the menu shows those the user may use."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    perm: str | None = None  # None: any signed-in user
    order: int = 50


ITEMS = [
    NavItem(_("Home"), "core:home", None, 0),
    NavItem(_("Users"), "core:users", "users.manage", 85),
    NavItem(_("Audit log"), "core:audit", "audit.view", 90),
]
