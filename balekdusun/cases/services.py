"""Every write to a case goes through these functions: one transaction each, the case row locked, a timeline
event and an audit entry written, a DomainError with a code (and the field) when the move is refused.

Contract for other apps (visits, portal): `open_case(...)` and `check_status(...)`.
"""

import hmac
import re
from datetime import datetime, time, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from balekdusun.cases import codes, conf, workflow
from balekdusun.cases.models import (
    OPEN_STATUSES,
    CallDirection,
    CallOutcome,
    Case,
    CaseAttachment,
    CaseEvent,
    CaseKind,
    CaseSource,
    CaseStatus,
    ClosureReason,
    EventKind,
    Priority,
    ReferralTarget,
    Sensitivity,
    ServiceLevel,
)
from balekdusun.core import audit
from balekdusun.core.roles import has_perm
from balekdusun.core.services import DomainError
from balekdusun.lib.phone import to_e164
from balekdusun.reports import rollups

# Follow-up requests recorded at the door (Visit.data["followups"][].kind) and the case kind they open.
FOLLOWUP_KINDS = {
    "wants_to_apply": CaseKind.INFORMATION,
    "family_in_trouble": CaseKind.REPATRIATION,
    "broker_report": CaseKind.ILLEGAL_RECRUITER,
    "needs_documents": CaseKind.DOCUMENT_HELP,
}

# Keyword details open_case accepts besides its named arguments.
DETAIL_FIELDS = ("priority", "sensitivity", "assignee", "due_at", "reporter_relationship", "subject_name",
                 "destination_country", "employer", "agency_name", "health_details", "victim_status", "opened_at",
                 "reference")
TEXT_LIMITS = {"reporter_name": 120, "reporter_relationship": 60, "subject_name": 120, "employer": 160,
               "agency_name": 160, "victim_status": 200, "description": 10_000, "health_details": 5_000}


# --- helpers -------------------------------------------------------------------------------------------------

def normalize_phone(text: str, *, field: str = "reporter_phone") -> str:
    """'0812-3456-7890' -> '+6281234567890'; empty stays empty; anything else is a DomainError."""
    e164 = to_e164(text, conf.PHONE_REGION)
    if e164 is None:
        raise DomainError("case.bad_phone", _("“%(value)s” is not a phone number.") % {"value": text.strip()},
                          field=field)
    return e164


def due_for(kind: str, start: datetime) -> datetime:
    """End of the local day `days_to_due` days after `start` (the service level of the kind)."""
    level = ServiceLevel.objects.filter(kind=kind).first()
    days = level.days_to_due if level else conf.DEFAULT_SLA_DAYS
    local_day = timezone.localtime(start).date() + timedelta(days=days)
    return timezone.make_aware(datetime.combine(local_day, time(23, 59, 59)))


def area_code_for(office, village) -> str:
    if village is not None:
        return village.code
    return (office.jurisdiction or [""])[0]


def _event(case, event_kind, actor, *, old="", new="", text="", **data) -> CaseEvent:
    return CaseEvent.objects.create(case=case, kind=event_kind, actor=actor if _is_user(actor) else None,
                                    old_value=str(old or "")[:64], new_value=str(new or "")[:64], text=text or "",
                                    data=data)


def _is_user(actor) -> bool:
    return actor is not None and getattr(actor, "is_authenticated", False)


def _locked(case) -> Case:
    return Case.objects.select_for_update().get(pk=case.pk)


def _check_text(name: str, value) -> str:
    value = (value or "").strip() if isinstance(value, str) or value is None else str(value)
    limit = TEXT_LIMITS.get(name)
    if limit and len(value) > limit:
        raise DomainError("case.too_long", _("At most %(n)d characters.") % {"n": limit}, field=name)
    return value


def _check_assignee(case_office, assignee):
    from balekdusun.core.roles import Role

    if assignee is None:
        return None
    if not assignee.is_active or not has_perm(assignee, "cases.work"):
        raise DomainError("case.bad_assignee", _("%(name)s cannot work on cases.") % {"name": assignee.display_name},
                          field="assignee")
    if assignee.role != Role.ADMIN and assignee.office_id != case_office.pk:
        raise DomainError("case.bad_assignee",
                          _("%(name)s belongs to another office.") % {"name": assignee.display_name},
                          field="assignee")
    return assignee


