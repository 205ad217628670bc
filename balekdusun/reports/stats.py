"""Dashboard figures. Areas read rollup counters; an outreach day or a campaign period counts its raw rows
(a few hundred to a few thousand visits), with the same rules as the rollups (`rollups.visit_parts`)."""

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

from django.db.models import Q, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from balekdusun.core.scoping import scoped
from balekdusun.lib.numbers import pct
from balekdusun.regions.models import area_label, area_prefix
from balekdusun.reports import rollups
from balekdusun.reports.models import TOTAL, RollupCounter

OUTCOMES = ["met", "not_home", "refused", "moved", "vacant", "inaccessible"]
KNOWLEDGE_SHORT = {
    "legal_procedure": _("Legal procedure"),
    "hotline": _("Hotline"),
    "warning_signs": _("Warning signs"),
}
KNOWLEDGE_LABELS = {
    "legal_procedure": _("Knows the legal procedure"),
    "hotline": _("Knows the hotline"),
    "warning_signs": _("Knows the warning signs"),
}
# The counters of the child-area table (`_child_rows`: its cells).
CHILD_KEYS = ["households", "households.reached", "visits", "visits.met", "mig.households", "cases.opened"]
TREND_KEYS = ["visits", "visits.met", "households.reached"]
TREND_WEEKS = 26


def share(part, whole) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def _pct(value) -> str:
    return pct(value)


@dataclass
class Figures:
    """Counter values of one place or set of visits plus the derived shares the pages show."""

    c: Counter
    overdue: int = 0
    trend: list = field(default_factory=list)  # [(week, {key: n})]
    # Material id -> "title vN" when the caller read them with the counters (`dashboard`); else looked up.
    material_names: dict | None = None

    def __getitem__(self, key):
        # Templates try item lookup before attributes: let "fig.knowledge" reach the property.
        if key not in self.c and (hasattr(type(self), key) or key in self.__dict__):
            raise KeyError(key)
        return self.c.get(key, 0)

    @property
    def coverage(self):
        return share(self["households.reached"], self["households"])

    @property
    def contact_rate(self):
        return share(self["visits.met"], self["visits"])

    @property
    def cases_open(self):
        return self["cases.opened"] - self["cases.closed"]

    @cached_property
    def outcomes(self):
        from balekdusun.visits.models import Outcome

        return [(str(Outcome(o).label), self[f"visits.{o}"], o) for o in OUTCOMES]

    @cached_property
    def countries(self):
        rows = [(k.rsplit(".", 1)[1], n) for k, n in self.c.items() if k.startswith("mig.country.") and n]
        return sorted(rows, key=lambda r: (-r[1], r[0]))

    @cached_property
    def procedural(self):
        return [(str(_("Procedural")), self["mig.procedural"]),
                (str(_("Non-procedural")), self["mig.nonprocedural"]),
                (str(_("Unknown")), self["mig.procedural_unknown"])]

    @cached_property
    def knowledge(self):
        out = []
        for q, label in KNOWLEDGE_LABELS.items():
            first_n, later_n = self[f"kn.first.{q}.asked"], self[f"kn.later.{q}.asked"]
            out.append({"key": q, "label": str(label), "short": str(KNOWLEDGE_SHORT[q]), "first_n": first_n, "later_n": later_n,
                        "first": share(self[f"kn.first.{q}.yes"], first_n),
                        "later": share(self[f"kn.later.{q}.yes"], later_n)})
        return out

    @cached_property
    def materials(self):
        from balekdusun.materials.models import Material

        ids = {int(k[len("materials.m"):]): n for k, n in self.c.items()
               if k.startswith("materials.m") and k[len("materials.m"):].isdigit() and n}
        names = self.material_names
        if names is None:
            names = {m.pk: str(m) for m in Material.objects.filter(pk__in=ids).order_by().only("title", "version")}
        return sorted(((names.get(pk, f"#{pk}"), n) for pk, n in ids.items()), key=lambda r: -r[1])

    def as_dict(self) -> dict:
        """The headline numbers (API and tests)."""
        return {
            "households": self["households"], "households_visited": self["households.visited"],
            "households_reached": self["households.reached"], "coverage": self.coverage,
            "visits": self["visits"], "visits_by_outcome": {o: self[f"visits.{o}"] for o in OUTCOMES},
            "contact_rate": self.contact_rate, "materials_handed_out": self["materials.handed_out"],
            "stickers_placed": self["stickers.placed"], "stickers_scanned": self["stickers.scanned"],
            "migrant_households": self["mig.households"], "migrants_abroad": self["mig.abroad"],
            "migrants_by_country": dict(self.countries), "procedural": self["mig.procedural"],
            "nonprocedural": self["mig.nonprocedural"], "nonprocedural_households":
                self["mig.nonprocedural_households"], "returnees": self["mig.returnees"],
            "planning_people": self["mig.planning"], "planning_households": self["mig.planning_households"],
            "knowledge": {k["key"]: {"first": k["first"], "later": k["later"], "first_n": k["first_n"],
                                     "later_n": k["later_n"]} for k in self.knowledge},
            "cases_opened": self["cases.opened"], "cases_closed": self["cases.closed"],
            "cases_open": self.cases_open, "cases_overdue": self.overdue,
            "stories": self["stories.consented"],
        }


