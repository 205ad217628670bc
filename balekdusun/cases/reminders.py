"""Reminders: assignees about due and overdue cases, coordinators and heads about unassigned ones. Run by
`balekdusun remind_cases` from a scheduler; e-mails go through Django's mail backend, short messages through the
sender in CASES_MESSAGE_SENDER (balekdusun/cases/notify.py). No personal data leaves in either."""

import logging
from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from balekdusun.cases import conf
from balekdusun.cases.models import OPEN_STATUSES, Case, EventKind
from balekdusun.cases.services import _event, normalize_phone
from balekdusun.core import audit
from balekdusun.core.roles import has_perm
from balekdusun.core.services import DomainError

logger = logging.getLogger("balekdusun.cases")


def send_reminders(*, now=None) -> dict:
    """E-mail (and message, when the assignee has a phone) each assignee about cases due soon or overdue.
    A case is not reminded again within CASES_REMIND_EVERY_HOURS, so the scheduler may run this hourly."""
    from django.core.mail import send_mail
    from django.template.loader import render_to_string
    from django.utils import translation

    from balekdusun.cases.notify import Message, get_sender

    now = now or timezone.now()
    horizon = now + timedelta(days=conf.REMIND_DAYS_AHEAD)
    quiet = now - timedelta(hours=conf.REMIND_EVERY_HOURS)
    qs = (Case.objects.filter(status__in=OPEN_STATUSES, assignee__isnull=False, assignee__is_active=True,
                              due_at__lte=horizon)
          .filter(Q(reminded_at__isnull=True) | Q(reminded_at__lt=quiet))
          .select_related("assignee", "village").order_by("assignee_id", "due_at"))
    by_user: dict[int, list[Case]] = {}
    for case in qs:
        by_user.setdefault(case.assignee_id, []).append(case)
    sender = get_sender()
    counts = {"assignees": 0, "cases": 0, "emails": 0, "messages": 0, "failed": 0}
    for cases in by_user.values():
        user = cases[0].assignee
        overdue = [c for c in cases if c.due_at < now]
        with translation.override("id"):
            context = {"user": user, "overdue": overdue, "due_soon": [c for c in cases if c.due_at >= now],
                       "now": now}
            subject = _("Balek Dusun: %(o)d overdue, %(s)d due soon") % {"o": len(overdue),
                                                                          "s": len(cases) - len(overdue)}
            body = render_to_string("cases/remind_email.txt", context)
            text = _("Balek Dusun: %(o)d overdue and %(s)d cases due soon. Open the case list.") % {
                "o": len(overdue), "s": len(cases) - len(overdue)}
        try:
            if user.email:
                send_mail(subject, body, None, [user.email])
                counts["emails"] += 1
            to = ""
            if user.phone:
                try:
                    to = normalize_phone(user.phone, field="phone")
                except DomainError:
                    to = ""
            if to and sender.send(Message(to=to, text=text)):
                counts["messages"] += 1
        except Exception:  # noqa: BLE001 - one failing mailbox or gateway must not stop the others' reminders
            logger.exception("reminder to %s failed; will retry on the next run", user.username)
            counts["failed"] += 1
            continue
        with transaction.atomic():
            Case.objects.filter(pk__in=[c.pk for c in cases]).update(reminded_at=now)
            for case in cases:
                _event(case, EventKind.REMINDER, None, new=user.username, overdue=case.due_at < now)
            audit.log(None, "case.reminders_sent", None, office=user.office, assignee=user.username,
                      cases=[c.reference for c in cases])
        counts["assignees"] += 1
        counts["cases"] += len(cases)
    return counts


def send_unassigned_digest(*, now=None) -> dict:
    """Cases nobody works on yet (from visits and the portal they arrive unassigned): one e-mail per office to
    its coordinators and head. Restricted cases are listed only to the head, who alone may see them."""
    from django.contrib.auth import get_user_model
    from django.core.mail import send_mail
    from django.template.loader import render_to_string
    from django.utils import translation

    from balekdusun.core.roles import Role

    now = now or timezone.now()
    quiet = now - timedelta(hours=conf.REMIND_EVERY_HOURS)
    qs = (Case.objects.filter(status__in=OPEN_STATUSES, assignee__isnull=True)
          .filter(Q(reminded_at__isnull=True) | Q(reminded_at__lt=quiet))
          .select_related("village", "office").order_by("office_id", "due_at"))
    by_office: dict[int, list[Case]] = {}
    for case in qs:
        by_office.setdefault(case.office_id, []).append(case)
    counts = {"offices": 0, "cases": 0, "emails": 0, "failed": 0}
    User = get_user_model()
    for cases in by_office.values():
        office = cases[0].office
        staff = User.objects.filter(office=office, is_active=True, role__in=[Role.HEAD, Role.COORDINATOR]
                                    ).exclude(email="")
        sent = False
        for user in staff:
            visible = [c for c in cases if not c.is_restricted or has_perm(user, "cases.view_all_restricted")]
            if not visible:
                continue
            with translation.override("id"):
                subject = _("Balek Dusun: %(n)d cases wait for an assignee") % {"n": len(visible)}
                body = render_to_string("cases/unassigned_email.txt", {"user": user, "cases": visible, "now": now})
            try:
                send_mail(subject, body, None, [user.email])
            except Exception:  # noqa: BLE001 - keep informing the others
                logger.exception("unassigned digest to %s failed", user.username)
                counts["failed"] += 1
                continue
            counts["emails"] += 1
            sent = True
        if sent:
            Case.objects.filter(pk__in=[c.pk for c in cases]).update(reminded_at=now)
            audit.log(None, "case.unassigned_digest_sent", None, office=office, cases=[c.reference for c in cases])
            counts["offices"] += 1
            counts["cases"] += len(cases)
    return counts
