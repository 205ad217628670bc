"""Writes of the rights workflow: filing, verifying, answering (copy, correction, erasure, withdrawal), refusing.

Every function is keyword-only, runs in one transaction, raises DomainError naming the field, and audits."""

import copy
import hashlib
import hmac
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from balekdusun.campaigns.models import Household
from balekdusun.cases import codes
from balekdusun.core import audit
from balekdusun.core.services import DomainError
from balekdusun.lib.phone import to_e164
from balekdusun.rights import conf
from balekdusun.rights.models import Channel, RequestKind, RequestStatus, RightsRequest, Verification

PREFIX = "HAK"
# Household fields a correction may change (the rest is either a place or a record of consent).
CORRECTABLE = ("head_name", "phone", "address", "dusun", "rt", "rw")


# --- references and phones ---------------------------------------------------------------------------------------

def new_reference() -> str:
    """Eight symbols of the cases' check-summed alphabet (32^7 random bodies), shown as HAK-XXXX-XXXX."""
    while True:
        ref = codes.generate()
        if not RightsRequest.objects.filter(reference=ref).exists():
            return ref


def normalize_reference(text: str) -> str:
    """What a resident typed ("hak-k7qx-4mp9", "K7QX4MP9") as stored, or "" when it cannot be a reference."""
    text = (text or "").strip().upper()[:32]
    if text.startswith(PREFIX):
        text = text[len(PREFIX):]
    ref = codes.normalize(text)
    return ref if codes.is_valid(ref) else ""


def phone_digest(e164: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), f"rights-phone:{e164}".encode(), hashlib.sha256).hexdigest()


def clean_phone(raw: str, *, field: str = "phone") -> str:
    e164 = to_e164(raw)
    if not e164:
        raise DomainError("rights.bad_phone", _("Enter the phone number, e.g. 0812 3456 7890."), field=field)
    return e164


def _household_office(household):
    from balekdusun.portal.services import office_for_area

    office = office_for_area(household.village_id)
    if office is None:
        raise DomainError("rights.no_office", _("No office covers this village yet."), field="sticker")
    return office


def find_household(sticker_code: str):
    """(sticker, household) for a sticker code placed on a house, or DomainError on the code field."""
    from balekdusun.materials.services import find_sticker

    sticker = find_sticker(sticker_code) if len(sticker_code or "") <= 32 else None
    if sticker is None or sticker.household_id is None:
        raise DomainError("rights.unknown_sticker",
                          _("No house carries a sticker with this code. Check the code on the sticker."),
                          field="sticker")
    return sticker, sticker.household


# --- filing ------------------------------------------------------------------------------------------------------

def _create(*, kind, household, sticker_code, channel, verification, phone, name, relation, details, actor,
            reference=None):
    if kind not in RequestKind.values:
        raise DomainError("rights.bad_kind", _("Choose what you ask for."), field="kind")
    now = timezone.now()
    req = RightsRequest.objects.create(
        reference=reference or new_reference(), kind=kind, channel=channel, verification=verification,
        office=_household_office(household), household=household, area_code=household.village_id,
        sticker_code=sticker_code, requester_name=(name or "").strip()[:120],
        requester_relation=(relation or "").strip()[:60], phone_digest=phone_digest(phone),
        details=(details or "").strip()[:2000], received_at=now, due_at=now + timedelta(hours=conf.ANSWER_HOURS),
        verified_by=actor if verification == Verification.IN_PERSON else None, created_by=actor)
    audit.log(actor, "rights.requested", req, office=req.office, kind=kind, channel=channel,
              verification=verification)
    return req


def file_from_portal(*, kind: str, sticker_code: str, phone: str, in_person: bool = False, name: str = "",
                     relation: str = "", details: str = "", reference: str | None = None) -> RightsRequest:
    """A resident's request from the portal (`reference` only for the demo). The phone must be the one recorded
    for the household, unless the resident asks to be verified in person (then the phone is only their contact
    for the status check)."""
    e164 = clean_phone(phone)
    sticker, household = find_household(sticker_code)
    if in_person:
        verification = Verification.PENDING
    else:
        recorded = to_e164(household.phone) or ""
        if not recorded or not hmac.compare_digest(recorded, e164):
            raise DomainError("rights.phone_mismatch",
                              _("This phone number is not the one recorded for this house. Check it, or ask to be "
                                "verified in person."), field="phone")
        verification = Verification.PHONE
    with transaction.atomic():
        return _create(kind=kind, household=household, sticker_code=sticker.code, channel=Channel.PORTAL,
                       verification=verification, phone=e164, name=name, relation=relation, details=details,
                       actor=None, reference=reference)


