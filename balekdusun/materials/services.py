"""Materials and stickers: every write goes through one of these functions.

Staff operations (receive, issue, return, loss, adjustment, batches, void, sign-off) raise `DomainError` with a
code and the offending field. The field-facing contract functions (`record_handouts`, `place_sticker`,
`record_scan`) never raise for problems the field can cause: they return flags, and they run inside the caller's
transaction.
"""

from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from balekdusun.core import audit
from balekdusun.core.models import Office
from balekdusun.core.services import DomainError
from balekdusun.materials import codes, ledger
from balekdusun.materials.models import (
    Material,
    MoveKind,
    Reconciliation,
    Sticker,
    StickerBatch,
    StickerConflict,
    StickerScan,
    StickerStatus,
    StockMove,
)
from balekdusun.reports import rollups

MAX_BATCH = 100_000  # per request; the bench drives `insert_codes` directly for bigger runs
FLAG_OVER_ISSUED = "materials.over_issued"
FLAG_STICKER_INVALID = "sticker.invalid_code"
FLAG_STICKER_UNKNOWN = "sticker.unknown"
FLAG_STICKER_VOID = "sticker.void"
FLAG_STICKER_OTHER_OFFICE = "sticker.other_office"
FLAG_STICKER_ALREADY_PLACED = "sticker.already_placed"


# --- stock ledger ------------------------------------------------------------------------------------------------

def _office_of(outreach) -> Office:
    return outreach.campaign.office


def _lock_office(office) -> None:
    # FOR NO KEY UPDATE: it does not wait for (nor make wait) the KEY SHARE locks that inserts referring to the
    # office take, so a transaction that inserted such a row before locking cannot deadlock with another.
    Office.objects.select_for_update(no_key=True).filter(pk=office.pk).first()


def _lock_outreach(outreach) -> None:
    from balekdusun.campaigns.models import Outreach

    # FOR NO KEY UPDATE: the visit being booked was just inserted and holds a KEY SHARE lock on its outreach day;
    # a plain FOR UPDATE would wait for every other visit of the day in flight, and two of them for each other.
    Outreach.objects.select_for_update(no_key=True).filter(pk=outreach.pk).first()


def _check_quantity(quantity) -> int:
    if not isinstance(quantity, int) or isinstance(quantity, bool) or quantity < 1:
        raise DomainError("stock.bad_quantity", _("Enter a whole number of at least 1."), field="quantity")
    if quantity > 10_000_000:
        raise DomainError("stock.bad_quantity", _("That quantity is not plausible."), field="quantity")
    return quantity


def _check_open(outreach) -> None:
    if Reconciliation.objects.filter(outreach=outreach).exists():
        raise DomainError("stock.outreach_signed_off",
                          _("The stock of this outreach day has been signed off; record an adjustment instead."),
                          field="outreach")


def _check_officer(outreach, officer) -> None:
    if officer is None:
        raise DomainError("stock.officer_required", _("Choose the officer who takes the stock."), field="officer")
    if officer.office_id != _office_of(outreach).pk:
        raise DomainError("stock.officer_other_office", _("This officer belongs to another office."),
                          field="officer")


def _write(move: StockMove, *, actor=None, action: str | None = None) -> StockMove:
    move.save()
    rollups.stock_moved(move)
    if action:
        audit.log(actor, action, move, office=move.office, area_code=(move.outreach.village_id if move.outreach_id
                                                                       else ""),
                  material=move.material_id, quantity=move.quantity, kind=move.kind)
    return move


def receive_stock(*, office, material: Material, quantity: int, actor, reason: str = "") -> StockMove:
    """A print run delivered to the office."""
    _check_quantity(quantity)
    if not material.active:
        raise DomainError("stock.material_retired", _("This material is retired."), field="material")
    with transaction.atomic():
        return _write(StockMove(office=office, material=material, kind=MoveKind.RECEIVED, quantity=quantity,
                                reason=reason, created_by=actor), actor=actor, action="stock.received")


def issue_stock(*, outreach, material: Material, quantity: int, officer, actor) -> StockMove:
    """Stock leaves the office shelf with one officer of an outreach team."""
    _check_quantity(quantity)
    office = _office_of(outreach)
    _check_officer(outreach, officer)
    if not material.active:
        raise DomainError("stock.material_retired", _("This material is retired."), field="material")
    with transaction.atomic():
        _lock_office(office)
        _check_open(outreach)
        available = ledger.office_stock_of(office, material)
        if quantity > available:
            raise DomainError("stock.insufficient", _("Only %(n)s in stock at the office.") % {"n": available},
                              field="quantity")
        return _write(StockMove(office=office, material=material, kind=MoveKind.ISSUED, quantity=quantity,
                                outreach=outreach, officer=officer, created_by=actor),
                      actor=actor, action="stock.issued")


