from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from balekdusun.cases import reminders, services, workflow
from balekdusun.cases.models import Case, CaseEvent, CaseStatus, ClosureReason
from balekdusun.core.models import AuditEntry
from balekdusun.core.services import DomainError


def test_every_status_has_a_row_in_the_transitions_table():
    assert set(workflow.TRANSITIONS) == set(CaseStatus.values)
    for targets in workflow.TRANSITIONS.values():
        assert targets <= set(CaseStatus.values)


@pytest.mark.parametrize("old, new", [
    ("new", "resolved"), ("new", "referred"), ("verified", "new"), ("closed", "resolved"), ("resolved", "referred"),
])
def test_bad_transitions_are_refused_and_change_nothing(open_case, carol, old, new, rules):
    case = open_case()
    Case.objects.filter(pk=case.pk).update(status=old)
    case.refresh_from_db()
    with pytest.raises(DomainError) as err:
        services.set_status(case, status=new, actor=carol, referred_to="police")
    assert err.value.code == "case.bad_transition" and err.value.field == "status"
    case.refresh_from_db()
    assert case.status == old
    assert not CaseEvent.objects.filter(kind="status").exists()
    assert not AuditEntry.objects.filter(action="case.status_changed").exists()


def test_status_change_calls_rollup_with_old_status(open_case, carol):
    case = open_case()
    with mock.patch("balekdusun.reports.rollups.case_changed") as hook:
        services.set_status(case, status="verified", actor=carol)
    hook.assert_called_once()
    assert hook.call_args.kwargs == {"old_status": "new", "closed_when": None}


def test_closure_reason_day_limits_are_data(open_case, carol, rules):
    case = open_case()
    with pytest.raises(DomainError) as err:
        services.set_status(case, status="closed", actor=carol)
    assert err.value.field == "closure_reason"
    with pytest.raises(DomainError) as err:
        services.set_status(case, status="closed", actor=carol, closure_reason="documents_missing")
    assert err.value.code == "case.closure_too_early"
    ClosureReason.objects.filter(code="documents_missing").update(min_days_open=0)
    case = services.set_status(case, status="closed", actor=carol, closure_reason="documents_missing")
    assert case.status == "closed" and case.closed_at and case.closure_reason.code == "documents_missing"


def test_old_case_may_close_as_unreachable(open_case, carol, rules):
    case = open_case(opened_at=timezone.now() - timedelta(days=61))
    services.set_status(case, status="closed", actor=carol, closure_reason="unreachable")


def test_assignment_checks_office_and_role(open_case, carol, charlie, dina, bob):
    case = open_case()
    for wrong in (charlie, dina):
        with pytest.raises(DomainError) as err:
            services.assign(case, assignee=wrong, actor=carol)
        assert err.value.field == "assignee"
    services.assign(case, assignee=bob, actor=carol)
    assert Case.objects.get(pk=case.pk).assignee == bob
    event = CaseEvent.objects.get(kind="assignment")
    assert (event.old_value, event.new_value) == ("", "bob")
    assert AuditEntry.objects.filter(action="case.assigned").count() == 1


def test_due_date_in_the_past_is_refused(open_case, carol):
    case = open_case()
    before = case.due_at
    with pytest.raises(DomainError) as err:
        services.set_due(case, due_at=timezone.now() - timedelta(hours=1), actor=carol)
    assert err.value.code == "case.due_in_past"
    assert Case.objects.get(pk=case.pk).due_at == before


def test_notes_are_encrypted_on_the_timeline(open_case, carol):
    from django.db import connection

    case = open_case()
    services.add_note(case, text="Ibu menangis, anaknya sakit", actor=carol)
    with connection.cursor() as cursor:
        cursor.execute("SELECT text FROM cases_caseevent WHERE kind = 'note'")
        (raw,) = cursor.fetchone()
    assert "menangis" not in raw and raw.startswith("gAAAAA")
    with pytest.raises(DomainError):
        services.add_note(case, text="   ", actor=carol)


