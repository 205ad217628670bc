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
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Case, F, IntegerField, Q, Sum, Value, When

from balekdusun.materials.models import MoveKind, StockMove

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
        return {"material_id": self.material_id, "officer_id": self.officer_id, "issued": self.issued,
                "handed_out": self.handed_out, "returned": self.returned, "lost": self.lost,
                "adjusted": self.adjusted, "unaccounted": self.unaccounted}


@dataclass
class Reconciliation:
    by_officer: list[ReconRow] = field(default_factory=list)  # one row per (material, officer)
    by_material: list[ReconRow] = field(default_factory=list)  # totals per material (officer_id None)

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
    return Reconciliation(
        by_officer=sorted(per_officer.values(), key=lambda x: (x.material_id, x.officer_id or 0)),
        by_material=sorted(per_material.values(), key=lambda x: x.material_id),
    )


def sums_by_kind(moves_qs) -> dict[str, int]:
    out: dict[str, int] = defaultdict(int)
    for r in moves_qs.values("kind").annotate(n=Sum("quantity")).order_by():
        out[r["kind"]] += int(r["n"] or 0)
    return dict(out)
