"""Resolving a sync conflict: keep the stored visit, or take the incoming version with its effects.

Taking the incoming version makes the visit what it would have been had the phone sent that version first:

* answers: outcome, time, GPS and form data are replaced; the visit stays on its household and outreach day (an
  incoming version for another household is refused: that is a different visit, not a correction);
* stock: the hand-outs are corrected in the ledger by compensating rows for the difference
  (`materials.services.correct_handouts`; the ledger is append-only, nothing is deleted);
* sticker: a sticker code the incoming version names is placed (`materials.services.place_sticker`, with its
  usual flags). A sticker the stored version placed stays placed on the house: it may well be on the door, and
  only a person who looks can tell; the visit is flagged ``sticker.previous_kept`` and the coordinator voids it on
  its page if it was never put up. A "placed twice" report (StickerConflict) raised by the stored version's code
  is closed, since the visit no longer claims that sticker;
* cases: a case is opened for each follow-up the incoming version adds (matched by kind against the cases the
  visit already has). Cases already opened are never deleted (a case is real work); those the incoming version no
  longer asks for are listed in the audit entry;
* rollups: the visit's share moves from the old content to the new (`reports.rollups.visit_replaced`), so the
  counters stay equal to a rebuild;
* flags: those of the effects are worked out again; others are kept.

Everything happens in one transaction and is audited as ``visit.replaced_from_conflict`` (with the old values
and what the effects changed) and ``sync.conflict_resolved``.
"""

from __future__ import annotations

from collections import Counter
from copy import copy

from django.utils import timezone
from django.utils.translation import gettext as _

from balekdusun.core import audit
from balekdusun.core.roles import has_perm
from balekdusun.core.scoping import in_jurisdiction
from balekdusun.core.services import DomainError
from balekdusun.visits.models import RecordKind, Resolution, SyncConflict, Visit
from balekdusun.visits.schemas import VisitIn
from balekdusun.visits.services import (
    FLAG_BEFORE_DAY,
    FLAG_FUTURE,
    FOLLOWUP_CASE_KIND,
    FUTURE_TOLERANCE,
    followup_office,
    time_flags,
)

FLAG_STICKER_KEPT = "sticker.previous_kept"
# Flags that the effects (and the time check) raise; they are worked out again for the new version.
RECOMPUTED = ("materials.", "sticker.", "cases.", FLAG_FUTURE, FLAG_BEFORE_DAY)


def resolve_conflict(*, conflict: SyncConflict, actor, take_incoming: bool, note: str = "") -> SyncConflict:
    """Close a conflict, keeping the stored version or taking the incoming one with its effects (see the module).

    The returned conflict carries `effects`: what taking the incoming version changed (empty when kept)."""
    if not has_perm(actor, "visits.review"):
        raise DomainError("conflict.forbidden", _("Your role does not allow this."))
    from balekdusun.reports import rollups

    # One transaction; its rollups (visit, stock, sticker, cases) are written once, sorted, at its end.
    with rollups.collected():
        conflict = SyncConflict.objects.select_for_update().get(pk=conflict.pk)
        if conflict.resolved_at is not None:
            raise DomainError("conflict.resolved", _("This conflict was already resolved."))
        effects: dict = {}
        if take_incoming:
            if conflict.kind != RecordKind.VISIT or conflict.visit_id is None:
                raise DomainError("conflict.cannot_take",
                                  _("Only a visit can be replaced; edit the household in planning instead."))
            if conflict.officer_id is not None and not in_jurisdiction(conflict.officer, conflict.village_id):
                # Kept aside before the push checked jurisdictions: another office's version never replaces ours.
                raise DomainError("conflict.foreign", _("This version came from outside the visit's area; it "
                                                        "cannot replace the stored visit."))
            # Before any other lock of the push path's order: its household (its first visit is read again).
            rollups.lock_households(list(Visit.objects.filter(pk=conflict.visit_id)
                                         .values_list("household_id", flat=True)))
            effects = _take_incoming(conflict, actor)
        conflict.resolution = Resolution.TOOK_INCOMING if take_incoming else Resolution.KEPT_EXISTING
        conflict.resolved_at = timezone.now()
        conflict.resolved_by = actor
        conflict.note = note[:255]
        conflict.save(update_fields=["resolution", "resolved_at", "resolved_by", "note"])
        audit.log(actor, "sync.conflict_resolved", conflict, resolution=conflict.resolution, note=note[:255])
    conflict.effects = effects
    return conflict