def test_remind_cases_emails_assignees_once(open_case, bob, carol, settings):
    from balekdusun.cases.notify import LoggingSender

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    bob.phone = "0813 1111 2222"
    bob.save()
    overdue = open_case(assignee=bob, opened_at=timezone.now() - timedelta(days=30))
    soon = open_case(assignee=bob, due_at=timezone.now() + timedelta(days=1))
    later = open_case(assignee=bob)  # due in 14 days
    open_case(assignee=carol, due_at=timezone.now() + timedelta(days=1))
    Case.objects.filter(pk=overdue.pk).update(due_at=timezone.now() - timedelta(days=2))
    LoggingSender.sent.clear()
    call_command("remind_cases", stdout=open("/dev/null", "w"))
    assert len(mail.outbox) == 2
    bobs = next(m for m in mail.outbox if m.to == ["bob@example.org"])
    assert overdue.display_reference in bobs.body and soon.display_reference in bobs.body
    assert later.display_reference not in bobs.body
    assert "Siti" not in bobs.body  # no personal data in e-mail
    assert [m.to for m in LoggingSender.sent] == ["+6281311112222"]
    # a second run within the quiet period sends nothing
    call_command("remind_cases", stdout=open("/dev/null", "w"))
    assert len(mail.outbox) == 2
    assert CaseEvent.objects.filter(kind="reminder").count() == 3


def test_rotate_case_keys_re_encrypts_with_the_first_key(open_case, settings):
    from cryptography.fernet import Fernet
    from django.db import connection

    old_key = settings.FIELD_ENCRYPTION_KEYS[0]
    case = open_case(description="Rahasia")
    services.add_note(case, text="Catatan", actor=None)
    new_key = Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEYS = [new_key, old_key]
    call_command("rotate_case_keys", stdout=open("/dev/null", "w"))
    settings.FIELD_ENCRYPTION_KEYS = [new_key]
    assert Case.objects.get(pk=case.pk).description == "Rahasia"
    assert CaseEvent.objects.get(kind="note").text == "Catatan"
    with connection.cursor() as cursor:
        cursor.execute("SELECT description FROM cases_case")
        (raw,) = cursor.fetchone()
    assert Fernet(new_key.encode()).decrypt(raw.encode()) == b"Rahasia"


def test_search_by_reference_phone_and_name(open_case, carol):
    a = open_case(reporter_name="Siti Aminah", reporter_phone="081234567890")
    b = open_case(reporter_name="Budi", subject_name="Rudi Hartono", reporter_phone="")
    qs = Case.objects.all()
    assert list(services.search(qs, a.display_reference, user=carol)) == [a]
    assert list(services.search(qs, "+62 812-3456-7890", user=carol)) == [a]
    assert list(services.search(qs, "7890", user=carol)) == [a]
    assert list(services.search(qs, "hartono", user=carol)) == [b]
    assert list(services.search(qs, "", user=carol)) == []


def test_remind_cases_keeps_going_when_one_mailbox_fails(open_case, bob, carol, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    open_case(assignee=bob, due_at=timezone.now() + timedelta(hours=5))
    theirs = open_case(assignee=carol, due_at=timezone.now() + timedelta(hours=5))
    real_send = mail.send_mail

    def flaky(subject, body, sender, to, **kw):
        if to == ["bob@example.org"]:
            raise OSError("mailbox down")
        return real_send(subject, body, sender, to, **kw)

    with mock.patch("django.core.mail.send_mail", flaky):
        counts = reminders.send_reminders()
    assert counts["failed"] == 1 and counts["emails"] == 1
    assert [m.to for m in mail.outbox] == [["carol@example.org"]]
    assert list(Case.objects.filter(reminded_at__isnull=False)) == [theirs]


def test_unassigned_cases_are_reported_to_coordinators_and_head(open_case, carol, dave, bob, rules, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    normal = open_case()
    secret = open_case(kind="death_abroad")  # restricted by default
    open_case(assignee=bob)  # assigned: not in the digest
    counts = reminders.send_unassigned_digest()
    assert counts == {"offices": 1, "cases": 2, "emails": 2, "failed": 0}
    to_carol = next(m for m in mail.outbox if m.to == ["carol@example.org"])
    to_dave = next(m for m in mail.outbox if m.to == ["dave@example.org"])
    assert normal.display_reference in to_carol.body and secret.display_reference not in to_carol.body
    assert normal.display_reference in to_dave.body and secret.display_reference in to_dave.body
    assert reminders.send_unassigned_digest()["emails"] == 0  # quiet period
    services.assign(normal, assignee=bob, actor=carol)
    assert Case.objects.get(pk=normal.pk).reminded_at is None