def file_by_staff(*, actor, household, kind: str, phone: str, name: str, relation: str = "",
                  details: str = "", verified: bool, reference: str | None = None) -> RightsRequest:
    """A request taken at the office or at the door, after staff checked the person's identity in person."""
    if not verified:
        raise DomainError("rights.not_verified", _("Confirm that you checked the person's identity in person."),
                          field="verified")
    if not (name or "").strip():
        raise DomainError("rights.no_name", _("Enter the name of the person asking."), field="name")
    e164 = clean_phone(phone)
    from balekdusun.materials.models import Sticker, StickerStatus

    code = (Sticker.objects.filter(household=household).exclude(status=StickerStatus.VOID)
            .values_list("code", flat=True).first() or "")
    with transaction.atomic():
        return _create(kind=kind, household=household, sticker_code=code, channel=Channel.STAFF,
                       verification=Verification.IN_PERSON, phone=e164, name=name, relation=relation,
                       details=details, actor=actor, reference=reference)


def status_for(*, reference: str, phone: str):
    """The request a reference and phone name, for the portal's status check; None when they do not match."""
    ref = normalize_reference(reference)
    e164 = to_e164(phone)
    if not ref or not e164:
        return None
    req = RightsRequest.objects.filter(reference=ref).first()
    if req is None or not hmac.compare_digest(req.phone_digest, phone_digest(e164)):
        return None
    return req


# --- staff steps -------------------------------------------------------------------------------------------------

def _locked(req) -> RightsRequest:
    return RightsRequest.objects.select_for_update().get(pk=req.pk)


def _require_open(req):
    if not req.is_open:
        raise DomainError("rights.closed", _("This request has already been answered."), field=None)


def _require_household(req):
    if req.household_id is None:
        raise DomainError("rights.no_household", _("The household of this request no longer exists."), field=None)


def _require_verified(req):
    if req.verification == Verification.PENDING:
        raise DomainError("rights.unverified",
                          _("Verify the person's identity in person before answering."), field=None)


def verify_in_person(*, req, actor) -> RightsRequest:
    with transaction.atomic():
        req = _locked(req)
        _require_open(req)
        req.verification = Verification.IN_PERSON
        req.verified_by = actor
        req.save(update_fields=["verification", "verified_by"])
        audit.log(actor, "rights.verified", req, office=req.office)
    return req


def _finish(req, *, actor, status, answer):
    req.status = status
    req.answered_at = timezone.now()
    req.answered_by = actor
    req.answer = answer
    req.save(update_fields=["status", "answered_at", "answered_by", "answer"])


def answer_access(*, req, actor, note: str = "") -> RightsRequest:
    """The copy was handed over (downloaded from the request's page): close the request."""
    with transaction.atomic():
        req = _locked(req)
        _require_open(req)
        _require_verified(req)
        if req.kind != RequestKind.ACCESS:
            raise DomainError("rights.wrong_kind", _("This request does not ask for a copy."), field=None)
        _finish(req, actor=actor, status=RequestStatus.ANSWERED, answer=note.strip()[:2000])
        audit.log(actor, "rights.answered", req, office=req.office, kind=req.kind)
    return req


def correct(*, req, actor, fields: dict, note: str = "") -> RightsRequest:
    """Change the named household fields as the resident asked; the audit names the fields, not the values."""
    from balekdusun.campaigns.services import clean_household_fields

    with transaction.atomic():
        req = _locked(req)
        _require_open(req)
        _require_verified(req)
        if req.kind != RequestKind.CORRECTION:
            raise DomainError("rights.wrong_kind", _("This request does not ask for a correction."), field=None)
        _require_household(req)
        household = Household.objects.select_for_update().get(pk=req.household_id)
        unknown = set(fields) - set(CORRECTABLE)
        if unknown:
            raise DomainError("rights.unknown_field", _("Unknown field: %(f)s") % {"f": ", ".join(sorted(unknown))},
                              field=sorted(unknown)[0])
        current = {k: getattr(household, k) for k in CORRECTABLE}
        merged = {**current, **fields, "latitude": household.latitude, "longitude": household.longitude}
        clean = clean_household_fields(merged, consent=True)
        changed = [k for k in CORRECTABLE if clean[k] != current[k]]
        if not changed:
            raise DomainError("rights.nothing_changed", _("Nothing was changed. Edit the fields the resident named."),
                              field=None)
        for k in changed:
            setattr(household, k, clean[k])
        if (household.head_name or household.phone) and household.consent_at is None:
            household.consent_at = timezone.now()
            household.consent_by = actor
        household.save()
        audit.log(actor, "rights.corrected", household, office=req.office, fields=changed,
                  request=req.display_reference)
        _finish(req, actor=actor, status=RequestStatus.ANSWERED, answer=note.strip()[:2000])
        audit.log(actor, "rights.answered", req, office=req.office, kind=req.kind)
    return req