# --- areas: rollups --------------------------------------------------------------------------------------------

def area_figures(user, codes: list[str], *, start: dt.date | None = None, end: dt.date | None = None,
                 today: dt.date | None = None) -> Figures:
    """Figures of the areas `codes` ("" = national) from rollups; `start`/`end` limit to whole weeks.

    The all-time view reads everything in one indexed query: the TOTAL rows, the weekly rows of the trend
    keys and the open cases by due day (a few hundred rows per area)."""
    qs = scoped(user, RollupCounter).filter(area_code__in=codes)
    c = Counter()
    if start or end:
        periods = qs.exclude(period=TOTAL).exclude(key="cases.open_by_due")
        if start:
            periods = periods.filter(period__gte=rollups.week_of(start))
        if end:
            periods = periods.filter(period__lte=end)
        for key, value in periods.values("key").annotate(n=Sum("value")).values_list("key", "n"):
            c[key] = value
        rows = qs.filter(Q(key__in=TREND_KEYS) | Q(key="cases.open_by_due")).exclude(period=TOTAL)
    else:
        rows = _own_rows(qs)
    return _figures(c, rows.values_list("period", "key", "value"), today=today, start=start, end=end)


def _own_rows(qs):
    """An area's rows the all-time view reads: the totals, the weeks of the trend keys, open cases by due day."""
    return qs.filter(Q(period=TOTAL) | Q(key__in=[*TREND_KEYS, "cases.open_by_due"]))


def _figures(c: Counter, rows, *, today=None, start=None, end=None) -> Figures:
    """Figures from (period, key, value) rows: TOTAL rows add to `c`, weekly rows make the trend."""
    today = today or timezone.localdate()
    weekly, overdue = defaultdict(Counter), 0
    for period, key, value in rows:
        if period == TOTAL:
            c[key] += value
        elif key == "cases.open_by_due":
            if period < today:
                overdue += value
        else:
            weekly[period][key] += value
    # The trend ends this week, or at the last week with visits when the area has been quiet since.
    last = rollups.week_of(end or today)
    active = [w for w, counts in weekly.items() if w <= last and counts.get("visits")]
    if active:
        last = max(active)
    first_week = last - dt.timedelta(weeks=TREND_WEEKS - 1)
    if start:
        first_week = max(first_week, rollups.week_of(start))
    weeks = []
    week = first_week
    while week <= last:
        weeks.append((week, weekly.get(week, Counter())))
        week += dt.timedelta(weeks=1)
    return Figures(c, overdue=overdue, trend=weeks)


