"""Home-page card of visits: sync conflicts waiting for the coordinator."""

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from balekdusun.core.home import Card
from balekdusun.core.roles import Role, has_perm
from balekdusun.core.scoping import scoped
from balekdusun.visits.models import SyncConflict


def cards(user, today):
    if user.role not in (Role.COORDINATOR, Role.ADMIN) or not has_perm(user, "visits.review"):
        return []
    open_ = scoped(user, SyncConflict).filter(resolved_at=None).select_related("village", "officer")
    rows = [(f"{conflict.get_kind_display()} · {conflict.village.name}", reverse("visits:conflict", args=[conflict.pk]),
             f"{conflict.officer.display_name} · {date_format(localtime(conflict.received_at), 'j M')}")
            for conflict in open_.order_by("received_at")[:5]]
    return [Card(_("Conflicts to resolve"), open_.count(), rows, (_("All sync conflicts"),
                                                                reverse("visits:conflicts")),
                 _("No conflict waiting."), urgent=bool(rows), order=20)]