def return_stock(*, outreach, material: Material, quantity: int, officer, actor) -> StockMove:
    """What a team brings back after the day goes back on the office shelf."""
    _check_quantity(quantity)
    office = _office_of(outreach)
    _check_officer(outreach, officer)
    with transaction.atomic():
        _lock_outreach(outreach)
        _check_open(outreach)
        available = ledger.team_stock_of(outreach, material)
        if quantity > available:
            raise DomainError("stock.insufficient", _("The team holds only %(n)s.") % {"n": available},
                              field="quantity")
        return _write(StockMove(office=office, material=material, kind=MoveKind.RETURNED, quantity=quantity,
                                outreach=outreach, officer=officer, created_by=actor),
                      actor=actor, action="stock.returned")


def record_loss(*, office, material: Material, quantity: int, reason: str, actor, outreach=None,
                officer=None) -> StockMove:
    """Lost or damaged, at the office (no outreach) or with a team."""
    _check_quantity(quantity)
    if not (reason or "").strip():
        raise DomainError("stock.reason_required", _("Say what happened."), field="reason")
    with transaction.atomic():
        if outreach is not None:
            office = _office_of(outreach)
            if officer is not None:
                _check_officer(outreach, officer)
            _lock_outreach(outreach)
            _check_open(outreach)
            available = ledger.team_stock_of(outreach, material)
        else:
            _lock_office(office)
            available = ledger.office_stock_of(office, material)
        if quantity > available:
            raise DomainError("stock.insufficient", _("Only %(n)s in stock there.") % {"n": available},
                              field="quantity")
        return _write(StockMove(office=office, material=material, kind=MoveKind.LOST, quantity=quantity,
                                outreach=outreach, officer=officer, reason=reason.strip(), created_by=actor),
                      actor=actor, action="stock.lost")


def adjust_stock(*, office, material: Material, quantity: int, reason: str, actor, outreach=None,
                 officer=None) -> StockMove:
    """A counted correction (signed). The only move that may add stock besides a print run; never below zero."""
    if not isinstance(quantity, int) or isinstance(quantity, bool) or quantity == 0 or abs(quantity) > 10_000_000:
        raise DomainError("stock.bad_quantity", _("Enter a non-zero whole number (negative to reduce)."),
                          field="quantity")
    if not (reason or "").strip():
        raise DomainError("stock.reason_required", _("An adjustment needs a reason."), field="reason")
    with transaction.atomic():
        if outreach is not None:
            office = _office_of(outreach)
            if officer is not None:
                _check_officer(outreach, officer)
            _lock_outreach(outreach)
            available = ledger.team_stock_of(outreach, material)
        else:
            _lock_office(office)
            available = ledger.office_stock_of(office, material)
        if available + quantity < 0:
            raise DomainError("stock.insufficient",
                              _("That would leave %(n)s in stock; stock cannot go below zero.")
                              % {"n": available + quantity}, field="quantity")
        return _write(StockMove(office=office, material=material, kind=MoveKind.ADJUSTMENT, quantity=quantity,
                                outreach=outreach, officer=officer, reason=reason.strip(), created_by=actor),
                      actor=actor, action="stock.adjusted")


def record_handouts(*, visit, items, officer) -> list[str]:
    """Contract (field/visits): book what was handed out at `visit`. Returns flags, never raises for field data.

    Each item is (Material, quantity). Stock comes from the visit's outreach team (or the office when the visit
    belongs to no outreach). When the team holds less than was handed out, the shortfall is booked first as an
    automatic adjustment with a reason naming the visit, so stock never goes below zero, and the visit is
    flagged ``materials.over_issued`` (the reconciliation shows it as a discrepancy). A visit already booked
    is not booked twice.
    """
    if StockMove.objects.filter(visit=visit, kind=MoveKind.HANDED_OUT).exists():
        return []
    outreach = visit.outreach
    office = _office_of(outreach) if outreach is not None else (officer.office if officer.office_id else None)
    if office is None:
        return ["materials.no_office"]
    flags: list[str] = []
    merged: dict[int, list] = {}
    for material, quantity in items:
        if not isinstance(quantity, int) or isinstance(quantity, bool) or quantity < 1:
            if "materials.bad_quantity" not in flags:
                flags.append("materials.bad_quantity")
            continue
        merged.setdefault(material.pk, [material, 0])[1] += quantity
    if not merged:
        return flags
    with transaction.atomic():
        _book_handouts(visit, outreach, office, officer, merged.values(), flags)
    return flags


