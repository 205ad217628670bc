"""How precisely a role sees where a family lives: one rule per role, applied by pages, the API, the map and the
exports alike (they all call the functions below, never their own rounding).

* Exact: national administrators, heads of office, coordinators (who plan and follow up) and field officers (who
  walk to the door). Full address and GPS to the metre, household ids on the map.
* Coarse: village officials and viewers (dashboards, exports). Coordinates rounded to 2 decimals (about a
  kilometre: the village, not the house), no household ids on the map, the address masked.

Names and phone numbers are a separate, narrower rule (`personal.view`, core/roles.py).
"""

from balekdusun.core.roles import Role

EXACT = "exact"
COARSE = "coarse"

RULES: dict[str, str] = {
    Role.ADMIN: EXACT,
    Role.HEAD: EXACT,
    Role.COORDINATOR: EXACT,
    Role.OFFICER: EXACT,
    Role.VILLAGE: COARSE,
    Role.VIEWER: COARSE,
}
# Decimals of a coarse coordinate: 0.01° is about 1.1 km at the equator.
COARSE_DECIMALS = 2
# What stands for a masked value on pages and in exports.
MASK = "***"


def level(user) -> str:
    """The user's precision; anyone unknown (or signed out) is coarse."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return COARSE
    return RULES.get(user.role, COARSE)


def exact(user) -> bool:
    return level(user) == EXACT


def coordinate(user, value):
    """A latitude or longitude as this user may see it (None stays None)."""
    if value is None:
        return None
    return value if exact(user) else round(value, COARSE_DECIMALS)


def address(user, value: str) -> str:
    """A street address as this user may see it: masked for coarse roles (empty stays empty)."""
    if not value:
        return value or ""
    return value if exact(user) else MASK


def household_id(user, pk):
    """A household's id where it would point at one house (the map API): only for exact roles."""
    return pk if exact(user) else None
