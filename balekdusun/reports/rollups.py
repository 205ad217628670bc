"""Rollups kept current on write. The services of other apps call these functions inside their own
transaction, right after they write (no signals: the path a record takes stays visible).

Every counter lives at five levels at once (village, district, regency, province and national ""), for the
week (Monday, Asia/Jakarta) of the event and for all time (period = TOTAL). A call adds its deltas with one
multi-row ``INSERT ... ON CONFLICT DO UPDATE SET value = value + excluded.value`` (SQLite 3.24+ and PostgreSQL),
so concurrent writers never lose an increment and the dashboards only read a few hundred rows.

Household-level facts (households visited / reached, the migration profile, "first visit" knowledge answers)
belong to the household's earliest visit by ``(visited_at, id)``. When a phone syncs an older visit after a
newer one, the older one becomes the first and the newer one's share moves to "later": the same result as
`rebuild_rollups`, which recomputes everything from the raw rows.
"""

import threading
from collections import Counter
from contextlib import contextmanager
from datetime import date, datetime
from functools import lru_cache

from django.db import connection, transaction
from django.utils import timezone

from balekdusun.reports.models import TOTAL, RollupCounter

MET = "met"
KNOWLEDGE = ("legal_procedure", "hotline", "warning_signs")
CLOSED = frozenset({"resolved", "closed"})
NATIONAL_PARENT = "*"


# --- periods and areas ---------------------------------------------------------------------------------------

def local_date(value) -> date:
    """The calendar day in the project's time zone (settings.TIME_ZONE, Asia/Jakarta), whatever time zone the
    request activated: a week is the same week for every reader."""
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(timezone.get_default_timezone())
        return value.date()
    return value


@lru_cache(maxsize=4096)
def _monday(day: date) -> date:
    return date.fromordinal(day.toordinal() - day.weekday())


def week_of(value) -> date:
    return _monday(local_date(value))


def levels(code: str) -> list[tuple[str, str, int]]:
    """(area_code, parent_code, level) for the area and every area above it, national ("") last."""
    parts = code.split(".") if code else []
    out = []
    for n in range(len(parts), 0, -1):
        out.append((".".join(parts[:n]), ".".join(parts[: n - 1]), n))
    out.append(("", NATIONAL_PARENT, 0))
    return out


# --- what one visit contributes -------------------------------------------------------------------------------

def _dict(value) -> dict:
    return value if isinstance(value, dict) else {}


def _list(value) -> list:
    return value if isinstance(value, list) else []


def country(value) -> str:
    value = str(value or "").strip().upper()
    return value if len(value) == 2 and value.isalpha() else "XX"


# Each part adds what a visit contributes to a counter (sign -1 takes it back); the sync path adds 500 visits a
# batch straight into the counter of their village and week, without a Counter per visit.

def add_base(c: Counter, visit, sign: int = 1) -> None:
    """Counted for every visit."""
    c["visits"] += sign
    c["visits." + visit.outcome] += sign
    data = _dict(visit.data)
    story = _dict(data.get("story"))
    if visit.outcome == MET and story.get("consent_to_quote") and str(story.get("text") or "").strip():
        c["stories.consented"] += sign
    followups = _list(data.get("followups"))
    if followups:
        c["followups"] += sign * len(followups)


def add_first_visit(c: Counter, visit, sign: int = 1) -> None:
    """Counted once per household: for its earliest visit, whatever the outcome."""
    c["households.visited"] += sign


def add_first_met(c: Counter, visit, sign: int = 1) -> None:
    """Counted once per household: for its earliest visit where the team met someone."""
    c["households.reached"] += sign
    data = _dict(visit.data)
    migration = _dict(data.get("migration"))
    abroad = [a for a in _list(migration.get("abroad")) if isinstance(a, dict)]
    if abroad:
        c["mig.households"] += sign
        c["mig.abroad"] += sign * len(abroad)
        for person in abroad:
            c[f"mig.country.{country(person.get('country'))}"] += sign
            procedural = person.get("procedural")
            c["mig.procedural" if procedural is True else "mig.nonprocedural" if procedural is False
              else "mig.procedural_unknown"] += sign
        if any(person.get("procedural") is False for person in abroad):
            c["mig.nonprocedural_households"] += sign
    returnees = migration.get("returnees")
    if isinstance(returnees, int) and not isinstance(returnees, bool) and returnees > 0:
        c["mig.returnees"] += sign * returnees
    planning = [p for p in _list(migration.get("planning")) if isinstance(p, dict)]
    if planning:
        c["mig.planning_households"] += sign
        c["mig.planning"] += sign * len(planning)
    _add_knowledge(c, data, "first", sign)


