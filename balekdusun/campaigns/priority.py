"""Village priority: which villages first, and why. Every component is shown so a coordinator can defend a choice.

Components (each scaled to 0..1 over the villages compared, then weighted by the admin-editable PriorityWeight
rows; the score is the weighted mean x 100):

* origin: placements + non-procedural departures from MigrationStat. Village rows count fully; district and
  regency rows are spread evenly over their villages (province rows do not tell villages apart and are ignored).
* migrant_households: households with someone abroad or a returnee, as found by visits.
* cases: open cases in the village, with illegal-recruiter reports counted twice.
* unreached: share of registered households without any visit (1.0 when none are registered yet).
* recency: days since the last outreach day held there (its date has come, or its visits are in), capped at a
  year (1.0 when there never was one). The next day planned is shown beside it, and the list offers no "Plan
  outreach" for a village that has one.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Exists, Max, OuterRef, Q, Sum
from django.utils import timezone

from balekdusun.campaigns.models import (
    Household,
    MigrationStat,
    Outreach,
    PlanningArea,
    PriorityComponent,
    PriorityWeight,
)
from balekdusun.core.scoping import area_q, scoped

DEFAULT_WEIGHTS = {
    PriorityComponent.ORIGIN: Decimal("3"),
    PriorityComponent.MIGRANT_HOUSEHOLDS: Decimal("2"),
    PriorityComponent.CASES: Decimal("2"),
    PriorityComponent.UNREACHED: Decimal("1"),
    PriorityComponent.RECENCY: Decimal("1"),
}
RECENCY_CAP_DAYS = 365


def weights() -> dict[str, float]:
    """Current weights; components without a row use the default (and get a row, so admins see them)."""
    stored = {w.component: w.weight for w in PriorityWeight.objects.all()}
    for component, default in DEFAULT_WEIGHTS.items():
        if component not in stored:
            PriorityWeight.objects.get_or_create(component=component, defaults={"weight": default})
            stored[component] = default
    return {k: float(v) for k, v in stored.items()}


@dataclass
class VillageScore:
    code: str
    name: str
    district: str
    regency: str
    score: float = 0.0
    raw: dict = field(default_factory=dict)     # component -> raw figure
    parts: dict = field(default_factory=dict)   # component -> weighted points in the score
    detail: dict = field(default_factory=dict)  # figures behind the raw values, for the explanation


def rank(user, *, within: str | None = None, today: dt.date | None = None) -> list[VillageScore]:
    """Villages in the user's jurisdiction (optionally under the area `within`), highest score first."""
    from balekdusun.regions.models import Area
    from balekdusun.visits.models import Visit

    today = today or timezone.localdate()
    villages = scoped(user, PlanningArea).filter(level=4)
    if within:
        villages = villages.filter(code__startswith=within + ".")
    rows = list(villages.values_list("code", "name", "parent_id").order_by("code"))
    if not rows:
        return []
    codes = [r[0] for r in rows]
    prefixes = sorted({c.rsplit(".", 1)[0] for c in codes})
    regencies = sorted({p.rsplit(".", 1)[0] for p in prefixes})
    names = dict(Area.objects.filter(code__in=prefixes + regencies).values_list("code", "name"))
    result = {c: VillageScore(code=c, name=n, district=names.get(p, ""), regency=names.get(p.rsplit(".", 1)[0], ""))
              for c, n, p in rows}

    # origin
    village_counts = defaultdict(int)
    for p in prefixes:
        village_counts[p] = 0
    for code in codes:
        district = code.rsplit(".", 1)[0]
        village_counts[district] += 1
        village_counts[district.rsplit(".", 1)[0]] += 1
    own, spread = defaultdict(float), defaultdict(float)
    def limit(qs, field):
        """Rows of villages in the listing, by prefix rather than a list of (possibly 80,000) codes."""
        q = area_q(user, field)
        if q is not None:
            qs = qs.filter(q)
        if within:
            qs = qs.filter(**{f"{field[:-3]}__code__startswith": within + "."})
        return qs

    parents = prefixes + regencies
    stats_q = area_q(user, "area_id")
    if stats_q is not None or within:
        mine = Q(pk__in=limit(MigrationStat.objects.all(), "area_id").values("pk"))
        stats_q = mine | (Q(area_id__in=parents) if len(parents) <= 2000 else Q(area__level__in=[2, 3]))
    stats = (MigrationStat.objects.filter(stats_q or Q()).values("area_id").annotate(p=Sum("placements"), n=Sum("non_procedural")))
    for row in stats:
        amount = (row["p"] or 0) + (row["n"] or 0)
        if row["area_id"] in result:
            own[row["area_id"]] += amount
        else:
            spread[row["area_id"]] = amount / max(1, _villages_in(row["area_id"], village_counts))
    for code, item in result.items():
        district = code.rsplit(".", 1)[0]
        share = spread.get(district, 0.0) + spread.get(district.rsplit(".", 1)[0], 0.0)
        item.raw["origin"] = own[code] + share
        item.detail["origin_own"], item.detail["origin_share"] = own[code], round(share, 1)

    # migrant households found by visits
    migrant = (limit(Visit.objects.all(), "village_id")
               .filter(Q(data__migration__abroad__0__isnull=False) | Q(data__migration__returnees__gt=0))
               .values("village_id").annotate(n=Count("household_id", distinct=True)))
    for row in migrant:
        if row["village_id"] in result:
            result[row["village_id"]].raw["migrant_households"] = row["n"]

    # open cases and illegal-recruiter reports
    try:
        from balekdusun.cases.models import Case, CaseKind, CaseStatus

        cases = (limit(Case.objects.all(), "village_id").exclude(status__in=[CaseStatus.RESOLVED, CaseStatus.CLOSED])
                 .values("village_id").annotate(n=Count("id"), r=Count("id", filter=Q(kind=CaseKind.ILLEGAL_RECRUITER))))
        for row in cases:
            item = result.get(row["village_id"])
            if item is None:
                continue
            item.raw["cases"] = row["n"] + row["r"]
            item.detail["open_cases"], item.detail["recruiter_reports"] = row["n"], row["r"]
    except ImportError:  # pragma: no cover - the cases app is part of the project
        pass

    # share of households not reached
    totals = dict(limit(Household.objects.all(), "village_id").values("village_id").annotate(n=Count("id"))
                  .values_list("village_id", "n"))
    reached = dict(limit(Visit.objects.all(), "village_id").values("village_id")
                   .annotate(n=Count("household_id", distinct=True)).values_list("village_id", "n"))
    for code, item in result.items():
        total = totals.get(code, 0)
        item.detail["households"], item.detail["reached"] = total, reached.get(code, 0)
        item.raw["unreached"] = 1.0 if total == 0 else max(0.0, 1 - reached.get(code, 0) / total)

    # The last outreach day held (its date has come, or its visits are already in) and the next one planned.
    has_visits = Exists(Visit.objects.filter(outreach_id=OuterRef("pk")))
    held = (limit(Outreach.objects.all(), "village_id").annotate(visited=has_visits)
            .filter(Q(date__lte=today) | Q(visited=True)).values("village_id")
            .annotate(d=Max("date")).values_list("village_id", "d"))
    last = {code: when for code, when in held if code in result}
    upcoming = (limit(Outreach.objects.filter(date__gt=today), "village_id").annotate(visited=has_visits)
                .filter(visited=False).order_by("village_id", "date", "pk").values_list("village_id", "date", "pk"))
    for code, when, pk in upcoming:
        if code in result and "next_outreach" not in result[code].detail:
            result[code].detail["next_outreach"], result[code].detail["next_outreach_id"] = when, pk
    for code, item in result.items():
        when = last.get(code)
        item.detail["last_outreach"] = when
        # A day under way (visits in, its date still ahead) is as recent as today.
        item.raw["recency"] = RECENCY_CAP_DAYS if when is None else min(RECENCY_CAP_DAYS, max(0, (today - when).days))
        item.detail["planned"] = "next_outreach" in item.detail or (when is not None and when >= today)

    w = weights()
    total_weight = sum(w.values()) or 1.0
    components = [str(c) for c in PriorityComponent.values]
    maxima = {c: max((item.raw.get(c, 0) for item in result.values()), default=0) for c in components}
    maxima[str(PriorityComponent.UNREACHED)] = 1.0
    maxima[str(PriorityComponent.RECENCY)] = RECENCY_CAP_DAYS
    # Points per unit of each raw figure, computed once: the loop below runs for every village of the country.
    factor = {c: (100 * w.get(c, 0) / total_weight / maxima[c]) if maxima[c] else 0.0 for c in components}
    for item in result.values():
        raw, parts = item.raw, item.parts
        total = 0.0
        for c in components:
            points = raw.setdefault(c, 0) * factor[c]
            parts[c] = round(points, 1)
            total += points
        item.score = round(total, 1)
    return sorted(result.values(), key=lambda s: (-s.score, s.code))


def _villages_in(code: str, counts: dict) -> int:
    return counts.get(code, 0)