def match_agency(name: str):
    """The register's agency for a typed name ("PT Maju Jaya" = "Maju Jaya, PT"), or None."""
    if not (name or "").strip():
        return None
    from balekdusun.portal.models import Agency, agency_search_key

    hits = list(Agency.objects.filter(search_key=agency_search_key(name))[:2])
    return hits[0] if len(hits) == 1 else None


def _check_future(due_at, field="due_at"):
    if due_at is not None and due_at < timezone.now():
        raise DomainError("case.due_in_past", _("The due date lies in the past."), field=field)


# --- the contract ------------------------------------------------------------------------------------------------

def open_case(*, office, kind, source, description="", village=None, household=None, visit=None, sticker=None,
              reporter_name="", reporter_phone="", consent=False, actor=None, **details) -> Case:
    """Open a case: reference code, SLA due date, timeline entry, audit entry, rollup.

    `kind` is a CaseKind value or a visit follow-up kind ("family_in_trouble"…). `village` is an Area or its code.
    Details: priority, sensitivity, assignee, due_at, reporter_relationship, subject_name, destination_country,
    employer, agency_name, health_details, victim_status; opened_at and reference only for imports and the demo
    (a given reference must be a valid, unused code).
    Opening the same (visit, kind, description) twice returns the first case: a replayed sync opens nothing new.
    """
    from balekdusun.regions.models import Area

    unknown = sorted(set(details) - set(DETAIL_FIELDS))
    if unknown:
        raise DomainError("case.unknown_field", _("Unknown case field: %(f)s") % {"f": ", ".join(unknown)},
                          field=unknown[0])
    kind = FOLLOWUP_KINDS.get(kind, kind)
    if kind not in CaseKind.values:
        raise DomainError("case.bad_kind", _("Unknown case kind “%(v)s”.") % {"v": kind}, field="kind")
    if source not in CaseSource.values:
        raise DomainError("case.bad_source", _("Unknown case source “%(v)s”.") % {"v": source}, field="source")
    if office is None:
        raise DomainError("case.no_office", _("A case belongs to an office."), field="office")

    if visit is not None:
        household = household or visit.household
        village = village or visit.village
    if household is not None and village is None:
        village = household.village
    if isinstance(village, str):
        village = Area.objects.filter(code=village.strip()).first() if village.strip() else None
        if village is None:
            raise DomainError("case.bad_village", _("Unknown village code."), field="village")
    if village is not None:
        if village.level != 4:
            raise DomainError("case.bad_village", _("Choose a village (desa/kelurahan), not a larger area."),
                              field="village")
        if not office.covers(village.code):
            raise DomainError("case.bad_village", _("%(area)s is outside the office's jurisdiction.")
                              % {"area": village.label}, field="village")

    level = ServiceLevel.objects.filter(kind=kind).first()
    priority = details.get("priority") or (level.default_priority if level else Priority.NORMAL)
    if priority not in Priority.values:
        raise DomainError("case.bad_priority", _("Unknown priority."), field="priority")
    victim_status = _check_text("victim_status", details.get("victim_status"))
    default_sensitivity = (Sensitivity.RESTRICTED if (level and level.restricted_by_default) or victim_status
                           else Sensitivity.NORMAL)
    sensitivity = details.get("sensitivity") or default_sensitivity
    if sensitivity not in Sensitivity.values:
        raise DomainError("case.bad_sensitivity", _("Unknown sensitivity."), field="sensitivity")
    country = (details.get("destination_country") or "").strip().upper()
    if country and (len(country) != 2 or not country.isalpha()):
        raise DomainError("case.bad_country", _("Use the two-letter country code (MY, HK, TW…)."),
                          field="destination_country")
    phone = normalize_phone(reporter_phone)
    assignee = _check_assignee(office, details.get("assignee"))
    now = timezone.now()
    opened_at = details.get("opened_at") or now
    due_at = details.get("due_at")
    given_ref = details.get("reference")
    if given_ref is not None:
        given_ref = codes.normalize(given_ref)
        if not codes.is_valid(given_ref) or Case.objects.filter(reference=given_ref).exists():
            raise DomainError("case.bad_reference", _("Invalid or used reference code."), field="reference")
    if due_at is not None:
        _check_future(due_at)
    else:
        due_at = due_for(kind, opened_at)

    fields = dict(
        office=office, kind=kind, source=source, status=CaseStatus.NEW, priority=priority, sensitivity=sensitivity,
        village=village, area_code=area_code_for(office, village), household=household, visit=visit,
        sticker=sticker, assignee=assignee, due_at=due_at,
        reporter_name=_check_text("reporter_name", reporter_name), reporter_phone=phone,
        phone_last4=phone[-4:] if phone else "",
        reporter_relationship=_check_text("reporter_relationship", details.get("reporter_relationship")),
        subject_name=_check_text("subject_name", details.get("subject_name")),
        destination_country=country,
        employer=_check_text("employer", details.get("employer")),
        agency_name=_check_text("agency_name", details.get("agency_name")),
        agency=match_agency(details.get("agency_name")),
        consent=bool(consent), consent_at=now if consent else None,
        description=_check_text("description", description),
        health_details=_check_text("health_details", details.get("health_details")),
        victim_status=victim_status,
        created_by=actor if _is_user(actor) else None, created_at=opened_at,
    )
    with transaction.atomic():
        if visit is not None:
            # A replayed sync must not open the case twice (the same visit, kind and note).
            for existing in Case.objects.filter(visit=visit, kind=kind):
                if existing.description == fields["description"]:
                    return existing
        case = None
        for _attempt in range(5):
            try:
                with transaction.atomic():
                    case = Case.objects.create(reference=given_ref or codes.generate(), **fields)
                break
            except IntegrityError:
                # A reference collision (1 in 3.4e10): draw again.
                continue
        if case is None:
            raise DomainError("case.reference_exhausted", _("Could not draw a free reference code."))
        _event(case, EventKind.OPENED, actor, new=CaseStatus.NEW, source=source, case_kind=kind,
               assignee=assignee.username if assignee else "")
        audit.log(actor, "case.opened", case, office=office, kind=kind, source=source,
                  sensitivity=sensitivity, assignee=assignee.username if assignee else "")
        rollups.case_changed(case, old_status=None)
    return case