def _book_handouts(visit, outreach, office, officer, items, flags) -> None:
    if outreach is not None:
        _lock_outreach(outreach)
    else:
        _lock_office(office)
    for material, quantity in items:
        available = (ledger.team_stock_of(outreach, material) if outreach is not None
                     else ledger.office_stock_of(office, material))
        shortfall = quantity - max(available, 0)
        if shortfall > 0:
            _write(StockMove(office=office, material=material, kind=MoveKind.ADJUSTMENT, quantity=shortfall,
                             outreach=outreach, officer=officer, visit=visit, created_at=visit.visited_at,
                             reason=f"{FLAG_OVER_ISSUED}: handed out beyond stock at visit {visit.uuid}"))
            if FLAG_OVER_ISSUED not in flags:
                flags.append(FLAG_OVER_ISSUED)
        _write(StockMove(office=office, material=material, kind=MoveKind.HANDED_OUT, quantity=quantity,
                         outreach=outreach, officer=officer, visit=visit, created_at=visit.visited_at))


def correct_handouts(*, visit, items, officer, actor, reason: str) -> list[str]:
    """Contract (visits): the hand-outs of `visit` are now `items` [(Material, quantity)] (its answers were
    replaced, e.g. a sync conflict resolved with the incoming version). Returns flags like `record_handouts`.

    The ledger is append-only, so the difference is booked, per material: a hand-out row for more, a reversal (a
    negative hand-out naming the visit, with `reason`) for less. Rows booked at another time than the visit's
    (its time was corrected) are reversed at their time and booked again at the new one, so the dashboards count
    them in the right week. The automatic over-issue adjustment is redone the same way: it becomes what the team
    would have been short had the visit been booked like this in the first place.
    """
    if not (reason or "").strip():
        raise DomainError("stock.reason_required", _("A correction needs a reason."), field="reason")
    outreach = visit.outreach
    office = _office_of(outreach) if outreach is not None else (officer.office if officer.office_id else None)
    if office is None:
        return ["materials.no_office"]
    wanted: dict[int, int] = {}
    catalogue: dict[int, Material] = {}
    for material, quantity in items:
        _check_quantity(quantity)
        wanted[material.pk] = wanted.get(material.pk, 0) + quantity
        catalogue[material.pk] = material
    flags: list[str] = []
    with transaction.atomic():
        if outreach is not None:
            _lock_outreach(outreach)
        else:
            _lock_office(office)
        booked: dict[tuple[int, object], int] = {}
        adjusted: dict[int, int] = {}
        for move in StockMove.objects.filter(visit=visit, kind__in=[MoveKind.HANDED_OUT, MoveKind.ADJUSTMENT]):
            if move.kind == MoveKind.HANDED_OUT:
                booked[(move.material_id, move.created_at)] = booked.get((move.material_id, move.created_at), 0) \
                    + move.quantity
            else:
                adjusted[move.material_id] = adjusted.get(move.material_id, 0) + move.quantity
        missing = {m for m, _when in booked} - set(catalogue)
        catalogue.update(Material.objects.in_bulk(missing))

        def write(material, kind, quantity, when, why=""):
            _write(StockMove(office=office, material=material, kind=kind, quantity=quantity, outreach=outreach,
                             officer=officer, visit=visit, reason=why[:255], created_by=actor, created_at=when))

        for material_id in sorted(set(wanted) | {m for m, _when in booked}):
            material, want = catalogue[material_id], wanted.get(material_id, 0)
            handed = sum(n for (m, _when), n in booked.items() if m == material_id)
            # What the team (or office) would hold had this visit booked nothing at all.
            available = (ledger.team_stock_of(outreach, material) if outreach is not None
                         else ledger.office_stock_of(office, material)) + handed - adjusted.get(material_id, 0)
            shortfall = max(0, want - max(available, 0))
            if shortfall != adjusted.get(material_id, 0):
                write(material, MoveKind.ADJUSTMENT, shortfall - adjusted.get(material_id, 0), visit.visited_at,
                      f"{FLAG_OVER_ISSUED}: {reason}")
            if shortfall and FLAG_OVER_ISSUED not in flags:
                flags.append(FLAG_OVER_ISSUED)
            for (m, when), net in sorted(booked.items(), key=lambda kv: kv[0][1]):
                keep = want if m == material_id and when == visit.visited_at else 0
                if m == material_id and net > keep:
                    write(material, MoveKind.HANDED_OUT, keep - net, when, reason)
            at_new_time = booked.get((material_id, visit.visited_at), 0)
            if want > at_new_time:
                write(material, MoveKind.HANDED_OUT, want - at_new_time, visit.visited_at)
    return flags