def add_later_met(c: Counter, visit, sign: int = 1) -> None:
    """Knowledge answers of a household's later conversations (did the message stick?)."""
    _add_knowledge(c, _dict(visit.data), "later", sign)


def _add_knowledge(c: Counter, data: dict, which: str, sign: int) -> None:
    answers = _dict(data.get("knowledge"))
    for question in KNOWLEDGE:
        answer = answers.get(question)
        if isinstance(answer, bool):
            c[f"kn.{which}.{question}.asked"] += sign
            if answer:
                c[f"kn.{which}.{question}.yes"] += sign


def add_visit(c: Counter, visit, *, first_visit: bool, first_met: bool, sign: int = 1) -> None:
    add_base(c, visit, sign)
    if first_visit:
        add_first_visit(c, visit, sign)
    if visit.outcome == MET:
        (add_first_met if first_met else add_later_met)(c, visit, sign)


def _counted(adder, visit) -> Counter:
    c = Counter()
    adder(c, visit)
    return c


def base_part(visit) -> Counter:
    return _counted(add_base, visit)


def first_visit_part(visit) -> Counter:
    return _counted(add_first_visit, visit)


def first_met_part(visit) -> Counter:
    return _counted(add_first_met, visit)


def later_met_part(visit) -> Counter:
    return _counted(add_later_met, visit)


def visit_parts(visit, *, first_visit: bool, first_met: bool) -> Counter:
    c = Counter()
    add_visit(c, visit, first_visit=first_visit, first_met=first_met)
    return c


# --- writing --------------------------------------------------------------------------------------------------

class Deltas:
    """Village-level deltas, one Counter of key -> n per (area, period, with TOTAL), expanded to every level and
    to TOTAL when flushed."""

    def __init__(self):
        self.buckets: dict[tuple, Counter] = {}

    def bucket(self, area: str | None, period: date, total: bool = True) -> Counter:
        """The counter of an area and period (a week's Monday, or a day for `add_day`), to add parts to."""
        key = (area or "", period, total)
        counts = self.buckets.get(key)
        if counts is None:
            counts = self.buckets[key] = Counter()
        return counts

    def add(self, area: str | None, when, counts: Counter, *, sign: int = 1, total: bool = True):
        bucket = self.bucket(area, week_of(when), total)
        for key, n in counts.items():
            if n:
                bucket[key] += sign * n

    def add_day(self, area: str | None, day: date, key: str, n: int):
        """A counter keyed by a day rather than a week (``cases.open_by_due``), without a TOTAL row."""
        self.bucket(area, day, False)[key] += n

    def rows(self) -> dict:
        out: Counter = Counter()
        for (area, period, total), counts in self.buckets.items():
            above = levels(area)
            for key, n in counts.items():
                if not n:
                    continue
                for code, parent, level in above:
                    out[(code, parent, level, period, key)] += n
                    if total:
                        out[(code, parent, level, TOTAL, key)] += n
        return {k: v for k, v in out.items() if v}

    def flush(self) -> None:
        rows = self.rows()
        if not rows:
            return
        frames = _collecting.__dict__.setdefault("frames", [])
        if frames:
            # Inside `collected()`: written once, in key order, when its transaction is about to commit.
            frames[-1].update(rows)
            return
        upsert([(*k, v) for k, v in rows.items()])


# --- one lock order ---------------------------------------------------------------------------------------------
# Every write path adds to the same national, province and regency rows. Two transactions that lock those rows in
# different orders deadlock (PostgreSQL then waits out `deadlock_timeout`, 1 s, and kills one). So every write
# locks them in ONE order: the rows of a statement are sorted by the unique key (area_code, key, period), and a
# transaction that would write several times (a visit with materials, a sticker and follow-ups) collects its
# deltas and writes them with one sorted statement as its last step (`collected()`), after its other locks.