def check_status(*, reference: str, phone_last4: str) -> str | None:
    """The status label for the portal's "check my report", or None. The reference alone is not enough:
    the last four digits of the reporter's phone must match too, and nothing else is revealed."""
    ref = codes.normalize(reference)
    last4 = "".join(ch for ch in (phone_last4 or "") if ch.isdigit())
    if not codes.is_valid(ref) or len(last4) != 4:
        return None
    case = Case.objects.filter(reference=ref).only("status", "phone_last4").first()
    if case is None or not case.phone_last4:
        return None
    if not hmac.compare_digest(case.phone_last4, last4):
        return None
    return str(CaseStatus(case.status).label)


# --- workflow ------------------------------------------------------------------------------------------------

def set_status(case, *, status, actor, note="", closure_reason=None, referred_to="") -> Case:
    """Move a case along the workflow table; any other move is a DomainError and changes nothing."""
    if status not in CaseStatus.values:
        raise DomainError("case.bad_status", _("Unknown status “%(v)s”.") % {"v": status}, field="status")
    with transaction.atomic():
        case = _locked(case)
        old = case.status
        if status not in workflow.TRANSITIONS.get(old, ()):
            raise DomainError("case.bad_transition", _("A case cannot go from “%(old)s” to “%(new)s”.") % {
                "old": CaseStatus(old).label, "new": CaseStatus(status).label}, field="status")
        perm = workflow.EXTRA_PERMISSION.get((old, status))
        if perm and not has_perm(actor, perm):
            raise DomainError("case.forbidden_transition", _("Only a coordinator or the office head may reopen a "
                                                             "case."), field="status")
        data = {}
        # When it was counted closed, read before a reopen clears resolved_at/closed_at (the rollup takes it back
        # in that week).
        closed_when = rollups.case_closed_when(case) if old in rollups.CLOSED else None
        if status in workflow.NEEDS_CLOSURE_REASON:
            if isinstance(closure_reason, str):
                closure_reason = ClosureReason.objects.filter(code=closure_reason, active=True).first()
            if closure_reason is None:
                raise DomainError("case.closure_reason_required", _("Choose why the case is closed."),
                                  field="closure_reason")
            days_open = (timezone.now() - case.created_at).days
            if days_open < closure_reason.min_days_open:
                raise DomainError("case.closure_too_early", _(
                    "“%(reason)s” may be used only after %(n)d days; this case has been open %(d)d days.") % {
                    "reason": str(closure_reason), "n": closure_reason.min_days_open, "d": days_open},
                    field="closure_reason")
            case.closure_reason = closure_reason
            case.closed_at = timezone.now()
            data["closure_reason"] = closure_reason.code
        if status in workflow.NEEDS_REFERRAL_TARGET:
            if referred_to not in ReferralTarget.values:
                raise DomainError("case.referral_required", _("Choose where the case is referred to."),
                                  field="referred_to")
            case.referred_to = referred_to
            data["referred_to"] = referred_to
        if status == CaseStatus.RESOLVED:
            case.resolved_at = timezone.now()
        if status == CaseStatus.IN_PROGRESS and old in (CaseStatus.RESOLVED, CaseStatus.CLOSED):
            case.closed_at = None
            case.closure_reason = None
            case.resolved_at = None
            data["reopened"] = True
        note = _check_text("description", note)
        case.status = status
        case.save()
        _event(case, EventKind.STATUS, actor, old=old, new=status, text=note, **data)
        audit.log(actor, "case.status_changed", case, office=case.office, old=old, new=status, **data)
        rollups.case_changed(case, old_status=old, closed_when=closed_when)
    return case