def _child_rows(table: dict, names: dict) -> list[dict]:
    """The child table's rows from counters by area code (`table`) and names by code (AreaName)."""
    url = reverse("reports:area", args=["CODE"])
    rows = []
    prefixes = {}  # (level, kind) -> prefix, translated once per table
    for code in sorted(table):
        c = table[code]  # a Counter: 0 for a missing key
        area = names.get(code)
        if area is None:
            name = code
        else:
            kind = (area.level, area.kind)
            prefix = prefixes.get(kind)
            if prefix is None:
                prefix = prefixes[kind] = area_prefix(*kind)
            name = area_label(area.level, area.kind, area.name, prefix)
        coverage, contact_rate = share(c["households.reached"], c["households"]), share(c["visits.met"], c["visits"])
        rows.append({"code": code, "area": area, "url": url.replace("CODE", code), "name": name, "counts": c,
                     "coverage": coverage, "contact_rate": contact_rate,
                     # The table's cells, in the order of its header, formatted once here rather than by template
                     # lookups and filters per cell.
                     "cells": (c["households"], c["households.reached"], _pct(coverage), c["visits"],
                               _pct(contact_rate), c["mig.households"], c["cases.opened"])})
    return rows


class AreaName(NamedTuple):
    """The part of an Area a dashboard shows (lineage, child table), read with its counters."""

    code: str
    level: int
    name: str
    kind: str
    parent_id: str | None

    @property
    def label(self) -> str:
        return area_label(self.level, self.kind, self.name)


class OutreachDay(NamedTuple):
    """An outreach day in a village's table."""

    pk: int
    date: dt.date
    campaign_name: str
    status: str

    def get_status_display(self) -> str:
        from balekdusun.campaigns.models import OutreachStatus

        return str(OutreachStatus(self.status).label) if self.status in OutreachStatus.values else self.status


@dataclass
class Dashboard:
    """What an all-time dashboard shows, read by `dashboard`."""

    fig: Figures
    children: list[dict]
    areas: dict  # code -> AreaName: the area, its ancestors and its children
    outreaches: list  # OutreachDay of the area `code`, newest first (only a village has any)


