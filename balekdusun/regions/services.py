"""Searches that found no area, and turning one into an alias of an area."""

import logging
import re

from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from balekdusun.core import audit
from balekdusun.core.scoping import in_jurisdiction
from balekdusun.core.services import DomainError
from balekdusun.lib.text import normalize_area_name
from balekdusun.regions.models import AreaAlias, UnmatchedSearch, UnmatchedStatus

log = logging.getLogger(__name__)

# New queries stop being kept past this many rows (the search box is public: a flood of random text must not
# grow the table without end); those already kept are still counted.
MAX_KEPT = 5000
_NOT_A_NAME = re.compile(r"^[\d .]*$")  # codes and numbers are not place names


def record_miss(query: str) -> None:
    """Count a search that found nothing, by its normalised text. Never fails the search that calls it."""
    name = normalize_area_name(query or "")
    if not 2 <= len(name) <= 60 or _NOT_A_NAME.match(name):
        return
    now = timezone.now()
    try:
        with transaction.atomic():
            if UnmatchedSearch.objects.filter(search_name=name).update(count=F("count") + 1, last_at=now):
                return
            if UnmatchedSearch.objects.count() >= MAX_KEPT:
                return
            UnmatchedSearch.objects.create(search_name=name, last_at=now)
    except IntegrityError:  # the same text, kept by a concurrent search a moment ago
        UnmatchedSearch.objects.filter(search_name=name).update(count=F("count") + 1, last_at=now)
    except DatabaseError:  # e.g. a read-only replica: the search itself still answers
        log.warning("could not keep the unmatched area search %r", name, exc_info=True)


def map_search(*, search: UnmatchedSearch, area, actor) -> AreaAlias:
    """Make the searched text an alias of `area` (in the actor's jurisdiction); audited."""
    from balekdusun.regions import search as area_search

    if not in_jurisdiction(actor, area.code):
        raise DomainError("alias.outside", _("%(area)s is outside your jurisdiction.") % {"area": area.path},
                          field="area")
    with transaction.atomic():
        search = UnmatchedSearch.objects.select_for_update().get(pk=search.pk)
        if search.status != UnmatchedStatus.OPEN:
            raise DomainError("alias.already_done", _("This search was already dealt with."))
        alias, _created = AreaAlias.objects.get_or_create(area=area, search_name=search.search_name,
                                                         defaults={"alias": search.search_name})
        search.status, search.area = UnmatchedStatus.MAPPED, area
        search.resolved_by, search.resolved_at = actor, timezone.now()
        search.save(update_fields=["status", "area", "resolved_by", "resolved_at"])
        audit.log(actor, "area.alias_added", area, area_code=area.code, alias=search.search_name,
                  searches=search.count)
    # This process finds it at once; the others when their index is next rebuilt (search._INDEX_TTL_SECONDS).
    area_search.invalidate()
    return alias


def ignore_search(*, search: UnmatchedSearch, actor) -> None:
    with transaction.atomic():
        search = UnmatchedSearch.objects.select_for_update().get(pk=search.pk)
        if search.status != UnmatchedStatus.OPEN:
            raise DomainError("alias.already_done", _("This search was already dealt with."))
        search.status, search.resolved_by, search.resolved_at = UnmatchedStatus.IGNORED, actor, timezone.now()
        search.save(update_fields=["status", "resolved_by", "resolved_at"])
        audit.log(actor, "area.search_ignored", None, search=search.search_name)
