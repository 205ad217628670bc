"""Home-page card of the privacy app: recent breaches and the deadline of their notification (heads of office)."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from balekdusun.core.home import Card
from balekdusun.core.roles import has_perm
from balekdusun.privacy import conf
from balekdusun.privacy.forms import scoped_breaches


def cards(user, today):
    if not has_perm(user, "privacy.breach"):
        return []
    now = timezone.now()
    # Breaches whose notification is due, or was due within the last week.
    recent = scoped_breaches(user).filter(
        discovered_at__gte=now - timedelta(hours=conf.BREACH_NOTICE_HOURS) - timedelta(days=7))
    if not recent.exists():
        return []
    rows = [(f"{b.reference} · {b.office.short_name or b.office.name}", reverse("privacy:breach", args=[b.reference]),
             _("notify by %(when)s") % {"when": date_format(timezone.localtime(b.deadline), "j M H:i")})
            for b in recent[:5]]
    return [Card(_("Data breaches to notify"), recent.count(), rows, (_("Data breaches"), reverse("privacy:breaches")),
                 urgent=any(b.deadline > now for b in recent), order=5)]