def assign(case, *, assignee, actor) -> Case:
    with transaction.atomic():
        case = _locked(case)
        _check_assignee(case.office, assignee)
        old = case.assignee
        if old == assignee:
            return case
        case.assignee = assignee
        case.reminded_at = None  # the new assignee gets their own reminders
        case.save(update_fields=["assignee", "reminded_at", "updated_at"])
        _event(case, EventKind.ASSIGNMENT, actor, old=old.username if old else "",
               new=assignee.username if assignee else "", old_name=old.display_name if old else "",
               new_name=assignee.display_name if assignee else "")
        audit.log(actor, "case.assigned", case, office=case.office, old=old.username if old else "",
                  new=assignee.username if assignee else "")
    return case


def set_due(case, *, due_at, actor, reason="") -> Case:
    if due_at is None:
        raise DomainError("case.due_required", _("Give a due date."), field="due_at")
    _check_future(due_at)
    with transaction.atomic():
        case = _locked(case)
        old = case.due_at
        case.due_at = due_at
        case.reminded_at = None
        case.save(update_fields=["due_at", "reminded_at", "updated_at"])
        _event(case, EventKind.DUE, actor, old=old.isoformat() if old else "", new=due_at.isoformat(),
               text=_check_text("description", reason))
        audit.log(actor, "case.due_changed", case, office=case.office, old=old.isoformat() if old else "",
                  new=due_at.isoformat())
        rollups.case_due_changed(case, old_due_at=old)
    return case


def add_note(case, *, text, actor) -> CaseEvent:
    text = _check_text("description", text)
    if not text:
        raise DomainError("case.empty_note", _("Write the note."), field="text")
    with transaction.atomic():
        case = _locked(case)
        case.save(update_fields=["updated_at"])
        event = _event(case, EventKind.NOTE, actor, text=text)
        audit.log(actor, "case.note_added", case, office=case.office, event=event.pk)
    return event


def log_call(case, *, actor, direction, outcome, summary="") -> CaseEvent:
    if direction not in CallDirection.values:
        raise DomainError("case.bad_call", _("Choose the direction of the call."), field="direction")
    if outcome not in CallOutcome.values:
        raise DomainError("case.bad_call", _("Choose the outcome of the call."), field="outcome")
    with transaction.atomic():
        case = _locked(case)
        case.save(update_fields=["updated_at"])
        event = _event(case, EventKind.CALL, actor, new=outcome, text=_check_text("description", summary),
                       direction=direction)
        audit.log(actor, "case.call_logged", case, office=case.office, direction=direction, outcome=outcome)
    return event