def issued_stock(*, outreach, officer=None) -> dict[int, int]:
    """Contract (field): {material_id: quantity} the outreach team (or one officer of it) holds now.

    Team totals are never negative. One officer's figure can be, when a colleague's stock was shared.
    """
    return {k: v for k, v in ledger.team_stock(outreach, officer).items() if v}


def sign_off(*, outreach, actor, note: str = "") -> Reconciliation:
    """The coordinator signs the day's reconciliation; the figures are kept as they were.

    A day with a discrepancy (anything unaccounted or adjusted) is signed only with a note explaining it: the
    sign-off cannot be undone, so the explanation is the only record of why the gap was accepted."""
    with transaction.atomic():
        _lock_outreach(outreach)
        if Reconciliation.objects.filter(outreach=outreach).exists():
            raise DomainError("reconciliation.already_signed", _("This outreach day is already signed off."))
        recon = ledger.reconcile(outreach)
        if recon.has_discrepancy and not note.strip():
            raise DomainError("reconciliation.note_required",
                              _("There are discrepancies: explain them in the note before signing off."),
                              field="note")
        snapshot = {"by_material": [r.as_dict() for r in recon.by_material],
                    "by_officer": [r.as_dict() for r in recon.by_officer],
                    "unaccounted": recon.unaccounted}
        signed = Reconciliation.objects.create(outreach=outreach, signed_by=actor, note=note.strip(),
                                               snapshot=snapshot)
        audit.log(actor, "stock.reconciliation_signed", signed, office=_office_of(outreach),
                  area_code=outreach.village_id, unaccounted=recon.unaccounted, note=note.strip())
    return signed


# --- stickers ----------------------------------------------------------------------------------------------------

def insert_codes(*, batch: StickerBatch, n: int, chunk: int = 5000) -> int:
    """Add `n` new codes to `batch`, unique across the country (checked against the database per chunk).

    Runs inside the caller's transaction. Rows are written with one `executemany` per chunk rather than
    `bulk_create`: at a million codes the model instances cost more than the database. The unique index on
    Sticker.code is the last word: a concurrent batch that took the same code makes the insert fail, and
    `create_batch` retries.
    """
    table = connection.ops.quote_name(Sticker._meta.db_table)
    insert = (f"INSERT INTO {table} (code, batch_id, office_id, status, void_reason) "
              "VALUES (%s, %s, %s, %s, %s)")
    made = 0
    with connection.cursor() as cursor:
        while made < n:
            want = min(chunk, n - made)
            fresh = codes.generate(want)
            taken = set(Sticker.objects.filter(code__in=fresh).values_list("code", flat=True))
            rows = [(c, batch.pk, batch.office_id, StickerStatus.PRINTED.value, "") for c in fresh if c not in taken]
            cursor.executemany(insert, rows)
            made += len(rows)
    return made


def create_batch(*, office, size: int, actor, label: str = "") -> StickerBatch:
    if not isinstance(size, int) or isinstance(size, bool) or not 1 <= size <= MAX_BATCH:
        raise DomainError("stickers.bad_size", _("Enter a number from 1 to %(max)s.") % {"max": MAX_BATCH},
                          field="size")
    for attempt in range(3):
        try:
            with transaction.atomic():
                batch = StickerBatch.objects.create(office=office, size=size, label=label.strip(),
                                                    created_by=actor)
                insert_codes(batch=batch, n=size)
                audit.log(actor, "stickers.batch_created", batch, office=office, size=size)
            return batch
        except IntegrityError:
            # Another batch took one of our codes between the check and the insert; draw again.
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def issue_stickers(*, batch: StickerBatch, outreach, count: int, actor) -> int:
    """Hand the next `count` printed stickers of a batch (in print order) to an outreach team."""
    if not isinstance(count, int) or isinstance(count, bool) or count < 1:
        raise DomainError("stickers.bad_count", _("Enter a whole number of at least 1."), field="count")
    if _office_of(outreach).pk != batch.office_id:
        raise DomainError("stickers.other_office", _("The outreach belongs to another office."), field="outreach")
    with transaction.atomic():
        ids = list(Sticker.objects.select_for_update().filter(batch=batch, status=StickerStatus.PRINTED)
                   .order_by("id").values_list("id", flat=True)[:count])
        if len(ids) < count:
            raise DomainError("stickers.insufficient",
                              _("Only %(n)s printed stickers left in this batch.") % {"n": len(ids)}, field="count")
        Sticker.objects.filter(id__in=ids).update(status=StickerStatus.ISSUED, outreach=outreach)
        audit.log(actor, "stickers.issued", batch, office=batch.office, area_code=outreach.village_id,
                  outreach=outreach.pk, count=count)
    return count


