"""Home-page card of materials: stock sign-offs due (outreach days past, with stock moves, not signed off)."""

from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from balekdusun.campaigns.models import Outreach
from balekdusun.core.home import Card
from balekdusun.core.roles import Role, has_perm
from balekdusun.core.scoping import scoped
from balekdusun.materials.models import Reconciliation, StockMove


def cards(user, today):
    if user.role not in (Role.COORDINATOR, Role.ADMIN) or not has_perm(user, "materials.manage"):
        return []
    due = (scoped(user, Outreach).filter(date__lt=today)
           .filter(Exists(StockMove.objects.filter(outreach=OuterRef("pk"))))
           .exclude(Exists(Reconciliation.objects.filter(outreach=OuterRef("pk"))))
           .select_related("village").order_by("date"))
    rows = [(f"{date_format(day.date, 'D, j M')} · {day.village.name}", reverse("materials:outreach", args=[day.pk]),
             _("not signed off")) for day in due[:8]]
    return [Card(_("Stock sign-offs due"), due.count(), rows, (_("All reconciliations"),
                                                             reverse("materials:outreaches")),
                 _("Every past outreach day's stock is signed off."), urgent=bool(rows), order=30)]