def update_details(case, *, actor, **fields) -> Case:
    """Edit the people and narrative fields. The timeline names which fields changed, not their values."""
    editable = {"priority", "reporter_name", "reporter_phone", "reporter_relationship", "subject_name",
                "destination_country", "employer", "agency_name", "description", "health_details",
                "victim_status", "sensitivity"}
    unknown = set(fields) - editable
    if unknown:
        raise DomainError("case.unknown_field", _("Unknown case field: %(f)s") % {"f": ", ".join(sorted(unknown))},
                          field=sorted(unknown)[0])
    clean = {}
    for name, value in fields.items():
        if name == "reporter_phone":
            clean[name] = normalize_phone(value)
        elif name == "priority":
            if value not in Priority.values:
                raise DomainError("case.bad_priority", _("Unknown priority."), field=name)
            clean[name] = value
        elif name == "sensitivity":
            if value not in Sensitivity.values:
                raise DomainError("case.bad_sensitivity", _("Unknown sensitivity."), field=name)
            clean[name] = value
        elif name == "destination_country":
            value = (value or "").strip().upper()
            if value and (len(value) != 2 or not value.isalpha()):
                raise DomainError("case.bad_country", _("Use the two-letter country code (MY, HK, TW…)."), field=name)
            clean[name] = value
        else:
            clean[name] = _check_text(name, value)
    with transaction.atomic():
        case = _locked(case)
        changed = [n for n, v in clean.items() if getattr(case, n) != v]
        if not changed:
            return case
        for name in changed:
            setattr(case, name, clean[name])
        if "reporter_phone" in changed:
            case.phone_last4 = case.reporter_phone[-4:] if case.reporter_phone else ""
        if "agency_name" in changed:
            case.agency = match_agency(case.agency_name)
        case.save()
        _event(case, EventKind.DETAILS, actor, fields=sorted(changed))
        audit.log(actor, "case.details_changed", case, office=case.office, fields=sorted(changed))
    return case


# --- attachments -------------------------------------------------------------------------------------------------