def dashboard(user, codes: list[str], *, code: str | None = None, table: str = "children",
              today: dt.date | None = None) -> Dashboard:
    """The all-time dashboard of the areas `codes` ("" = national; `code` when it is one area) in ONE query.

    `table` says what the child table lists: "children" (the child areas of `codes`), "own" (the areas `codes`
    themselves: a user's several areas) or "" (none: a village). The query reads, joined by UNION ALL so that
    each part keeps its index and the page costs one round trip:

    * ``t``: the TOTAL counters of `codes`, with the title of the material a ``materials.mN`` counter names;
    * ``w``: the weekly rows of the trend keys from the TREND_WEEKS-th most recent week with visits on (what the
      trend can show, see `_figures`; every week when there are fewer);
    * ``o``: the open cases due before today, summed by the database (one row instead of one per due day);
    * ``c``: the TOTAL child-table counters of the child areas;
    * ``a``: the names of the area, its ancestors (the crumbs) and its children (the table);
    * ``d``: the outreach days of the area `code` with their campaign's name (only a village has any).

    The caller checked that the user may open `codes`; rows are filtered by `sees_area` as `scoped` would."""
    from django.db import connections, router

    from balekdusun.campaigns.models import Campaign, Outreach
    from balekdusun.core.scoping import sees_area
    from balekdusun.lib.rawsql import fetch_all
    from balekdusun.materials.models import Material
    from balekdusun.regions.models import Area

    today = today or timezone.localdate()
    using = router.db_for_read(RollupCounter)  # the replica in a report view when there is one (ops/db.py)
    qn = connections[using].ops.quote_name
    rollup, area_t, material_t, outreach_t, campaign_t = (
        qn(m._meta.db_table) for m in (RollupCounter, Area, Material, Outreach, Campaign))

    def inn(values):
        return "(" + ", ".join(["%s"] * len(values)) + ")"

    own = f"area_code IN {inn(codes)}"
    # TOTAL as a literal, not a parameter: SQLite uses a partial index (rollup_totals, rollup_children_totals)
    # only for a WHERE clause it can match against the index's own at planning time.
    total = f"'{TOTAL.isoformat()}'"
    sql = [f"""SELECT 't', r.area_code, r.period, r.key, r.value, m.title, m.version, NULL
        FROM {rollup} r LEFT JOIN {material_t} m ON r.key = 'materials.m' || m.id
        WHERE r.{own} AND r.period = {total}""",
           f"""SELECT 'w', area_code, period, key, value, NULL, NULL, NULL FROM {rollup}
        WHERE {own} AND key IN {inn(TREND_KEYS)} AND period > {total} AND period >= COALESCE(
            (SELECT DISTINCT period FROM {rollup} WHERE {own} AND key = 'visits' AND period > {total}
             AND period <= %s AND value <> 0 ORDER BY period DESC LIMIT 1 OFFSET {TREND_WEEKS - 1}), {total})""",
           f"""SELECT 'o', area_code, NULL, 'cases.overdue', CAST(SUM(value) AS BIGINT), NULL, NULL, NULL
        FROM {rollup} WHERE {own} AND key = 'cases.open_by_due' AND period > {total} AND period < %s
        GROUP BY area_code"""]
    params = [*codes, *codes, *TREND_KEYS, *codes, rollups.week_of(today), *codes, today]
    lineage = []
    if code:
        parts = code.split(".")
        lineage = [".".join(parts[:i]) for i in range(1, len(parts) + 1)]
    elif table == "own":
        lineage = list(codes)
    names, params_names = [], []
    if lineage:
        names.append(f"code IN {inn(lineage)}")
        params_names += lineage
    if table == "children":
        sql.append(f"""SELECT 'c', area_code, NULL, key, value, NULL, NULL, NULL FROM {rollup}
        WHERE parent_code IN {inn(codes)} AND period = {total} AND key IN {inn(CHILD_KEYS)}""")
        params += [*codes, *CHILD_KEYS]
        if codes == [""]:
            names.append("level = 1")
        else:
            names.append(f"parent_id IN {inn(codes)}")
            params_names += codes
    if names:
        sql.append(f"SELECT 'a', code, NULL, kind, level, name, NULL, parent_id FROM {area_t} "
                   f"WHERE {' OR '.join(names)}")
        params += params_names
    if code:
        # Outreach is scoped by its village (scope_area_field) like the counters: `sees` below.
        sql.append(f"""SELECT 'd', o.village_id, o.date, o.status, o.id, c.name, NULL, NULL
        FROM {outreach_t} o JOIN {campaign_t} c ON c.id = o.campaign_id WHERE o.village_id = %s""")
        params.append(code)

    sees = sees_area(user)
    # Children of an area the user sees are seen too (scoping is by code prefix): rows are tested one by one
    # only when one of `codes` is not (which the views never ask for).
    check = not all(sees(c) for c in codes)
    totals, weekly, table_rows, material_names, areas = Counter(), [], defaultdict(Counter), {}, {}
    overdue, outreaches = 0, []
    dates: dict = {}  # SQLite returns the dates of a raw query as text
    wanted = set(codes)
    rows = fetch_all("\nUNION ALL\n".join(sql), params, using=using)  # prepared on PostgreSQL: planning is half its cost
    for part, area, period, key, value, name, extra, parent in rows:
        if part == "a":
            areas[area] = AreaName(area, value, name, key, parent)
            continue
        if check and not sees(area):
            continue
        if part == "t":
            totals[key] += value
            if name is not None:
                material_names[int(key[len("materials.m"):])] = f"{name} v{extra}"
            if table == "own" and area in wanted and key in CHILD_KEYS:
                table_rows[area][key] += value
        elif part == "w":
            if period.__class__ is str:
                period = dates.get(period) or dates.setdefault(period, dt.date.fromisoformat(period))
            weekly.append((period, key, value))
        elif part == "o":
            overdue += value or 0
        elif part == "d":
            if period.__class__ is str:
                period = dt.date.fromisoformat(period)
            outreaches.append(OutreachDay(value, period, name, key))
        else:
            table_rows[area][key] += value
    fig = _figures(totals, weekly, today=today)
    fig.overdue = overdue
    fig.material_names = material_names
    children = _child_rows(table_rows, {c: a for c, a in areas.items() if c in table_rows}) if table else []
    outreaches.sort(key=lambda o: (o.date, o.pk), reverse=True)
    return Dashboard(fig, children, areas, outreaches)