def refuse(*, req, actor, reason: str) -> RightsRequest:
    reason = (reason or "").strip()
    if not reason:
        raise DomainError("rights.no_reason", _("Say why the request is refused: the resident is told."),
                          field="reason")
    with transaction.atomic():
        req = _locked(req)
        _require_open(req)
        _finish(req, actor=actor, status=RequestStatus.REFUSED, answer=reason[:2000])
        audit.log(actor, "rights.refused", req, office=req.office, kind=req.kind)
    return req


# --- erasure and withdrawal --------------------------------------------------------------------------------------

def _strip_visit_text(data) -> dict:
    """A visit's answers without what a person said: the story goes, follow-up notes are emptied (their kinds stay,
    they are counted); the structured answers the dashboards count stay."""
    data = copy.deepcopy(data) if isinstance(data, dict) else {}
    data.pop("story", None)
    for item in data.get("followups") or []:
        if isinstance(item, dict) and "note" in item:
            item["note"] = ""
    return data


def erase(*, req, actor, note: str = "") -> dict:
    """Erasure or withdrawal of consent: anonymise the household, its visits' free text, its sync conflicts and its
    closed cases; keep open protection cases (docs/rights.md says why). Rollups follow (visit_replaced), so the
    dashboards equal a rebuild. Returns what was done and kept."""
    from balekdusun.cases.models import OPEN_STATUSES, Case, CaseAttachment, CaseEvent
    from balekdusun.reports import rollups
    from balekdusun.visits.models import SyncConflict, Visit

    with transaction.atomic():
        req = _locked(req)
        _require_open(req)
        _require_verified(req)
        if req.kind not in (RequestKind.ERASURE, RequestKind.WITHDRAWAL):
            raise DomainError("rights.wrong_kind", _("This request does not ask for erasure."), field=None)
        _require_household(req)
        household = Household.objects.select_for_update().get(pk=req.household_id)
        rollups.lock_households([household.pk])
        visits = 0
        for visit in Visit.objects.select_for_update().filter(household=household).order_by("pk"):
            stripped = _strip_visit_text(visit.data)
            if stripped == visit.data and visit.latitude is None:
                continue
            before = copy.copy(visit)
            before.data = copy.deepcopy(visit.data)
            visit.data = stripped
            visit.latitude = visit.longitude = None
            visit.save(update_fields=["data", "latitude", "longitude"])
            rollups.visit_replaced(before, visit)
            visits += 1
        conflicts = 0
        visit_ids = list(Visit.objects.filter(household=household).values_list("pk", flat=True))
        for conflict in SyncConflict.objects.filter(Q(household=household) | Q(visit_id__in=visit_ids)):
            conflict.payload = _strip_visit_text(conflict.payload)
            for key in ("head_name", "phone", "address", "latitude", "longitude"):
                conflict.payload.pop(key, None)
            conflict.save(update_fields=["payload"])
            conflicts += 1
        kept, anonymised = [], 0
        for case in Case.objects.select_for_update().filter(household=household):
            if case.status in OPEN_STATUSES:
                kept.append(case.reference)
                continue
            for field in ("reporter_name", "reporter_phone", "phone_last4", "reporter_relationship", "subject_name",
                          "employer", "description", "health_details", "victim_status"):
                if hasattr(case, field):
                    setattr(case, field, "")
            case.save()
            CaseEvent.objects.filter(case=case).update(text="")
            for attachment in CaseAttachment.objects.filter(case=case):
                attachment.file.delete(save=False)
                attachment.delete()
            anonymised += 1
        for field in CORRECTABLE:
            setattr(household, field, "")
        household.latitude = household.longitude = None
        household.consent_at = None
        household.consent_text_version = ""
        household.consent_by = None
        household.save()
        done = {"visits": visits, "conflicts": conflicts, "cases_anonymised": anonymised, "cases_kept": kept}
        action = "rights.erased" if req.kind == RequestKind.ERASURE else "rights.consent_withdrawn"
        audit.log(actor, action, household, office=req.office, request=req.display_reference, visits=visits,
                  conflicts=conflicts, cases_anonymised=anonymised, cases_kept=len(kept))
        req.requester_name = ""
        req.details = ""
        req.save(update_fields=["requester_name", "details"])
        _finish(req, actor=actor, status=RequestStatus.ANSWERED, answer=note.strip()[:2000])
        audit.log(actor, "rights.answered", req, office=req.office, kind=req.kind)
    return done