_MAGIC = {
    "pdf": (b"%PDF-",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "webp": (b"RIFF",),
}
_CONTENT_TYPES = {"pdf": "application/pdf", "jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png",
                  "webp": "image/webp"}


def check_upload(upload) -> str:
    """The file's extension if it may be attached; DomainError (field "file") otherwise. Reads only the head."""
    if upload is None:
        raise DomainError("attachment.missing", _("Choose a file."), field="file")
    if upload.size > conf.ATTACHMENT_MAX_BYTES:
        raise DomainError("attachment.too_big", _("The file is %(size)s KB; at most %(max)s KB is allowed.") % {
            "size": (upload.size + 1023) // 1024, "max": conf.ATTACHMENT_MAX_BYTES // 1024}, field="file")
    name = upload.name or ""
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    allowed = [t for t in conf.ATTACHMENT_TYPES if t in _MAGIC]
    if ext not in allowed:
        raise DomainError("attachment.bad_type", _("Only these file types may be attached: %(types)s.") % {
            "types": ", ".join(allowed)}, field="file")
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if not any(head.startswith(m) for m in _MAGIC[ext]) or (ext == "webp" and head[8:12] != b"WEBP"):
        raise DomainError("attachment.bad_type", _("The file's content is not a %(ext)s file.") % {"ext": ext.upper()},
                          field="file")
    return ext


def add_attachment(case, *, upload, actor, note="") -> CaseAttachment:
    ext = check_upload(upload)
    stored = None
    try:
        with transaction.atomic():
            case = _locked(case)
            case.save(update_fields=["updated_at"])
            event = _event(case, EventKind.ATTACHMENT, actor, new=ext, text=_check_text("description", note),
                           name=upload.name[:200], size=upload.size)
            attachment = CaseAttachment(case=case, event=event, original_name=upload.name[:200],
                                        content_type=_CONTENT_TYPES[ext], size=upload.size,
                                        uploaded_by=actor if _is_user(actor) else None)
            attachment.file.save(f"upload.{ext}", upload, save=False)
            stored = attachment.file.name
            attachment.save()
            audit.log(actor, "case.attachment_added", case, office=case.office, attachment=attachment.pk,
                      size=upload.size, type=ext)
    except Exception:
        if stored:
            CaseAttachment.file.field.storage.delete(stored)  # nothing half-saved: no orphan file either
        raise
    return attachment


# --- reading -------------------------------------------------------------------------------------------------

def record_view(case, user) -> None:
    """Every view of a restricted case, and every view of a case's personal data, is audited."""
    from balekdusun.cases.privacy import can_see_personal

    personal = can_see_personal(user, case)
    if case.is_restricted:
        audit.log(user, "case.viewed", case, office=case.office, restricted=True, personal=personal)
    elif personal:
        audit.log(user, "personal.viewed", case, office=case.office)


def search(qs, text: str, *, user):
    """Cases of `qs` matching a reference, a phone number (or its last digits) or a name. A reference is no
    personal data: it is looked up in all of `qs`. Phones and names only among the cases whose people the user
    may see (core/scoping.people_searchable): otherwise the answer alone would tell that the person has a case."""
    from balekdusun.core.scoping import people_searchable

    text = (text or "").strip()
    if not text:
        return qs.none()
    ref = codes.normalize(text)
    if codes.is_valid(ref):
        return qs.filter(reference=ref)
    people = people_searchable(user, qs)
    compact = re.sub(r"[\s\-+().]", "", text)
    if compact.isdigit() and len(compact) >= 4:
        try:
            full = normalize_phone(text)
        except DomainError:
            full = ""
        q = Q(reporter_phone__endswith=compact[-8:] if len(compact) > 8 else compact)
        if full:
            q |= Q(reporter_phone=full)
        return people.filter(q)
    q = Q()
    for word in text.split():
        q &= Q(reporter_name__icontains=word) | Q(subject_name__icontains=word)
    found = people.filter(q)
    if len(ref) >= 4:
        found = found | qs.filter(reference__startswith=ref)
    return found


def duplicate_candidates(qs, *, reporter_phone="", reporter_name="", subject_name="", limit=5) -> list[Case]:
    """Open or recent cases of `qs` that look like the same person calling again: same phone, or a name that
    matches closely (typos, word order). Cheap enough to run on every hotline form submission."""
    from rapidfuzz import fuzz

    from balekdusun.lib.text import fold

    recent = timezone.now() - timedelta(days=180)
    base = qs.filter(Q(status__in=OPEN_STATUSES) | Q(created_at__gte=recent))
    found: dict[int, tuple[int, Case]] = {}
    try:
        phone = normalize_phone(reporter_phone)
    except DomainError:
        phone = ""
    if phone:
        for case in base.filter(reporter_phone=phone)[:limit]:
            found[case.pk] = (100, case)
    names = [fold(n) for n in (reporter_name, subject_name) if n and len(n.strip()) >= 3]
    if names:
        for case in base.exclude(reporter_name="", subject_name="").order_by("-created_at")[:2000]:
            theirs = [fold(n) for n in (case.reporter_name, case.subject_name) if n]
            score = max((fuzz.token_set_ratio(a, b) for a in names for b in theirs), default=0)
            if score >= 88 and score > found.get(case.pk, (0, None))[0]:
                found[case.pk] = (int(score), case)
    ranked = sorted(found.values(), key=lambda item: (-item[0], -item[1].created_at.timestamp()))
    return [case for _score, case in ranked[:limit]]


def hidden_restricted_matches(user, *, reporter_phone: str) -> int:
    """How many restricted cases in the user's jurisdiction, which the user may not open, have this phone.
    Only a count, so hotline staff know to ask the office head instead of opening a duplicate."""
    from balekdusun.core.scoping import area_q

    try:
        phone = normalize_phone(reporter_phone)
    except DomainError:
        return 0
    if not phone or has_perm(user, "cases.view_all_restricted"):
        return 0
    limit = area_q(user, Case.scope_area_field)
    qs = Case.objects.filter(reporter_phone=phone, sensitivity=Sensitivity.RESTRICTED, status__in=OPEN_STATUSES)
    if limit is not None:
        qs = qs.filter(limit)
    return qs.exclude(assignee_id=user.pk).count()


# --- keys --------------------------------------------------------------------------------------

def rotate_keys(*, batch: int = 500) -> dict:
    """Re-encrypt every encrypted value with the first key of FIELD_ENCRYPTION_KEYS."""
    counts = {}
    for model, names in ((Case, ["description", "health_details", "victim_status"]), (CaseEvent, ["text"])):
        done = 0
        pks = list(model.objects.order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(pks), batch):
            with transaction.atomic():
                rows = list(model.objects.select_for_update().filter(pk__in=pks[start:start + batch]))
                # Loading decrypted with any key; saving encrypts with the first one.
                model.objects.bulk_update(rows, names)
                done += len(rows)
        counts[model._meta.model_name] = done
    # The same keys seal the family's own words kept outside the cases (lib/sealed.py).
    from balekdusun.core.models import AuditEntry
    from balekdusun.lib.sealed import reseal_rows
    from balekdusun.visits.models import SyncConflict, Visit

    counts["visit"] = reseal_rows(Visit.objects.filter(Q(data__has_key="story") | Q(data__has_key="followups")),
                                  "data", batch=batch)
    counts["syncconflict"] = reseal_rows(SyncConflict.objects.filter(kind="visit"), "payload", batch=batch)
    counts["auditentry"] = reseal_rows(AuditEntry.objects.filter(action="visit.replaced_from_conflict"), "data",
                                       batch=batch)
    return counts