# --- visits sets: raw rows ---------------------------------------------------------------------------------------

def visit_set_figures(visits_qs, *, extra: Counter | None = None) -> Figures:
    """Figures of a set of visits (an outreach day, a campaign period), with "first visit" judged over each
    household's whole history, as the rollups do."""
    from balekdusun.visits.models import Visit

    wanted = set(visits_qs.values_list("pk", flat=True))
    households = visits_qs.values("household_id")
    history = (Visit.objects.filter(household_id__in=households)
               .only("pk", "household_id", "village_id", "visited_at", "outcome", "data")
               .order_by("household_id", "visited_at", "pk"))
    c = Counter()
    current, seen_visit, seen_met = None, False, False
    for visit in history.iterator(chunk_size=2000):
        if visit.household_id != current:
            current, seen_visit, seen_met = visit.household_id, False, False
        first_met = visit.outcome == rollups.MET and not seen_met
        if visit.pk in wanted:
            c.update(rollups.visit_parts(visit, first_visit=not seen_visit, first_met=first_met))
        seen_visit = True
        seen_met = seen_met or visit.outcome == rollups.MET
    # Households of this set reached here, even when reached before on an earlier day.
    reached_here = visits_qs.filter(outcome=rollups.MET).values("household_id").distinct().count()
    c["households.reached_here"] = reached_here
    c["households.visited_here"] = visits_qs.values("household_id").distinct().count()
    if extra:
        c.update(extra)
    return Figures(c)


def outreach_figures(outreach) -> Figures:
    from balekdusun.campaigns.models import Household
    from balekdusun.cases.models import Case
    from balekdusun.materials.models import Sticker, StickerScan, StockMove

    extra = Counter()
    moves = StockMove.objects.filter(outreach=outreach, kind="handed_out").values("material_id") \
        .annotate(n=Sum("quantity"))
    for row in moves:
        extra["materials.handed_out"] += abs(row["n"] or 0)
        extra[f"materials.m{row['material_id']}"] += abs(row["n"] or 0)
    stickers = Sticker.objects.filter(placed_by_visit__outreach=outreach, status="placed")
    extra["stickers.placed"] = stickers.count()
    extra["stickers.scanned"] = StickerScan.objects.filter(sticker__in=stickers).count()
    extra["cases.opened"] = Case.objects.filter(visit__outreach=outreach).count()
    extra["cases.closed"] = Case.objects.filter(visit__outreach=outreach, status__in=rollups.CLOSED).count()
    extra["households"] = Household.objects.filter(village_id=outreach.village_id).count()
    return visit_set_figures(outreach.visits.all(), extra=extra)


def campaign_figures(campaign, start: dt.date, end: dt.date) -> Figures:
    from balekdusun.cases.models import Case
    from balekdusun.materials.models import Sticker, StickerScan, StockMove
    from balekdusun.visits.models import Visit

    outreaches = campaign.outreaches.filter(date__gte=start, date__lte=end)
    extra = Counter()
    moves = StockMove.objects.filter(outreach__in=outreaches, kind="handed_out").values("material_id") \
        .annotate(n=Sum("quantity"))
    for row in moves:
        extra["materials.handed_out"] += abs(row["n"] or 0)
        extra[f"materials.m{row['material_id']}"] += abs(row["n"] or 0)
    stickers = Sticker.objects.filter(placed_by_visit__outreach__in=outreaches, status="placed")
    extra["stickers.placed"] = stickers.count()
    extra["stickers.scanned"] = StickerScan.objects.filter(sticker__in=stickers).count()
    cases = Case.objects.filter(visit__outreach__in=outreaches)
    extra["cases.opened"] = cases.count()
    extra["cases.closed"] = cases.filter(status__in=rollups.CLOSED).count()
    extra["outreaches"] = outreaches.count()
    extra["villages"] = outreaches.values("village_id").distinct().count()
    return visit_set_figures(Visit.objects.filter(outreach__in=outreaches), extra=extra)