_collecting = threading.local()


@contextmanager
def collected():
    """A transaction (savepoint when nested) whose rollup deltas are written once, sorted, at its end.

    Nested blocks add to the enclosing one when they succeed and are dropped with their savepoint when they fail,
    so the counters always match what was committed."""
    frames = _collecting.__dict__.setdefault("frames", [])
    with transaction.atomic():
        frames.append(Counter())
        try:
            yield
        except BaseException:
            frames.pop()
            raise
        rows = frames.pop()
        if frames:
            frames[-1].update(rows)
        else:
            upsert([(*k, v) for k, v in rows.items() if v])


def lock_households(household_ids) -> None:
    """Lock these households (FOR NO KEY UPDATE, in id order) until the transaction ends, before reading their
    first visits: two transactions adding visits to one household would otherwise both read "no visit yet" and
    both count a first visit. Visits' inserts take only KEY SHARE locks on their household, which do not wait for
    this one. Every path that reads a household's first visit to write rollups takes this lock first, before any
    other lock of its transaction. SQLite runs one writer at a time and needs no lock."""
    if connection.vendor != "postgresql" or not household_ids:
        return
    from balekdusun.campaigns.models import Household

    list(Household.objects.filter(pk__in=sorted(set(household_ids))).order_by("pk")
         .select_for_update(no_key=True).values_list("pk", flat=True))


def _lock_order(row) -> tuple:
    # (area_code, key, period): the unique constraint's columns, the order PostgreSQL locks them in per statement.
    return (row[0], row[4], row[3])


# PostgreSQL: the rows travel as six arrays, so the statement's text is the same for every call (psycopg keeps it
# parsed; the planner sees one short statement) instead of a VALUES list of up to 3,000 placeholders that the
# driver splits and the server parses again on every visit. UNNEST keeps the arrays' (sorted) order.
_PG_UPSERT = ("INSERT INTO {table} (area_code, parent_code, level, period, key, value) "
              "SELECT * FROM UNNEST(%s::varchar[], %s::varchar[], %s::smallint[], %s::date[], %s::varchar[], "
              "%s::bigint[]) ON CONFLICT (area_code, key, period) DO UPDATE SET value = {table}.value + excluded.value")


def upsert(rows, *, chunk: int = 500) -> None:
    rows = sorted(rows, key=_lock_order)
    if not rows:
        return
    table = connection.ops.quote_name(RollupCounter._meta.db_table)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(_PG_UPSERT.format(table=table), [list(column) for column in zip(*rows, strict=True)])
            return
        for start in range(0, len(rows), chunk):
            part = rows[start:start + chunk]
            values = ", ".join(["(%s, %s, %s, %s, %s, %s)"] * len(part))
            params = [p for row in part for p in row]
            cursor.execute(
                f"INSERT INTO {table} (area_code, parent_code, level, period, key, value) VALUES {values} "
                f"ON CONFLICT (area_code, key, period) DO UPDATE SET value = {table}.value + excluded.value",
                params,
            )


# --- the hooks other services call ------------------------------------------------------------------------------

def _order(visit) -> tuple:
    return (visit.visited_at, visit.pk)


def _answers(visit) -> None:
    """Read the answers of a visit looked up without them (`first_visits`)."""
    if visit.data is None:
        from balekdusun.visits.models import Visit

        visit.data = Visit.objects.filter(pk=visit.pk).values_list("data", flat=True).first() or {}


def _count_visit(deltas: "Deltas", visit, earliest, earliest_met) -> tuple[bool, bool]:
    """Add what `visit` contributes, given the household's earliest visit and earliest "met" visit stored before
    it; moves an earlier first visit's share to "later" when `visit` is older. Returns (first_visit, first_met)."""
    order = _order(visit)
    first_visit = earliest is None or order < _order(earliest)
    first_met = False
    if visit.outcome == MET:
        first_met = earliest_met is None or order < _order(earliest_met)
        if first_met and earliest_met is not None:
            # The household's earlier "first conversation" becomes a later one.
            _answers(earliest_met)
            moved = deltas.bucket(earliest_met.village_id, week_of(earliest_met.visited_at))
            add_first_met(moved, earliest_met, -1)
            add_later_met(moved, earliest_met)
    if first_visit and earliest is not None:
        add_first_visit(deltas.bucket(earliest.village_id, week_of(earliest.visited_at)), earliest, -1)
    add_visit(deltas.bucket(visit.village_id, week_of(visit.visited_at)), visit, first_visit=first_visit,
              first_met=first_met)
    return first_visit, first_met


