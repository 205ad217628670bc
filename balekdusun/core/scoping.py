"""The one way views and API handlers read data: everything goes through `scoped(user, ...)`.

A model says how it belongs to a place by one class attribute:

* ``scope_area_field``: path to an Area code (``"village_id"``, ``"outreach__village_id"``, ``"code"``).
  The user sees rows whose code equals one of the office's jurisdiction codes or lies below it;
  a village official sees only rows of their own village.
* ``scope_office_field``: path to an Office id (``"office_id"``, ``"campaign__office_id"``) for records that
  belong to an office rather than a place (campaigns, material stock).

A model may add its own narrowing with a classmethod ``scope_extra(queryset, user)`` (restricted cases).
National administrators see everything. Anyone else without an office sees nothing.

Searching over people (a name, a phone number) is narrower still: `people_searchable(user, ...)`. Finding a
record by a person's name confirms that the person has one (that a neighbour reported a broker, that a family has
a case); only roles that may see personal data search over people, anyone else only the records they work
themselves (declared by ``scope_person_field``, e.g. the case's assignee).

Team work (turfs and their walk lists) is narrowed by role as well, declared with ``scope_team_fields =
(outreach path, turf path)``: administrators, heads and coordinators see every team's turfs of their area, a
village official those of their village (the area rule), a field officer only the turfs of outreach days whose
team they are on and turfs they are assigned to; a viewer (dashboards and exports) none.
"""

from collections.abc import Callable

from django.db.models import Model, Q, QuerySet
from django.http import Http404

from balekdusun.core.roles import Role, has_perm


def jurisdiction_codes(user) -> list[str] | None:
    """Area codes the user may see, or None for "everything"."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return []
    if user.role == Role.ADMIN:
        return None
    if user.role == Role.VILLAGE:
        return [user.village_id] if user.village_id else []
    if not user.office_id:
        return []
    return list(user.office.jurisdiction or [])


def area_q(user, field: str) -> Q | None:
    """A Q object limiting `field` (an area code) to the user's jurisdiction; None means no limit."""
    codes = jurisdiction_codes(user)
    if codes is None:
        return None
    if not codes:
        return Q(pk__in=[])
    # "village_id" compares the stored code; Django allows prefix lookups only through "village__code",
    # which it resolves to the same column without a join.
    prefix_field = field[:-3] + "__code" if field.endswith("_id") else field
    q = Q()
    for code in codes:
        q |= Q(**{field: code}) | Q(**{f"{prefix_field}__startswith": code + "."})
    return q


def in_jurisdiction(user, area_code: str | None) -> bool:
    codes = jurisdiction_codes(user)
    if codes is None:
        return True
    if not area_code:
        return False
    return any(area_code == c or area_code.startswith(c + ".") for c in codes)


def sees_area(user) -> Callable[[str | None], bool]:
    """A test of area codes giving the same answer `scoped()` gives for a row of an area-scoped model (without a
    `scope_extra`), remembered per code: for code that has rows from a raw query (the sync ingest)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return lambda code: False
    if user.role != Role.ADMIN and not user.office_id:
        return lambda code: False
    seen: dict = {}

    def test(code):
        if code not in seen:
            seen[code] = in_jurisdiction(user, code)
        return seen[code]

    return test


# Roles that see every team's turfs within their area.
ALL_TEAMS = frozenset({Role.ADMIN, Role.HEAD, Role.COORDINATOR, Role.VILLAGE})


def team_q(user, outreach_field: str, turf_field: str) -> Q | None:
    """A Q limiting rows of team work to the user's own teams (see the module); None means no limit."""
    if user.role in ALL_TEAMS:
        return None
    if user.role != Role.OFFICER:
        return Q(pk__in=[])
    from balekdusun.campaigns.models import TeamMember, Turf

    # Subqueries, not joins: a join through the team or the officers would repeat rows.
    return (Q(**{f"{outreach_field}__in": TeamMember.objects.filter(user_id=user.pk).values("outreach_id")})
            | Q(**{f"{turf_field}__in": Turf.officers.through.objects.filter(user_id=user.pk).values("turf_id")}))


def scoped(user, source) -> QuerySet:
    """Rows of `source` (a model or queryset) the user may read."""
    qs = source._default_manager.all() if isinstance(source, type) and issubclass(source, Model) else source
    model = qs.model
    area_field = getattr(model, "scope_area_field", None)
    office_field = getattr(model, "scope_office_field", None)
    if area_field is None and office_field is None:
        raise TypeError(f"{model.__name__} declares neither scope_area_field nor scope_office_field")
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return qs.none()
    if user.role != Role.ADMIN:
        if not user.office_id:
            return qs.none()
        if area_field is not None:
            qs = qs.filter(area_q(user, area_field))
        else:
            qs = qs.filter(**{office_field: user.office_id})
    team_fields = getattr(model, "scope_team_fields", None)
    if team_fields is not None:
        limit = team_q(user, *team_fields)
        if limit is not None:
            qs = qs.filter(limit)
    extra = getattr(model, "scope_extra", None)
    if extra is not None:
        qs = extra(qs, user)
    return qs


def get_scoped_or_404(user, source, **lookup):
    """One object the user may read, or 404: records outside the jurisdiction are "not found", not forbidden."""
    qs = scoped(user, source)
    try:
        return qs.get(**lookup)
    except (qs.model.DoesNotExist, ValueError):
        raise Http404("not found") from None


def people_searchable(user, source) -> QuerySet:
    """Rows of `source` the user may look up by a person's name or phone: all the scoped rows for those who hold
    personal.view, otherwise only the rows the model ties to the user (``scope_person_field``), else none."""
    qs = scoped(user, source)
    if has_perm(user, "personal.view"):
        return qs
    field = getattr(qs.model, "scope_person_field", None)
    if field is None:
        return qs.none()
    return qs.filter(**{field: user.pk})
