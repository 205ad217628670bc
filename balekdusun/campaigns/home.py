"""Home-page cards of planning: the days to plan (coordinator) and an officer's own day."""

from datetime import timedelta

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from balekdusun.campaigns.models import Outreach, OutreachStatus
from balekdusun.core.home import Card
from balekdusun.core.roles import Role, has_perm
from balekdusun.core.scoping import scoped

HORIZON_DAYS = 14


def _day(outreach) -> str:
    return f"{date_format(outreach.date, 'D, j M')} · {outreach.village.name}"


def cards(user, today):
    out = []
    if user.role in (Role.COORDINATOR, Role.ADMIN):
        days = (scoped(user, Outreach).filter(date__gte=today, date__lte=today + timedelta(days=HORIZON_DAYS),
                                              status=OutreachStatus.PLANNED)
                .select_related("village").order_by("date").prefetch_related("team", "turfs"))
        rows = []
        for day in days[:8]:
            missing = []
            if not any(m.user_id for m in day.team.all()):
                missing.append(_("no officer yet"))
            if not day.turfs.all():
                missing.append(_("no turfs yet"))
            rows.append((_day(day), reverse("campaigns:outreach", args=[day.pk]),
                         ", ".join(missing) or _("ready")))
        out.append(Card(_("Days to plan"), days.count(), rows,
                        (_("All outreach days"), reverse("campaigns:outreaches")),
                        ngettext("No outreach day in the next %(n)s day.", "No outreach day in the next %(n)s days.",
                                 HORIZON_DAYS) % {"n": HORIZON_DAYS}, order=10))
    elif user.role == Role.OFFICER and has_perm(user, "visits.record"):
        mine = (Outreach.objects.filter(team__user=user, date__gte=today,
                                        date__lte=today + timedelta(days=HORIZON_DAYS))
                .select_related("village").order_by("date"))
        today_days = [day for day in mine if day.date == today]
        rows = [(_day(day), reverse("campaigns:outreach", args=[day.pk]),
                 _("today") if day.date == today else "") for day in mine[:8]]
        out.append(Card(_("My day"), len(today_days), rows, (_("Open the field app"), reverse("field:index")),
                        _("You are not on the team of an outreach day in the next two weeks."), urgent=bool(today_days),
                        order=5))
    return out