def visit_recorded(visit) -> None:
    """A new Visit was stored (not called for duplicates or conflicts)."""
    visits_recorded([visit])


class VisitFacts:
    """What the rollups read of a visit, without a model instance (the sync path inserts rows directly)."""

    __slots__ = ("pk", "household_id", "village_id", "visited_at", "outcome", "data")

    def __init__(self, pk, household_id, village_id, visited_at, outcome, data):
        self.pk, self.household_id, self.village_id = pk, household_id, village_id
        self.visited_at, self.outcome, self.data = visited_at, outcome, data


def first_visits(household_ids, *, exclude=()) -> dict:
    """household -> [earliest visit, earliest "met" visit] among the stored visits (leaving out the ids in
    `exclude`), as VisitFacts without their answers (read by `_answers` only when a share has to move).

    One statement: per household two index seeks on ``visit_household_time`` (never a scan of its visits, so the
    cost does not grow with how often a household was visited), then the two visits' facts."""
    from balekdusun.visits.models import Visit

    household_ids = list(household_ids)
    if not household_ids:
        return {}
    visit = connection.ops.quote_name(Visit._meta.db_table)
    skip = f" AND u.id NOT IN ({', '.join(['%s'] * len(exclude))})" if exclude else ""
    first = (f"SELECT u.id FROM {visit} u WHERE u.household_id = h.id{{met}}{skip} "
             "ORDER BY u.visited_at, u.id LIMIT 1")
    # The households as a VALUES list (not a scan of the household table, whatever the planner's statistics say).
    holders = ", ".join(["(%s)"] * len(household_ids))
    sql = (f"WITH h(id) AS (VALUES {holders}) "
           f"SELECT v.id, v.household_id, v.village_id, v.visited_at, v.outcome FROM {visit} v WHERE v.id IN ("
           f"SELECT ({first.format(met='')}) FROM h UNION ALL SELECT ({first.format(met=' AND u.outcome = %s')}) FROM h)")
    params = [*household_ids, *exclude, MET, *exclude]
    utc = connection.timezone
    out: dict = {}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    for pk, household_id, village_id, visited_at, outcome in rows:
        if not isinstance(visited_at, datetime):  # SQLite without type detection: text
            visited_at = datetime.fromisoformat(visited_at)
        if visited_at.tzinfo is None:  # SQLite stores UTC without an offset
            visited_at = visited_at.replace(tzinfo=utc)
        fact = VisitFacts(pk, household_id, village_id, visited_at, outcome, None)
        pair = out.setdefault(household_id, [None, None])
        if pair[0] is None or _order(fact) < _order(pair[0]):
            pair[0] = fact
        if outcome == MET and (pair[1] is None or _order(fact) < _order(pair[1])):
            pair[1] = fact
    return out


def visits_recorded(visits, *, before: dict | None = None) -> None:
    """New Visits stored together (a sync batch), in the order they were stored: the same counts as calling
    `visit_recorded` for each in turn, with two queries for the households' first visits and one write.

    `before` is `first_visits(...)` read before the batch was inserted (the sync path does this, which spares
    leaving the batch's own ids out of the lookup)."""
    visits = list(visits)
    if not visits:
        return
    # household -> [earliest visit, earliest "met" visit] among the visits stored before this batch
    if before is None:
        before = first_visits({v.household_id for v in visits}, exclude=[v.pk for v in visits])
    state = {h: list(pair) for h, pair in before.items()}
    # A household's first conversation whose share will move to "later" (a visit of this batch is older):
    # read those answers in one query rather than one by one in `_answers`.
    need = {}
    for visit in visits:
        met = state.get(visit.household_id, (None, None))[1]
        if visit.outcome == MET and met is not None and met.data is None and visit.visited_at <= met.visited_at:
            need[met.pk] = met
    if need:
        from balekdusun.visits.models import Visit

        for pk, data in Visit.objects.filter(pk__in=list(need)).values_list("pk", "data"):
            need[pk].data = data or {}
    deltas = Deltas()
    for visit in visits:
        first = state.setdefault(visit.household_id, [None, None])
        first_visit, first_met = _count_visit(deltas, visit, first[0], first[1])
        if first_visit:
            first[0] = visit
        if first_met:
            first[1] = visit
    deltas.flush()