def void_sticker(*, sticker: Sticker, reason: str, actor) -> Sticker:
    if not (reason or "").strip():
        raise DomainError("stickers.reason_required", _("Say why the sticker is void."), field="reason")
    with transaction.atomic():
        sticker = Sticker.objects.select_for_update().get(pk=sticker.pk)
        if sticker.status == StickerStatus.VOID:
            raise DomainError("stickers.already_void", _("This sticker is already void."))
        old = sticker.status
        sticker.status = StickerStatus.VOID
        sticker.void_reason = reason.strip()
        sticker.voided_at = timezone.now()
        sticker.save(update_fields=["status", "void_reason", "voided_at"])
        audit.log(actor, "stickers.voided", sticker, office=sticker.office, reason=sticker.void_reason,
                  old_status=old)
        rollups.sticker_voided(sticker, old_status=old)
    return sticker


def place_sticker(*, visit, code: str, household) -> str | None:
    """Contract (field/visits): the sticker `code` was put on `household` at `visit`. Returns a flag or None.

    A placed sticker is never moved: reported on another house it is flagged ``sticker.already_placed`` and
    listed for the coordinators (StickerConflict). Reporting the same house again is not a problem.
    """
    normal = codes.normalize(code)
    if not codes.is_valid(normal):
        return FLAG_STICKER_INVALID
    with transaction.atomic():
        return _place(visit, normal, household)


def _place(visit, normal: str, household) -> str | None:
    # Only the sticker's row (of=self): FOR UPDATE on the joined office row would wait for every insert naming
    # the office (stock moves, cases, audit entries) in flight, and deadlocked concurrent pushes.
    sticker = (Sticker.objects.select_for_update(of=("self",), no_key=True).select_related("office")
               .filter(code=normal).first())
    if sticker is None:
        return FLAG_STICKER_UNKNOWN
    if sticker.status == StickerStatus.VOID:
        return FLAG_STICKER_VOID
    if not sticker.office.covers(household.village_id):
        return FLAG_STICKER_OTHER_OFFICE
    if sticker.status == StickerStatus.PLACED:
        if sticker.household_id == household.pk:
            return None
        StickerConflict.objects.get_or_create(sticker=sticker, visit=visit, defaults={"household": household})
        return FLAG_STICKER_ALREADY_PLACED
    sticker.status = StickerStatus.PLACED
    sticker.household = household
    sticker.placed_by_visit = visit
    sticker.placed_at = visit.visited_at
    if sticker.outreach_id is None and visit.outreach_id is not None:
        sticker.outreach_id = visit.outreach_id
    sticker.save(update_fields=["status", "household", "placed_by_visit", "placed_at", "outreach"])
    rollups.sticker_placed(sticker)
    return None


def find_sticker(code: str) -> Sticker | None:
    """Contract (portal): the sticker a typed or scanned code names, with its office and village; None for
    unknown or void codes. Records nothing (a visitor opening the page again the same day)."""
    normal = codes.normalize(code)
    if not codes.is_valid(normal):
        return None
    sticker = (Sticker.objects.select_related("office", "household", "household__village")
               .filter(code=normal).first())
    if sticker is None or sticker.status == StickerStatus.VOID:
        return None
    return sticker


def record_scan(code: str) -> Sticker | None:
    """Contract (portal): someone opened /s/<code> for the first time today. Stores time and code only; None for
    unknown or void codes."""
    sticker = find_sticker(code)
    if sticker is None:
        return None
    scan = StickerScan.objects.create(sticker=sticker, code=sticker.code)
    rollups.sticker_scanned(scan)
    return sticker


def resolve_conflict(*, conflict: StickerConflict, resolution: str, actor) -> StickerConflict:
    if not (resolution or "").strip():
        raise DomainError("stickers.resolution_required", _("Say what was done."), field="resolution")
    with transaction.atomic():
        conflict = StickerConflict.objects.select_for_update().get(pk=conflict.pk)
        if conflict.resolved_at:
            raise DomainError("stickers.already_resolved", _("This conflict is already resolved."))
        conflict.resolved_at = timezone.now()
        conflict.resolved_by = actor
        conflict.resolution = resolution.strip()
        conflict.save(update_fields=["resolved_at", "resolved_by", "resolution"])
        audit.log(actor, "stickers.conflict_resolved", conflict, office=conflict.sticker.office,
                  area_code=conflict.household.village_id, resolution=conflict.resolution)
    return conflict
