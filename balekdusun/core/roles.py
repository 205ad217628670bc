"""Roles and what each may do. One table, so a reviewer can read every permission in one place."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ADMIN = "admin", _("National administrator")
    HEAD = "head", _("Head of office")
    COORDINATOR = "coordinator", _("Coordinator")
    OFFICER = "officer", _("Field officer")
    VILLAGE = "village", _("Village official")
    VIEWER = "viewer", _("Viewer")


ALL = frozenset(Role.values)
STAFF = frozenset({Role.ADMIN, Role.HEAD, Role.COORDINATOR})
WORKERS = STAFF | {Role.OFFICER}

# permission -> roles that hold it. National administrators hold every permission.
PERMISSIONS: dict[str, frozenset[str]] = {
    "audit.view": frozenset({Role.ADMIN, Role.HEAD}),
    "users.manage": frozenset({Role.ADMIN, Role.HEAD}),
    "regions.manage": frozenset({Role.ADMIN}),
    "settings.manage": frozenset({Role.ADMIN, Role.HEAD}),
    "campaigns.view": ALL,
    "campaigns.plan": STAFF,
    "households.edit": WORKERS | {Role.VILLAGE},
    "visits.record": WORKERS | {Role.VILLAGE},
    "visits.review": STAFF,
    "materials.view": ALL,
    "materials.manage": STAFF,
    "stickers.manage": STAFF,
    "cases.view": WORKERS | {Role.VILLAGE},
    "cases.work": WORKERS,
    "cases.assign": STAFF,
    "cases.view_all_restricted": frozenset({Role.ADMIN, Role.HEAD}),
    "personal.view": STAFF,
    "exports.download": STAFF | {Role.VIEWER},
    "portal.manage": STAFF,
    "rights.handle": STAFF,
    "reports.view": ALL,
    "tokens.own": ALL,
    "privacy.record": STAFF,
    "privacy.breach": frozenset({Role.ADMIN, Role.HEAD}),
    "jobs.office": STAFF,  # see every background job of the office (others see their own)
}


def role_has_perm(role: str, perm: str) -> bool:
    if perm not in PERMISSIONS:
        raise KeyError(f"unknown permission {perm!r}")
    return role == Role.ADMIN or role in PERMISSIONS[perm]


def has_perm(user, perm: str) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return role_has_perm(user.role, perm)