def visit_replaced(before, after) -> None:
    """A stored visit's answers were replaced (a sync conflict resolved with the incoming version; `before` is a
    copy of the visit as it was, `after` the visit as saved): its share moves from the old content to the new.

    A household has a handful of visits, so its whole share is taken out as it was and added back as it is now.
    When the new time or outcome changes which visit is the household's first visit or first conversation, the
    counters then come out as `rebuild_rollups` counts them."""
    from balekdusun.visits.models import Visit

    deltas = Deltas()
    for household_id in {before.household_id, after.household_id}:
        others = list(Visit.objects.filter(household_id=household_id).exclude(pk=after.pk)
                      .only("pk", "household_id", "village_id", "visited_at", "outcome", "data"))
        for version, sign in ((before, -1), (after, 1)):
            _add_household_share(deltas, others + ([version] if version.household_id == household_id else []),
                                 sign)
    deltas.flush()


def _add_household_share(deltas: "Deltas", visits, sign: int) -> None:
    """Every counter the visits of one household contribute, as a rebuild counts them (in time order)."""
    seen_visit = seen_met = False
    for visit in sorted(visits, key=_order):
        first_met = visit.outcome == MET and not seen_met
        add_visit(deltas.bucket(visit.village_id, week_of(visit.visited_at)), visit, first_visit=not seen_visit,
                  first_met=first_met, sign=sign)
        seen_visit = True
        seen_met = seen_met or visit.outcome == MET


def household_added(household) -> None:
    """A new Household was stored."""
    deltas = Deltas()
    deltas.add(household.village_id, household.created_at or timezone.now(), Counter({"households": 1}))
    deltas.flush()


def _move_village(move) -> str | None:
    from balekdusun.campaigns.models import Outreach
    from balekdusun.visits.models import Visit

    if move.visit_id:
        if type(move).visit.is_cached(move):  # the sync path books hand-outs with the visit at hand
            return move.visit.village_id
        return Visit.objects.filter(pk=move.visit_id).values_list("village_id", flat=True).first()
    if move.outreach_id:
        return Outreach.objects.filter(pk=move.outreach_id).values_list("village_id", flat=True).first()
    return None


def move_parts(move) -> Counter:
    # Signed: a negative hand-out is the reversal of one booked too many (materials.services.correct_handouts).
    n = move.quantity or 0
    return Counter({"materials.handed_out": n, f"materials.m{move.material_id}": n})


def stock_moved(move) -> None:
    """A new StockMove ledger row was written. Only hand-outs at a place count on the dashboards."""
    if move.kind != "handed_out":
        return
    village = _move_village(move)
    if village is None:
        return
    deltas = Deltas()
    deltas.add(village, move.created_at or timezone.now(), move_parts(move))
    deltas.flush()


def _household_village(household_id) -> str | None:
    from balekdusun.campaigns.models import Household

    if not household_id:
        return None
    return Household.objects.filter(pk=household_id).values_list("village_id", flat=True).first()


def _sticker_village(sticker) -> str | None:
    """The village a sticker hangs in: None while it is on no house, or when its placement time is unknown (a
    rebuild could not put it in a week either)."""
    if sticker.placed_at is None:
        return None
    if sticker.household_id and type(sticker).household.is_cached(sticker):  # placed with the household at hand
        return sticker.household.village_id
    return _household_village(sticker.household_id)


def sticker_placed(sticker) -> None:
    """A Sticker became placed on a household.

    Scans count from the placement time on (`scan_counts`). A phone may sync the placement after a neighbour has
    already scanned the sticker: those stored scans were not counted when they came in (the sticker was on no
    house yet), so they are counted now, in their own weeks."""
    from balekdusun.materials.models import StickerScan

    village = _sticker_village(sticker)
    if village is None:
        return
    deltas = Deltas()
    deltas.add(village, sticker.placed_at, Counter({"stickers.placed": 1}))
    earlier = StickerScan.objects.filter(sticker_id=sticker.pk, scanned_at__gte=sticker.placed_at)
    for when in earlier.values_list("scanned_at", flat=True):
        deltas.add(village, when, Counter({"stickers.scanned": 1}))
    deltas.flush()