def _take_incoming(conflict: SyncConflict, actor) -> dict:
    from balekdusun.materials import codes
    from balekdusun.reports import rollups

    # Lock the visit row only: PostgreSQL refuses FOR UPDATE on the nullable side of the outer join to outreach.
    visit = (Visit.objects.select_for_update(of=("self",))
             .select_related("household", "village", "officer", "officer__office", "outreach__campaign__office")
             .get(pk=conflict.visit_id))
    model = VisitIn.model_validate(conflict.payload)
    if (model.household is not None and model.household != visit.household_id) or (
            model.household_uuid is not None and model.household_uuid != visit.household.client_uuid):
        raise DomainError("conflict.other_household",
                          _("The incoming version is about another house. Keep the stored version and ask the "
                            "officer to record that house as a new visit."))
    materials = _materials(model)

    before = copy(visit)
    before.data = dict(visit.data)
    data = model.data()
    if model.sticker_code:
        data["sticker_code"] = codes.normalize(model.sticker_code)
    flags = [f for f in visit.data.get("flags", []) if not f.startswith(RECOMPUTED)]
    flags += time_flags(model.visited_at, visit.outreach, future_after=conflict.received_at + FUTURE_TOLERANCE)
    visit.outcome, visit.visited_at = model.outcome, model.visited_at
    visit.latitude, visit.longitude = model.latitude, model.longitude
    visit.data, visit.content_hash = data, conflict.content_hash

    effects: dict = {}
    flags += _redo_stock(visit, before, materials, actor, conflict, effects)
    flags += _redo_sticker(visit, before, actor, effects)
    flags += _redo_cases(visit, model, actor, effects)
    flags = list(dict.fromkeys(flags))
    if flags:
        visit.data["flags"] = flags
    # Received again: the version stored now reaches the other phones of the village with their next pull
    # (which sends the visits received since its cursor).
    visit.received_at = timezone.now()
    visit.save(update_fields=["outcome", "visited_at", "latitude", "longitude", "data", "content_hash",
                              "received_at"])
    rollups.visit_replaced(before, visit)
    audit.log(actor, "visit.replaced_from_conflict", visit, conflict=conflict.pk,
              before={"outcome": before.outcome, "visited_at": before.visited_at.isoformat(), "data": before.data,
                      "latitude": before.latitude, "longitude": before.longitude}, **effects)
    return effects


def _materials(model: VisitIn) -> list[tuple]:
    from balekdusun.materials.models import Material

    catalogue = Material.objects.in_bulk({line.material_id for line in model.materials})
    if any(line.material_id not in catalogue for line in model.materials):
        # Never checked when the conflict came in: a conflict is stored before its references are looked up.
        raise DomainError("conflict.unknown_material",
                          _("The incoming version names a material that does not exist; keep the stored version."))
    return [(catalogue[line.material_id], line.quantity) for line in model.materials]


def _quantities(lines) -> dict[str, int]:
    out: Counter = Counter()
    for line in lines or []:
        if isinstance(line, dict) and isinstance(line.get("quantity"), int):
            out[str(line.get("material_id"))] += line["quantity"]
    return dict(out)


def _redo_stock(visit, before, materials, actor, conflict, effects) -> list[str]:
    """Book the difference between the stock handed out in the stored and the incoming version."""
    old, new = _quantities(before.data.get("materials")), _quantities(visit.data.get("materials"))
    if not old and not new:
        return []
    from balekdusun.materials.services import correct_handouts

    flags = correct_handouts(visit=visit, items=materials, officer=visit.officer, actor=actor,
                             reason=f"visit {visit.uuid} corrected (sync conflict {conflict.pk})")
    changed = {m: [old.get(m, 0), new.get(m, 0)] for m in sorted(set(old) | set(new)) if old.get(m) != new.get(m)}
    if changed or before.visited_at != visit.visited_at:
        effects["materials"] = changed
    return flags


def _redo_sticker(visit, before, actor, effects) -> list[str]:
    from balekdusun.materials import services as materials
    from balekdusun.materials.models import Sticker, StickerConflict, StickerStatus

    flags = []
    code = visit.data.get("sticker_code") or ""
    if code:
        # Placing the same code again is harmless: it answers with the same flag, or nothing.
        flag = materials.place_sticker(visit=visit, code=code, household=visit.household)
        if flag:
            flags.append(flag)
        if code != (before.data.get("sticker_code") or ""):
            effects["sticker"] = code
    kept = list(Sticker.objects.filter(placed_by_visit=visit, status=StickerStatus.PLACED).exclude(code=code)
                .values_list("code", flat=True))
    if kept:
        flags.append(FLAG_STICKER_KEPT)
        effects["stickers_kept"] = kept
    withdrawn = StickerConflict.objects.filter(visit=visit, resolved_at__isnull=True).exclude(sticker__code=code)
    for report in withdrawn.select_related("sticker", "sticker__office", "household"):
        materials.resolve_conflict(conflict=report, actor=actor, resolution=_(
            "The visit was corrected from a sync conflict and no longer names this sticker."))
        effects.setdefault("sticker_reports_closed", []).append(report.sticker.code)
    return flags


def _redo_cases(visit, model: VisitIn, actor, effects) -> list[str]:
    """One case per follow-up of the incoming version, reusing the visit's cases of the same kind."""
    from balekdusun.cases.models import Case
    from balekdusun.cases.services import open_case

    unmatched = list(Case.objects.filter(visit=visit).order_by("pk"))
    missing = []
    for fu in model.followups:
        kind = FOLLOWUP_CASE_KIND[fu.kind]
        same = [c for c in unmatched if c.kind == kind]
        match = next((c for c in same if c.description == fu.note), same[0] if same else None)
        if match is not None:
            unmatched.remove(match)
        else:
            missing.append(fu)
    flags = []
    if missing:
        office = followup_office(visit.outreach, visit.officer)
        if office is None:
            flags.append("cases.no_office")
        else:
            effects["cases_opened"] = [
                open_case(office=office, kind=FOLLOWUP_CASE_KIND[fu.kind], source="visit", description=fu.note,
                          village=visit.village, household=visit.household, visit=visit, actor=actor).reference
                for fu in missing]
    if unmatched:
        effects["cases_kept"] = [c.reference for c in unmatched]
    return flags
