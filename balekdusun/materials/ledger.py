"""Reading the stock ledger. Stock is always a sum over StockMove rows; nothing here writes.

Where a row moves stock (quantity q > 0 except for adjustments, which are signed, and the reversal of a hand-out
when a visit is corrected, a negative handed_out row naming the visit):

===========  =====================  ======================
kind         office (no outreach)   team (outreach set)
===========  =====================  ======================
received     +q                     —
issued       −q                     +q
handed_out   −q (no outreach)       −q
returned     +q                     −q
lost         −q (no outreach)       −q
adjustment   ±q (no outreach)       ±q
===========  =====================  ======================

The reconciliation of an outreach day uses the team column: issued − handed out − returned − lost
= unaccounted; adjustments are shown on their own, so team stock on hand = unaccounted + adjustments.

Stickers are accounted by their codes: a sticker placed on a house is a code placed by a visit (status placed,
`placed_by_visit`), whether or not the officer also listed a sticker as a material. So in the reconciliation a
sticker-kind material's "handed out" is its hand-out rows plus the codes placed by the day's visits that listed no
sticker-kind material (`by_code`): a visit that did both counts once.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Case, Count, F, IntegerField, Q, Sum, Value, When

from balekdusun.materials.models import MaterialKind, MoveKind, Sticker, StickerStatus, StockMove

_OFFICE = Case(
    When(kind=MoveKind.RECEIVED, then=F("quantity")),
    When(kind=MoveKind.ISSUED, then=-F("quantity")),
    When(kind=MoveKind.RETURNED, then=F("quantity")),
    When(Q(outreach__isnull=True) & Q(kind__in=[MoveKind.LOST, MoveKind.HANDED_OUT]), then=-F("quantity")),
    When(Q(outreach__isnull=True) & Q(kind=MoveKind.ADJUSTMENT), then=F("quantity")),
    default=Value(0),
    output_field=IntegerField(),
)

_TEAM = Case(
    When(kind=MoveKind.ISSUED, then=F("quantity")),
    When(kind__in=[MoveKind.HANDED_OUT, MoveKind.RETURNED, MoveKind.LOST], then=-F("quantity")),
    When(kind=MoveKind.ADJUSTMENT, then=F("quantity")),
    default=Value(0),
    output_field=IntegerField(),
)


def _sum_by_material(qs, expr) -> dict[int, int]:
    rows = qs.values("material_id").annotate(n=Sum(expr)).order_by()
    return {r["material_id"]: int(r["n"] or 0) for r in rows}


def office_stock(office) -> dict[int, int]:
    """{material_id: quantity on the office's shelf}."""
    return _sum_by_material(StockMove.objects.filter(office=office), _OFFICE)


def office_stock_of(office, material) -> int:
    value = StockMove.objects.filter(office=office, material=material).aggregate(n=Sum(_OFFICE))["n"]
    return int(value or 0)


def team_stock(outreach, officer=None) -> dict[int, int]:
    """{material_id: quantity the outreach team (or one officer of it) holds}."""
    qs = StockMove.objects.filter(outreach=outreach)
    if officer is not None:
        qs = qs.filter(officer=officer)
    return _sum_by_material(qs, _TEAM)


def team_stock_of(outreach, material) -> int:
    value = StockMove.objects.filter(outreach=outreach, material=material).aggregate(n=Sum(_TEAM))["n"]
    return int(value or 0)


def office_stock_table(moves_qs) -> list[dict]:
    """Office shelf stock per (office, material) over a queryset of moves (already scoped), non-zero only."""
    rows = (moves_qs.values("office_id", "material_id").annotate(n=Sum(_OFFICE))
            .order_by("office_id", "material_id"))
    return [r for r in rows if r["n"]]


def teams_stock(moves_qs) -> list[dict]:
    """Team stock per (outreach, material) over a queryset of moves (already scoped), non-zero only."""
    rows = (moves_qs.filter(outreach__isnull=False).values("outreach_id", "material_id")
            .annotate(n=Sum(_TEAM)).order_by("outreach_id", "material_id"))
    return [r for r in rows if r["n"]]


@dataclass
class ReconRow:
    material_id: int
    officer_id: int | None
    issued: int = 0
    handed_out: int = 0
    returned: int = 0
    lost: int = 0
    adjusted: int = 0
    by_code: int = 0  # stickers counted as handed out from their codes placed (included in handed_out)

    @property
    def unaccounted(self) -> int:
        return self.issued - self.handed_out - self.returned - self.lost

    @property
    def on_hand(self) -> int:
        return self.unaccounted + self.adjusted

    @property
    def discrepancy(self) -> bool:
        return self.unaccounted != 0 or self.adjusted != 0

    def as_dict(self) -> dict:
        out = {"material_id": self.material_id, "officer_id": self.officer_id, "issued": self.issued,
               "handed_out": self.handed_out, "returned": self.returned, "lost": self.lost,
               "adjusted": self.adjusted, "unaccounted": self.unaccounted}
        if self.by_code:
            # Only when there is one, so the snapshots signed before codes were counted still compare equal.
            out["by_code"] = self.by_code
        return out


@dataclass
class Reconciliation:
    by_officer: list[ReconRow] = field(default_factory=list)  # one row per (material, officer)
    by_material: list[ReconRow] = field(default_factory=list)  # totals per material (officer_id None)
    codes: dict = field(default_factory=dict)  # the day's sticker codes by status (`sticker_codes`)

    @property
    def unaccounted(self) -> int:
        return sum(r.unaccounted for r in self.by_material)

    @property
    def has_discrepancy(self) -> bool:
        return any(r.discrepancy for r in self.by_material) or any(r.unaccounted for r in self.by_officer)


_FIELD = {MoveKind.ISSUED: "issued", MoveKind.HANDED_OUT: "handed_out", MoveKind.RETURNED: "returned",
          MoveKind.LOST: "lost", MoveKind.ADJUSTMENT: "adjusted"}


def reconcile(outreach) -> Reconciliation:
    """Issued − handed out − returned − lost = unaccounted, per material and per officer of one outreach."""
    rows = (StockMove.objects.filter(outreach=outreach).values("material_id", "officer_id", "kind")
            .annotate(n=Sum("quantity")).order_by())
    per_officer: dict[tuple, ReconRow] = {}
    per_material: dict[int, ReconRow] = {}
    for r in rows:
        attr = _FIELD.get(r["kind"])
        if attr is None:
            continue
        key = (r["material_id"], r["officer_id"])
        row = per_officer.setdefault(key, ReconRow(r["material_id"], r["officer_id"]))
        setattr(row, attr, getattr(row, attr) + int(r["n"]))
        total = per_material.setdefault(r["material_id"], ReconRow(r["material_id"], None))
        setattr(total, attr, getattr(total, attr) + int(r["n"]))
    _count_placed_codes(outreach, per_officer, per_material)
    return Reconciliation(
        by_officer=sorted(per_officer.values(), key=lambda x: (x.material_id, x.officer_id or 0)),
        by_material=sorted(per_material.values(), key=lambda x: x.material_id),
        codes=sticker_codes(outreach),
    )


def _count_placed_codes(outreach, per_officer: dict, per_material: dict) -> None:
    """Add the stickers placed by code at the day's visits to the hand-outs of the sticker-kind material the team
    was issued (the officer's own, else the one the team got most of). Visits that listed a sticker-kind material
    are already counted by their hand-out rows. Without any sticker-kind material issued, the stickers are
    accounted by their codes alone (`Reconciliation.codes`)."""
    from balekdusun.materials.models import Material

    stickers = set(Material.objects.filter(pk__in=per_material, kind=MaterialKind.STICKER).values_list("pk", flat=True))
    issued = {k: r.issued for k, r in per_officer.items() if k[0] in stickers and r.issued > 0}
    if not issued:
        return
    listed = (StockMove.objects.filter(outreach=outreach, kind=MoveKind.HANDED_OUT, material_id__in=stickers,
                                       visit__isnull=False)
              .values("visit_id").annotate(n=Sum("quantity")).filter(n__gt=0).values("visit_id"))
    placed = (Sticker.objects.filter(status=StickerStatus.PLACED, placed_by_visit__outreach=outreach)
              .exclude(placed_by_visit_id__in=listed)
              .values("placed_by_visit__officer_id").annotate(n=Count("pk")).order_by())
    team_most = max(stickers & {m for m, _o in issued}, key=lambda m: (per_material[m].issued, -m))
    for r in placed:
        officer = r["placed_by_visit__officer_id"]
        own = sorted((n, -m) for (m, o), n in issued.items() if o == officer)
        material = -own[-1][1] if own else team_most
        for row in (per_officer.setdefault((material, officer), ReconRow(material, officer)), per_material[material]):
            row.handed_out += r["n"]
            row.by_code += r["n"]


def sticker_codes(outreach) -> dict:
    """The sticker codes of one outreach day: issued to it, by status now, and placed at its visits."""
    by_status = dict(Sticker.objects.filter(outreach=outreach).values_list("status").annotate(n=Count("pk"))
                     .values_list("status", "n").order_by())
    return {"issued": sum(by_status.values()), "placed": by_status.get(StickerStatus.PLACED, 0),
            "void": by_status.get(StickerStatus.VOID, 0), "with_team": by_status.get(StickerStatus.ISSUED, 0),
            "placed_at_visits": Sticker.objects.filter(status=StickerStatus.PLACED,
                                                        placed_by_visit__outreach=outreach).count()}


def sums_by_kind(moves_qs) -> dict[str, int]:
    out: dict[str, int] = defaultdict(int)
    for r in moves_qs.values("kind").annotate(n=Sum("quantity")).order_by():
        out[r["kind"]] += int(r["n"] or 0)
    return dict(out)