def scan_counts(scanned_at, placed_at) -> bool:
    """A scan counts on the dashboards when the sticker was on a house by then; a scan before its placement (a
    staff member trying the code at the office) does not."""
    return placed_at is not None and scanned_at is not None and scanned_at >= placed_at


def sticker_scanned(scan) -> None:
    """A StickerScan was recorded. Counted where the sticker hangs; scans of unplaced codes are not."""
    from balekdusun.materials.models import Sticker

    if not scan.sticker_id:
        return
    row = Sticker.objects.filter(pk=scan.sticker_id).values_list("household__village_id", "placed_at").first()
    if row is None or row[0] is None:
        return
    village, placed_at = row
    when = scan.scanned_at or timezone.now()
    if not scan_counts(when, placed_at):
        return
    deltas = Deltas()
    deltas.add(village, when, Counter({"stickers.scanned": 1}))
    deltas.flush()


def sticker_voided(sticker, *, old_status: str) -> None:
    """A Sticker was voided. A void sticker hangs on no house, so a placed one leaves ``stickers.placed`` in the
    week it was placed, as a rebuild (which counts placed stickers only) does. Its scans stay counted: they
    happened while it hung there, and a void code is not scanned any more."""
    from balekdusun.materials.models import StickerStatus

    if old_status != StickerStatus.PLACED:
        return
    village = _sticker_village(sticker)
    if village is None:
        return
    deltas = Deltas()
    deltas.add(village, sticker.placed_at, Counter({"stickers.placed": 1}), sign=-1)
    deltas.flush()


def case_area(case) -> str:
    """The case's village, else the area the cases app files it under (the office's area), else national."""
    return case.village_id or getattr(case, "area_code", "") or ""


def case_closed_when(case):
    # The first of resolved/closed is when it left the open count; a later close must not move it.
    return getattr(case, "resolved_at", None) or case.closed_at or case.updated_at or timezone.now()


def case_changed(case, *, old_status: str | None, closed_when=None) -> None:
    """A Case was opened (old_status None) or changed status.

    Cases without a village count at their office's area (or national only). Open cases are also counted by due day
    (``cases.open_by_due``) so "overdue" is a sum over past days instead of a scan of the case table.

    A reopened case (resolved or closed back to an open status) leaves ``cases.closed`` in the week it had been
    counted closed, as if it had never closed (a rebuild counts only the cases closed now). The cases app clears
    resolved_at/closed_at when it reopens, so it passes ``closed_when=case_closed_when(case)`` taken before."""
    deltas = Deltas()
    area = case_area(case)
    if old_status is None:
        deltas.add(area, case.created_at or timezone.now(), Counter({"cases.opened": 1}))
    was_closed = old_status in CLOSED if old_status is not None else False
    now_closed = case.status in CLOSED
    if old_status is None and not now_closed and case.due_at:
        deltas.add_day(area, local_date(case.due_at), "cases.open_by_due", 1)
    if was_closed != now_closed:
        sign = 1 if now_closed else -1
        when = case_closed_when(case) if now_closed else closed_when or case_closed_when(case)
        deltas.add(area, when, Counter({"cases.closed": 1}), sign=sign)
        if case.due_at and old_status is not None:
            deltas.add_day(area, local_date(case.due_at), "cases.open_by_due", -sign)
    deltas.flush()


def case_due_changed(case, *, old_due_at) -> None:
    """The due date of a Case changed: an open case's ``cases.open_by_due`` moves from the old day to the new one.
    A resolved or closed case is not counted by due day, so nothing moves (reopening it counts its due date then)."""
    if case.status in CLOSED:
        return
    deltas = Deltas()
    area = case_area(case)
    if old_due_at:
        deltas.add_day(area, local_date(old_due_at), "cases.open_by_due", -1)
    if case.due_at:
        deltas.add_day(area, local_date(case.due_at), "cases.open_by_due", 1)
    deltas.flush()
