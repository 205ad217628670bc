"""Sync workflows: applying a batch pushed by the field app (conflicts are resolved in conflicts.py).

A push is applied record by record, each inside its own savepoint together with its effects (the household
created, stock handed out, the sticker placed, cases opened, rollups). A record is answered with one of

* ``created``   stored now;
* ``duplicate`` this UUID is stored already with the same content (a retry): nothing changes;
* ``conflict``  this UUID is stored already with other content: the new version is kept aside in
  SyncConflict for a coordinator, the stored one is never overwritten;
* ``invalid``   the record cannot be stored (field errors); the phone keeps it and shows the errors.

What the phone cannot know (a sticker already placed on another house, more brochures than issued) never
rejects a visit: it is stored with ``data["flags"]`` for the coordinator.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from datetime import timedelta
from typing import NamedTuple
from uuid import UUID

from django.db import DatabaseError, IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from pydantic import ValidationError

from balekdusun.core import audit
from balekdusun.core.apierrors import pydantic_errors
from balekdusun.core.apitypes import safe_text
from balekdusun.core.scoping import scoped, sees_area
from balekdusun.core.services import DomainError
from balekdusun.visits import conf, ingest
from balekdusun.visits.models import DeviceStatus, HouseholdReceipt, RecordKind, SyncConflict, Visit
from balekdusun.visits.schemas import HouseholdIn, VisitIn, canonical, content_hash

log = logging.getLogger(__name__)

CREATED, DUPLICATE, CONFLICT, INVALID = "created", "duplicate", "conflict", "invalid"
FLAG_FUTURE = "visit.time_in_future"
FLAG_BEFORE_DAY = "visit.before_outreach_day"  # dated (office time zone) before its outreach day's date
FLAG_TURF_UNKNOWN = "turf.unknown"  # a household created on a phone named a turf it cannot join
FUTURE_TOLERANCE = timedelta(hours=12)

# Follow-up requests made at the door -> case kinds (the contract is in docs/cases.md, "Where cases come from").
FOLLOWUP_CASE_KIND = {
    "wants_to_apply": "information",
    "family_in_trouble": "repatriation",
    "broker_report": "illegal_recruiter",
    "needs_documents": "document_help",
}


@dataclass
class Result:
    uuid: str
    type: str
    status: str
    id: int | None = None
    errors: list[dict] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    new_conflict: bool = False  # a conflict stored now (not a repeat of one already stored)

    def as_dict(self) -> dict:
        out = {"uuid": self.uuid, "type": self.type, "status": self.status}
        if self.id is not None:
            out["id"] = self.id
        if self.errors:
            out["errors"] = self.errors
        if self.flags:
            out["flags"] = self.flags
        return out


def _err(fld: str, message: str) -> dict:
    # A field name may come from the phone (an unknown key): echoed short and encodable.
    return {"field": safe_text(fld), "message": str(message)}


def _foreign(p) -> Result:
    """A UUID stored already by a record this user may not see (another office, another village): answered
    without a word about that record (no id, no status, no conflict kept), as a field error the phone shows."""
    return Result(str(p.uuid), p.kind, INVALID, errors=[_err("uuid", _(
        "This record's identifier cannot be used; ask your coordinator."))])


def _receipts(uuids) -> dict:
    """uuid -> HouseholdReceipt, with `village` (its household's village code) for the jurisdiction check."""
    from django.db.models import F

    uuids = list(uuids)
    if not uuids:
        return {}
    return {r.uuid: r for r in HouseholdReceipt.objects.filter(uuid__in=uuids).annotate(
        village=F("household__village_id"))}


def _pydantic_errors(exc: ValidationError) -> list[dict]:
    """Field errors in the user's language (pydantic's own messages are English)."""
    return [_err(f, m) for f, m in pydantic_errors(exc.errors(include_url=False))]


@dataclass
class _Parsed:
    index: int
    kind: str
    uuid: UUID
    model: HouseholdIn | VisitIn
    hash: str


class _HouseholdRef(NamedTuple):
    """A household as a batch needs it; `household()` gives the model instance for the effects path."""

    pk: int
    village_id: str
    client_uuid: UUID | None


class _Batch:
    """Everything one push needs from the database, looked up once for the whole batch."""

    def load_households(self, parsed: list[_Parsed]) -> None:
        """Read the model instances of the households these visits name, in one query (their effects need one)."""
        from balekdusun.campaigns.models import Household

        ids = set()
        for p in parsed:
            if p.uuid in self.existing_visits:
                continue
            m = p.model
            ref = self.hh_by_id.get(m.household) if m.household is not None else self.hh_by_uuid.get(m.household_uuid)
            if ref is not None and not isinstance(ref, Household):
                ids.add(ref.pk)
        self.instances.update(Household.objects.in_bulk(ids))

    def household(self, ref):
        """The model instance of a household reference (read on its own only if `load_households` did not)."""
        from balekdusun.campaigns.models import Household

        if isinstance(ref, Household):
            return ref
        if ref.pk not in self.instances:
            self.instances[ref.pk] = Household.objects.get(pk=ref.pk)
        return self.instances[ref.pk]

    def reload_visit(self, uuid) -> bool:
        row = Visit.objects.filter(uuid=uuid).values_list("content_hash", "pk", "village_id").first()
        if row is not None:
            self.existing_visits[uuid] = row
        return row is not None

    def __init__(self, user, households: list[_Parsed], visits: list[_Parsed], repeated: list[_Parsed] = ()):
        from balekdusun.campaigns.models import Household, Outreach

        self.user = user
        self.instances: dict = {}  # household id -> Household, for visits with effects
        # A visit later than this is from a phone with a wrong clock (read once: a batch takes well under a second).
        self.future_after = timezone.now() + FUTURE_TOLERANCE
        referring = visits + list(repeated)
        hh_uuids = {p.uuid for p in households} | {p.model.household_uuid for p in referring if p.model.household_uuid}
        self.receipts = _receipts({p.uuid for p in households})
        # Households as (pk, village_id, client_uuid) tuples: a batch names up to 500 and needs no more of them.
        self.hh_by_uuid = {h.client_uuid: h for h in map(_HouseholdRef._make, scoped(user, Household).filter(
            client_uuid__in=hh_uuids).order_by().values_list("id", "village_id", "client_uuid"))} if hh_uuids else {}
        # By id (most visits): one plain query, the jurisdiction checked per village as scoped() would.
        self.visible = visible = sees_area(user)
        self.hh_by_id = {row[0]: _HouseholdRef._make(row) for row in ingest.households(
            {p.model.household for p in referring if p.model.household}) if visible(row[1])}
        # uuid -> (content hash, id, village) of visits already stored
        self.existing_visits = ingest.stored(p.uuid for p in visits)
        # Outreach days and materials matter only to visits not stored yet (a retry of stored visits, the most
        # common push after a dropped connection, reads neither).
        fresh = [p for p in visits if p.uuid not in self.existing_visits]
        outreach_ids = {p.model.outreach for p in households + fresh if p.model.outreach}
        self.outreaches = {o.pk: o for o in scoped(user, Outreach).filter(pk__in=outreach_ids)
                           .select_related("campaign__office")} if outreach_ids else {}
        material_ids = {m.material_id for p in fresh for m in p.model.materials}
        self.materials = {}
        if material_ids:
            from balekdusun.materials.models import Material

            self.materials = Material.objects.in_bulk(material_ids)
        self.villages = {}
        codes = {p.model.village for p in households}
        if codes:
            from balekdusun.core.scoping import in_jurisdiction
            from balekdusun.regions.models import Area

            self.villages = {a.code: a for a in Area.objects.filter(code__in=codes, level=4)
                             if in_jurisdiction(user, a.code)}


def push(*, user, records: list[dict], device: dict | None = None) -> list[dict]:
    """Apply a batch of records from the field app; one result per record, in the order received."""
    results: list[Result | None] = [None] * len(records)
    households: list[_Parsed] = []
    visits: list[_Parsed] = []
    seen: dict[UUID, int] = {}
    repeated: list[_Parsed] = []  # second copies of a visit: their households are looked up with the others
    for i, rec in enumerate(records):
        if not isinstance(rec, dict):
            results[i] = Result("", "", INVALID, errors=[_err("", _("Must be an object."))])
            continue
        kind, raw_uuid, data = rec.get("type"), rec.get("uuid"), rec.get("data")
        try:
            # Text only: UUID(str(...)) would also read a 32-digit number as a UUID.
            if not isinstance(raw_uuid, str) or len(raw_uuid) > 64:
                raise ValueError
            uuid = UUID(raw_uuid)
        except ValueError:
            results[i] = Result(safe_text(raw_uuid, 64), safe_text(kind, 20), INVALID,
                                errors=[_err("uuid", _("Not a UUID."))])
            continue
        if kind not in (RecordKind.VISIT, RecordKind.HOUSEHOLD):
            results[i] = Result(str(uuid), safe_text(kind, 20), INVALID,
                                errors=[_err("type", _("Must be visit or household."))])
            continue
        if not isinstance(data, dict):
            results[i] = Result(str(uuid), kind, INVALID, errors=[_err("data", _("Must be an object."))])
            continue
        schema = VisitIn if kind == RecordKind.VISIT else HouseholdIn
        try:
            model = schema.model_validate(data)
        except ValidationError as exc:
            results[i] = Result(str(uuid), kind, INVALID, errors=_pydantic_errors(exc))
            continue
        problems = model.problems() if kind == RecordKind.VISIT else []
        if problems:
            results[i] = Result(str(uuid), kind, INVALID, errors=[_err(f, m) for f, m in problems])
            continue
        if uuid in seen:
            # The same record twice in one batch: answer it like a retry once the first one is applied.
            results[i] = ("repeat", seen[uuid])  # type: ignore[assignment]
            if kind == RecordKind.VISIT:
                repeated.append(_Parsed(i, kind, uuid, model, ""))
            continue
        seen[uuid] = i
        parsed = _Parsed(i, kind, uuid, model, content_hash(kind, model))
        (visits if kind == RecordKind.VISIT else households).append(parsed)

    batch = _Batch(user, households, visits, repeated)
    # Households first: a visit in the same batch may point at a household created offline.
    for p in households:
        results[p.index] = _apply_household(batch, p)
    with_effects, plain = [], []
    for p in visits:
        (with_effects if (p.model.materials or p.model.sticker_code or p.model.followups) else plain).append(p)
    for res in _apply_plain_visits(batch, plain):
        results[res[0]] = res[1]
    batch.load_households(with_effects)
    for p in with_effects:
        results[p.index] = _apply_visit(batch, p)

    out, new_conflicts = [], 0
    for i, res in enumerate(results):
        if isinstance(res, tuple):
            # A second copy in the same batch: a duplicate, or a conflict of its own when its content differs.
            res = _repeat_result(batch, records[i], results[res[1]])
        new_conflicts += res.new_conflict
        out.append(res.as_dict())
    counts = {}
    for r in out:
        counts[r["status"]] = counts.get(r["status"], 0) + 1
    visited_days = {p.model.outreach for p in visits if p.model.outreach and isinstance(results[p.index], Result)
                    and results[p.index].status == CREATED and _may_move(batch.outreaches.get(p.model.outreach))}
    if visited_days:
        from balekdusun.campaigns.services import outreach_visited

        outreach_visited(outreach_ids=visited_days, actor=user)
    # One audit entry per push that stored something; a pure replay leaves no trace.
    audited = bool(counts.get(CREATED) or new_conflicts)
    if audited:
        # The device's report and the audit entry in one write transaction (one turn at SQLite's write lock).
        with transaction.atomic():
            if device is not None:
                report_device(user=user, device=device, pushed=True)
            audit.log(user, "sync.pushed", None, new_conflicts=new_conflicts, **counts)
    elif device is not None:
        report_device(user=user, device=device, pushed=True)  # a replay: often nothing to write at all
    return out


def _may_move(outreach) -> bool:
    """Whether a stored visit can move its outreach day along (campaigns.services.settle_outreach_status moves only
    planned and in-progress days): most pushes are to a day already in progress and skip that check's queries."""
    from balekdusun.campaigns.models import OutreachStatus

    if outreach is None:
        return False
    return outreach.status == OutreachStatus.PLANNED or (
        outreach.status == OutreachStatus.IN_PROGRESS and outreach.date < timezone.localdate())


def _repeat_result(batch, rec: dict, first: Result) -> Result:
    try:
        schema = VisitIn if first.type == RecordKind.VISIT else HouseholdIn
        model = schema.model_validate(rec.get("data"))
    except (ValidationError, TypeError):
        return Result(first.uuid, first.type, INVALID, errors=[_err("uuid", _("Sent twice in one batch."))])
    if first.status == INVALID:
        return Result(first.uuid, first.type, INVALID, errors=first.errors)
    # Re-run the ordinary path: the first copy is stored now, so this gives duplicate or conflict.
    p = _Parsed(-1, first.type, UUID(first.uuid), model, content_hash(first.type, model))
    if first.type == RecordKind.VISIT:
        batch.reload_visit(p.uuid)
        return _apply_visit(batch, p)
    batch.receipts.update(_receipts([p.uuid]))
    return _apply_household(batch, p)


# --- households -----------------------------------------------------------------------------------------------

def _household_turf(batch: _Batch, m: HouseholdIn):
    """The turf a new household joins: the one the phone named, when it is in the user's jurisdiction, in the
    household's village and (when the record names one) on its outreach day. None otherwise."""
    from balekdusun.campaigns.models import Turf

    if m.turf is None:
        return None
    turf = scoped(batch.user, Turf).select_related("outreach").filter(pk=m.turf).first()
    if turf is None or turf.outreach.village_id != m.village or (m.outreach and turf.outreach_id != m.outreach):
        return None
    return turf


def _apply_household(batch: _Batch, p: _Parsed) -> Result:
    """A household created on a phone. It joins the walk list of the turf the phone named (at its cheapest place,
    campaigns.services.add_household_to_turf), so the coordinator's walk list and the other officers' pulls show
    it. A turf that cannot be used never loses the household: it is stored without a turf and flagged
    ``turf.unknown``."""
    from balekdusun.campaigns.services import add_household_to_turf, create_household

    m: HouseholdIn = p.model
    uid = str(p.uuid)
    receipt = batch.receipts.get(p.uuid)
    if receipt is not None and not batch.visible(receipt.village):
        return _foreign(p)
    village = batch.villages.get(m.village)
    if village is None:
        # Checked before duplicate and conflict: a version about a village outside the user's area is never kept.
        return Result(uid, p.kind, INVALID, errors=[_err("village", _("Unknown village, or outside your area."))])
    if receipt is not None:
        if receipt.content_hash == p.hash:
            return Result(uid, p.kind, DUPLICATE, id=receipt.household_id)
        return _conflict(batch, p, household_id=receipt.household_id, village_id=receipt.village)
    if m.outreach and m.outreach not in batch.outreaches:
        return Result(uid, p.kind, INVALID, errors=[_err("outreach", _("Unknown outreach day."))])
    fields = {k: getattr(m, k) for k in ("dusun", "rt", "rw", "address", "latitude", "longitude")}
    turf = _household_turf(batch, m)
    flags = [FLAG_TURF_UNKNOWN] if m.turf is not None and turf is None else []
    from balekdusun.reports import rollups

    try:
        with rollups.collected():
            household = create_household(village=village, actor=batch.user, client_uuid=p.uuid, **fields)
            HouseholdReceipt.objects.create(household=household, uuid=p.uuid, content_hash=p.hash,
                                            officer=batch.user)
            if turf is not None:
                add_household_to_turf(turf=turf, household=household, actor=batch.user)
            elif flags:
                audit.log(batch.user, "sync.household_turf_unknown", household, turf=m.turf)
    except DomainError as exc:
        if exc.code == "household.uuid_conflict":
            return _foreign(p)  # a household of this UUID exists elsewhere (made without the field app)
        return Result(uid, p.kind, INVALID, errors=[_err(exc.field or "", exc.message)])
    except IntegrityError:
        # Another request stored this UUID a moment ago: answer as a retry would be answered.
        receipt = _receipts([p.uuid]).get(p.uuid)
        if receipt is None:
            return Result(uid, p.kind, INVALID, errors=[_err("uuid", _("Already used by another record."))])
        batch.receipts[p.uuid] = receipt
        return _apply_household(batch, p)
    batch.hh_by_uuid[p.uuid] = household
    batch.receipts[p.uuid] = receipt = HouseholdReceipt(household=household, uuid=p.uuid, content_hash=p.hash)
    receipt.village = household.village_id
    return Result(uid, p.kind, CREATED, id=household.pk, flags=flags)


# --- visits ---------------------------------------------------------------------------------------------------

def _household_ref(batch: _Batch, p: _Parsed):
    """The household a visit names, if the user may see it (the batch's lookups are scoped), else None."""
    m: VisitIn = p.model
    if m.household is not None:
        return batch.hh_by_id.get(m.household)
    return batch.hh_by_uuid.get(m.household_uuid)


def _household_error(p: _Parsed) -> dict:
    return _err("household" if p.model.household is not None else "household_uuid",
                _("Unknown household, or outside your area."))


def _resolve_refs(batch: _Batch, p: _Parsed) -> tuple[object | None, object | None, list[dict]]:
    m: VisitIn = p.model
    household = _household_ref(batch, p)
    errors = []
    if household is None:
        errors.append(_household_error(p))
    outreach = None
    if m.outreach:
        outreach = batch.outreaches.get(m.outreach)
        if outreach is None:
            errors.append(_err("outreach", _("Unknown outreach day.")))
        elif household is not None and outreach.village_id != household.village_id:
            errors.append(_err("outreach", _("The household is not in this outreach day's village.")))
    for n, line in enumerate(m.materials):
        if line.material_id not in batch.materials:
            errors.append(_err(f"materials.{n}.material_id", _("Unknown material.")))
    # A mistyped sticker code is not refused: the visit is stored and flagged (materials' place_sticker).
    return household, outreach, errors


def _visit_data(batch: _Batch, p: _Parsed) -> dict:
    """Visit.data as stored: the form's answers, the sticker code normalised, and the flags known before any
    effect (a phone clock in the future)."""
    m: VisitIn = p.model
    data = m.data()
    if m.sticker_code:
        from balekdusun.materials import codes

        data["sticker_code"] = codes.normalize(m.sticker_code)
    flags = time_flags(m.visited_at, batch.outreaches.get(m.outreach) if m.outreach else None,
                       future_after=batch.future_after)
    if flags:
        # A phone with a wrong clock or date: stored as sent, flagged for the coordinator.
        data["flags"] = flags
    return data


def time_flags(visited_at, outreach, *, future_after) -> list[str]:
    """Flags about a visit's time: later than the server allows, or on a date before its outreach day."""
    flags = []
    if visited_at > future_after:
        flags.append(FLAG_FUTURE)
    if outreach is not None and timezone.localdate(visited_at) < outreach.date:
        flags.append(FLAG_BEFORE_DAY)
    return flags


def _new_visit(batch: _Batch, p: _Parsed, household, outreach) -> Visit:
    m: VisitIn = p.model
    # With the instances (not only their ids): the effects read the outreach day's office and the household from
    # them instead of querying them again.
    return Visit(uuid=p.uuid, household=household, village_id=household.village_id,
                 outreach=outreach, officer=batch.user, visited_at=m.visited_at,
                 outcome=m.outcome, latitude=m.latitude, longitude=m.longitude, data=_visit_data(batch, p),
                 content_hash=p.hash)


def _known_visit(batch: _Batch, p: _Parsed) -> Result | None:
    stored = batch.existing_visits.get(p.uuid)
    if stored is None:
        return None
    stored_hash, visit_id, village_id = stored
    # Only someone who may see the stored visit learns of it, and only about a household they may see: a foreign
    # UUID is never a duplicate or a conflict (no id, nothing in this office's conflict queue).
    if not batch.visible(village_id):
        return _foreign(p)
    if _household_ref(batch, p) is None:
        return Result(str(p.uuid), p.kind, INVALID, errors=[_household_error(p)])
    if stored_hash == p.hash:
        return Result(str(p.uuid), p.kind, DUPLICATE, id=visit_id)
    return _conflict(batch, p, visit_id=visit_id, village_id=village_id)


def _apply_plain_visits(batch: _Batch, parsed: list[_Parsed]):
    """Visits without side effects (no materials, sticker or follow-ups) are inserted with one multi-row statement
    per batch (visits/ingest.py) and counted in the rollups with one write; if the statement fails (a concurrent
    push of the same UUID), each visit falls back to its own savepoint."""
    from balekdusun.reports import rollups

    fresh = []
    for p in parsed:
        known = _known_visit(batch, p)
        if known is not None:
            yield p.index, known
            continue
        household, outreach, errors = _resolve_refs(batch, p)
        if errors:
            yield p.index, Result(str(p.uuid), p.kind, INVALID, errors=errors)
            continue
        fresh.append((p, household, outreach, _visit_data(batch, p)))
    if not fresh:
        return
    # Inserted in UUID order: two pushes of overlapping batches (a phone retrying while its first request still
    # runs) lock the UUIDs' index entries in the same order, so they queue instead of deadlocking.
    fresh.sort(key=lambda item: item[0].uuid)
    rows = ingest.Rows(timezone.now())
    for p, household, outreach, data in fresh:
        m: VisitIn = p.model
        rows.add(uuid=p.uuid, household_id=household.pk, village_id=household.village_id,
                 outreach_id=outreach.pk if outreach else None, officer_id=batch.user.pk, visited_at=m.visited_at,
                 outcome=m.outcome, latitude=m.latitude, longitude=m.longitude, data=data, content_hash=p.hash)
    try:
        with rollups.collected():
            # The households' first visits are read before the insert, so the batch need not be left out.
            rollups.lock_households({household.pk for _p, household, _o, _d in fresh})
            before = rollups.first_visits({household.pk for _p, household, _o, _d in fresh})
            ids = rows.insert()
            rollups.visits_recorded(
                [rollups.VisitFacts(pk, household.pk, household.village_id, p.model.visited_at, p.model.outcome, data)
                 for pk, (p, household, _o, data) in zip(ids, fresh, strict=True)], before=before)
    except DatabaseError:
        # A concurrent push stored one of these UUIDs, or the database gave up on a lock (deadlock):
        # nothing of the statement remains; apply the records one by one.
        for p, *_rest in fresh:
            batch.reload_visit(p.uuid)
            yield p.index, _apply_visit(batch, p)
        return
    for pk, (p, household, _o, data) in zip(ids, fresh, strict=True):
        batch.existing_visits[p.uuid] = (p.hash, pk, household.village_id)
        yield p.index, Result(str(p.uuid), p.kind, CREATED, id=pk, flags=data.get("flags", []))


def _apply_visit(batch: _Batch, p: _Parsed) -> Result:
    from balekdusun.reports import rollups

    known = _known_visit(batch, p)
    if known is not None:
        return known
    household, outreach, errors = _resolve_refs(batch, p)
    if errors:
        return Result(str(p.uuid), p.kind, INVALID, errors=errors)
    m: VisitIn = p.model
    household = batch.household(household)
    visit = _new_visit(batch, p, household, outreach)
    try:
        # Its effects' rollups (visit, stock, sticker, cases) are written once, sorted, as the last step.
        with rollups.collected():
            rollups.lock_households([household.pk])
            visit.save(force_insert=True)
            flags = list(dict.fromkeys(visit.data.get("flags", []) + _effects(batch, visit, m, household, outreach)))
            if flags:
                visit.data["flags"] = flags
                Visit.objects.filter(pk=visit.pk).update(data=visit.data)
            rollups.visit_recorded(visit)
    except IntegrityError:
        if not batch.reload_visit(p.uuid):
            log.exception("visit %s could not be stored", p.uuid)
            return Result(str(p.uuid), p.kind, INVALID, errors=[_err("", _("Could not be stored; will retry."))])
        return _known_visit(batch, p)
    except DomainError as exc:
        return Result(str(p.uuid), p.kind, INVALID, errors=[_err(exc.field or "", exc.message)])
    except Exception:  # noqa: BLE001 - one record's failure must not lose the others of its batch
        log.exception("visit %s failed in its effects", p.uuid)
        return Result(str(p.uuid), p.kind, INVALID,
                      errors=[_err("", _("The server could not apply this visit; it will be retried."))])
    batch.existing_visits[p.uuid] = (p.hash, visit.pk, visit.village_id)
    return Result(str(p.uuid), p.kind, CREATED, id=visit.pk, flags=visit.data.get("flags", []))


def _effects(batch: _Batch, visit: Visit, m: VisitIn, household, outreach) -> list[str]:
    """Materials handed out, the sticker placed, cases opened. Returns flags for the coordinator."""
    flags: list[str] = []
    if m.materials:
        from balekdusun.materials.services import record_handouts

        items = [(batch.materials[line.material_id], line.quantity) for line in m.materials]
        flags += record_handouts(visit=visit, items=items, officer=batch.user) or []
    if m.sticker_code:
        from balekdusun.materials.services import place_sticker

        flag = place_sticker(visit=visit, code=visit.data["sticker_code"], household=household)
        if flag:
            flags.append(flag)
    if m.followups:
        from balekdusun.cases.services import open_case

        office = followup_office(outreach, batch.user)
        if office is None:
            flags.append("cases.no_office")
        else:
            for fu in m.followups:
                open_case(office=office, kind=FOLLOWUP_CASE_KIND[fu.kind], source="visit", description=fu.note,
                          village=visit.village, household=household, visit=visit, actor=batch.user)
    return list(dict.fromkeys(flags))


def followup_office(outreach, officer):
    """The office a visit's follow-up cases belong to: the outreach day's campaign office, else the officer's."""
    return outreach.campaign.office if outreach is not None else officer.office


# --- conflicts ------------------------------------------------------------------------------------------------

def _conflict(batch: _Batch, p: _Parsed, *, visit_id=None, household_id=None, village_id) -> Result:
    """Store the other version aside once per distinct content; answer `conflict` every time it comes again."""
    try:
        with transaction.atomic():
            conflict, created = SyncConflict.objects.get_or_create(
                uuid=p.uuid, content_hash=p.hash,
                defaults={"kind": p.kind, "payload": canonical(p.model), "visit_id": visit_id,
                          "household_id": household_id, "village_id": village_id, "officer": batch.user})
    except IntegrityError:
        conflict, created = SyncConflict.objects.get(uuid=p.uuid, content_hash=p.hash), False
    return Result(str(p.uuid), p.kind, CONFLICT, id=visit_id or household_id,
                  errors=[_err("uuid", _("Already stored with other content; kept aside for the coordinator."))],
                  flags=[f"conflict:{conflict.pk}"], new_conflict=created)


# --- devices --------------------------------------------------------------------------------------------------

# (user id, device id, pushed, pulled) -> (what it reported, time.monotonic() of the write) of this process's last
# write of a device's report: the same report again within conf.DEVICE_REPORT_SECONDS is not written.
_last_reports: dict[tuple, tuple] = {}


def report_device(*, user, device: dict, pushed: bool = False, pulled: bool = False) -> None:
    """Remember what a device said about itself (pending records, errors) for the coordinator's status page.

    A report equal to the one this process wrote for the device less than `conf.DEVICE_REPORT_SECONDS` ago is
    skipped (one write transaction less per request of a phone that syncs each visit as it is saved); a changed
    count is always written."""
    device_id = str(device.get("id") or "")[:64]
    if not device_id:
        return
    now = timezone.now()
    values = {"reported_at": now, "app_version": str(device.get("app_version") or "")[:32]}
    for key in ("pending", "failing"):
        value = device.get(key)
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 2**31:
            values[key] = value
    said = (values["app_version"], values.get("pending"), values.get("failing"))
    slot = (user.pk, device_id, pushed, pulled)
    last = _last_reports.get(slot)
    tick = time.monotonic()
    if last is not None and last[0] == said and tick - last[1] < conf.DEVICE_REPORT_SECONDS:
        return
    if pushed:
        values["last_push_at"] = now
    if pulled:
        values["last_pull_at"] = now
    # One UPDATE for a known device (every push reports); created on its first report.
    if not DeviceStatus.objects.filter(user=user, device_id=device_id).update(**values):
        try:
            with transaction.atomic():
                DeviceStatus.objects.create(user=user, device_id=device_id, **values)
        except IntegrityError:  # its first two reports at once
            DeviceStatus.objects.filter(user=user, device_id=device_id).update(**values)
    if len(_last_reports) > 10_000:
        _last_reports.clear()
    _last_reports[slot] = (said, tick)
