"""Every allowed move of the case workflow, written out here on its own (not read from workflow.TRANSITIONS), so
deleting one from the table fails a test; and the status form offers exactly the allowed moves, in order."""

import pytest

from balekdusun.cases import services
from balekdusun.cases.forms import StatusForm
from balekdusun.cases.models import Case, CaseEvent, CaseStatus
from balekdusun.core.models import AuditEntry
from balekdusun.core.services import DomainError

ALLOWED = [
    ("new", "verified"), ("new", "in_progress"), ("new", "closed"),
    ("verified", "in_progress"), ("verified", "referred"), ("verified", "closed"),
    ("in_progress", "referred"), ("in_progress", "resolved"), ("in_progress", "closed"),
    ("referred", "in_progress"), ("referred", "resolved"), ("referred", "closed"),
    ("resolved", "closed"), ("resolved", "in_progress"),
    ("closed", "in_progress"),
]

# What the status form offers from each status, in the order the statuses are listed.
OFFERED = {
    "new": ["verified", "in_progress", "closed"],
    "verified": ["in_progress", "referred", "closed"],
    "in_progress": ["referred", "resolved", "closed"],
    "referred": ["in_progress", "resolved", "closed"],
    "resolved": ["in_progress", "closed"],
    "closed": ["in_progress"],
}


def _case_in(open_case, status):
    case = open_case()
    Case.objects.filter(pk=case.pk).update(status=status)
    case.refresh_from_db()
    return case


@pytest.mark.parametrize("old, new", ALLOWED)
def test_each_allowed_move_is_made_and_recorded(open_case, carol, rules, old, new):
    case = _case_in(open_case, old)
    services.set_status(case, status=new, actor=carol, closure_reason="duplicate", referred_to="police",
                        note="Langkah berikutnya")
    case.refresh_from_db()
    assert case.status == new
    event = CaseEvent.objects.get(case=case, kind="status")
    assert (event.old_value, event.new_value) == (old, new)
    entry = AuditEntry.objects.get(action="case.status_changed")
    assert (entry.data["old"], entry.data["new"]) == (old, new)
    if new == "closed":
        assert case.closure_reason.code == "duplicate" and case.closed_at is not None
    if new == "referred":
        assert case.referred_to == "police"
    if new == "resolved":
        assert case.resolved_at is not None
    if new == "in_progress" and old in ("resolved", "closed"):
        assert case.closed_at is None and case.closure_reason is None and case.resolved_at is None
        assert entry.data["reopened"] is True


def test_the_list_above_is_the_whole_table():
    from balekdusun.cases import workflow

    assert {(a, b) for a, targets in workflow.TRANSITIONS.items() for b in targets} == set(ALLOWED)


@pytest.mark.parametrize("old", ["resolved", "closed"])
def test_an_officer_may_not_reopen(open_case, bob, rules, old):
    case = _case_in(open_case, old)
    with pytest.raises(DomainError) as err:
        services.set_status(case, status="in_progress", actor=bob)
    assert err.value.code == "case.forbidden_transition" and err.value.field == "status"
    case.refresh_from_db()
    assert case.status == old


@pytest.mark.parametrize("old, new", [("in_progress", "resolved"), ("new", "verified"), ("referred", "closed")])
def test_an_officer_may_make_ordinary_moves(open_case, bob, rules, old, new):
    case = _case_in(open_case, old)
    services.set_status(case, status=new, actor=bob, closure_reason="out_of_scope")
    case.refresh_from_db()
    assert case.status == new


def test_closing_without_reason_and_referring_without_target_change_nothing(open_case, carol, rules):
    case = _case_in(open_case, "verified")
    with pytest.raises(DomainError) as err:
        services.set_status(case, status="referred", actor=carol)
    assert err.value.field == "referred_to"
    with pytest.raises(DomainError) as err:
        services.set_status(case, status="closed", actor=carol)
    assert err.value.field == "closure_reason"
    case.refresh_from_db()
    assert case.status == "verified" and not CaseEvent.objects.filter(kind="status").exists()


@pytest.mark.parametrize("status", list(OFFERED))
def test_status_form_offers_exactly_the_allowed_moves(open_case, rules, status):
    case = _case_in(open_case, status)
    form = StatusForm(case=case)
    offered = [value for value, _label in form.fields["status"].widget.choices]
    assert offered == OFFERED[status]
    labels = [str(label) for _value, label in form.fields["status"].widget.choices]
    assert labels == [str(CaseStatus(s).label) for s in OFFERED[status]]
    # The field itself accepts every status, so a refused move reaches the service's clear message.
    assert {v for v, _l in form.fields["status"].choices} == set(CaseStatus.values)


def test_a_status_missing_from_the_table_offers_nothing():
    """A status the table does not know (an old or hand-edited row) has no next step, and no crash."""
    from balekdusun.cases import workflow

    assert workflow.allowed_next("archived") == []
    assert workflow.allowed_next("") == []
