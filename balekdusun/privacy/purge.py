"""Erase or delete what has outlived its retention period (conf.py; docs/privacy.md).

`run(dry_run, now)` is what the `balekdusun purge` command and the daily job call. Each item below selects what has
expired, counts it per office and (unless `dry_run`) erases or deletes it, all in one transaction. A run writes one
audit entry with the counts per item and office; a dry run changes nothing and writes nothing.

The purge is idempotent: what it erased no longer matches its selection (erased visits carry a marker in their
answers, erased stories have no text left, anonymised cases are listed in `Erasure`, deleted rows are gone), so a
second run finds nothing. Open protection cases are kept whole, and so are the visits and households they came from.
The audit log's copies of a visit's earlier version (a resolved sync conflict) are erased on the visit's schedule.

The dashboards stay true: a visit's answers are changed only where the rollups do not read them (GPS, the notes of
follow-ups, whose number is kept), except the story text, whose removal takes the visit out of "stories that may be
quoted" in the counters in the same transaction (the counters equal a rebuild from the rows afterwards).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from balekdusun.privacy import conf

# The marker a visit's answers get when its personal details were erased (the day, as text).
ERASED_MARK = "personal_erased"
CHUNK = 1000

# What the purge erases or deletes, in the order it runs: key -> (retention kind in conf, the records in words).
ITEMS = {
    "visits": ("visit_personal", gettext_lazy("visits: GPS position and follow-up notes erased")),
    "households": ("visit_personal", gettext_lazy("households: name and phone number erased")),
    "conflicts": ("visit_personal", gettext_lazy("resolved sync conflicts deleted")),
    "audit_copies": ("visit_personal",
                     gettext_lazy("earlier versions of visits in the audit log: GPS position and notes erased")),
    "stories": ("story", gettext_lazy("stories told at the door: text erased")),
    "audit_stories": ("story", gettext_lazy("earlier versions of visits in the audit log: story text erased")),
    "closed_cases": ("closed_case", gettext_lazy("closed cases: people's details, narrative and notes erased")),
    "portal_reports": ("portal_report",
                       gettext_lazy("closed reports from the portal: people's details, narrative and notes erased")),
    "audit_entries": ("audit", gettext_lazy("audit log entries deleted")),
}


@dataclass
class Result:
    dry_run: bool
    now: object
    counts: Counter = field(default_factory=Counter)
    # item -> office name (or "" for records of no office) -> count
    by_office: dict = field(default_factory=lambda: defaultdict(Counter))

    def add(self, item: str, office: str, n: int = 1) -> None:
        if n:
            self.counts[item] += n
            self.by_office[item][office] += n

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def lines(self) -> list[str]:
        """The result in words, one line per item with what was found, then its offices."""
        out = []
        for item, (_kind, label) in ITEMS.items():
            n = self.counts.get(item, 0)
            if not n:
                continue
            offices = ", ".join(f"{name or _('no office')}: {count}"
                                for name, count in sorted(self.by_office[item].items()))
            out.append(f"{label}: {n} ({offices})")
        return out

    def as_data(self) -> dict:
        return {"counts": {k: v for k, v in self.counts.items() if v},
                "by_office": {item: dict(offices) for item, offices in self.by_office.items() if offices}}


class _Offices:
    """The office whose jurisdiction covers an area code most closely (the longest matching code), remembered."""

    def __init__(self):
        from balekdusun.core.models import Office

        self.offices = list(Office.objects.only("pk", "name", "jurisdiction"))
        self.names = {o.pk: o.name for o in self.offices}
        self.seen: dict[str, str] = {}

    def of_area(self, code: str | None) -> str:
        code = code or ""
        if code not in self.seen:
            best, best_len = "", -1
            for office in self.offices:
                for j in office.jurisdiction or []:
                    if (code == j or code.startswith(j + ".")) and len(j) > best_len:
                        best, best_len = office.name, len(j)
            self.seen[code] = best
        return self.seen[code]

    def of_id(self, pk) -> str:
        return self.names.get(pk, "")


def cutoff(kind: str, now):
    """The moment before which data of this kind has expired, or None when it is kept forever."""
    days = conf.period(kind).days
    return None if days <= 0 else now - timedelta(days=days)


def run(dry_run: bool = False, now=None, actor=None) -> Result:
    """Purge what has expired at `now` (default: now). Returns the counts; see the module."""
    from balekdusun.core import audit
    from balekdusun.reports import rollups

    now = now or timezone.now()
    result = Result(dry_run=dry_run, now=now)
    offices = _Offices()
    with rollups.collected():
        for item, (kind, _label) in ITEMS.items():
            before = cutoff(kind, now)
            if before is not None:
                PURGERS[item](result, offices, before, dry_run)
        if not dry_run:
            audit.log(actor, "privacy.purged", **result.as_data())
    return result


# --- visits and households -------------------------------------------------------------------------------------

def _open_case_q():
    from balekdusun.cases.models import OPEN_STATUSES, Case

    return Case.objects.filter(status__in=OPEN_STATUSES)


def _change_visits(result, offices, qs, item, change, dry_run):
    """Apply `change(data, today) -> data` to the answers of the visits of `qs` (and clear their GPS for
    "visits"), moving the rollups by what the change takes out of them."""
    from django.db import connection

    from balekdusun.reports import rollups
    from balekdusun.visits.models import Visit

    if dry_run:
        for row in qs.order_by().values("village_id").annotate(n=Count("pk")):
            result.add(item, offices.of_area(row["village_id"]), row["n"])
        return
    today = timezone.localdate(result.now).isoformat()
    field = Visit._meta.get_field("data")
    gps = ", latitude = NULL, longitude = NULL" if item == "visits" else ""
    sql = f"UPDATE {Visit._meta.db_table} SET data = %s{gps} WHERE id = %s"
    deltas = rollups.Deltas()
    last = 0
    while True:
        batch = list(qs.filter(pk__gt=last).order_by("pk")
                     .only("pk", "village_id", "visited_at", "outcome", "data")[:CHUNK])
        if not batch:
            break
        last = batch[-1].pk
        params = []
        for visit in batch:
            result.add(item, offices.of_area(visit.village_id))
            old = rollups.base_part(visit)
            visit.data = change(dict(visit.data or {}), today)
            new = rollups.base_part(visit)
            if old != new:
                deltas.add(visit.village_id, visit.visited_at, old, sign=-1)
                deltas.add(visit.village_id, visit.visited_at, new)
            params.append((field.get_db_prep_save(visit.data, connection), visit.pk))
        with connection.cursor() as cursor:
            cursor.executemany(sql, params)
    deltas.flush()


def _erase_personal(data: dict, today: str) -> dict:
    followups = data.get("followups")
    if isinstance(followups, list):
        data["followups"] = [{k: v for k, v in f.items() if k != "note"} if isinstance(f, dict) else f
                             for f in followups]
    data[ERASED_MARK] = today
    return data


def _erase_story(data: dict, today: str) -> dict:
    story = data.get("story")
    if isinstance(story, dict):
        data["story"] = {k: v for k, v in story.items() if k != "text"}
    return data


def _kept_visits(qs):
    """Visits an open case came from keep everything."""
    return qs.exclude(Exists(_open_case_q().filter(visit_id=OuterRef("pk"))))


def purge_visits(result, offices, before, dry_run):
    from balekdusun.visits.models import Visit

    qs = (Visit.objects.filter(visited_at__lt=before).exclude(data__has_key=ERASED_MARK)
          .filter(Q(latitude__isnull=False) | Q(longitude__isnull=False) | Q(data__has_key="followups")))
    _change_visits(result, offices, _kept_visits(qs), "visits", _erase_personal, dry_run)


def purge_stories(result, offices, before, dry_run):
    from balekdusun.visits.models import Visit

    qs = Visit.objects.filter(visited_at__lt=before, data__story__has_key="text")
    _change_visits(result, offices, _kept_visits(qs), "stories", _erase_story, dry_run)


def purge_households(result, offices, before, dry_run):
    """A household's name and phone, once nobody visited it since `before` and no open case concerns it."""
    from balekdusun.campaigns.models import Household
    from balekdusun.visits.models import Visit

    qs = (Household.objects.filter(created_at__lt=before).exclude(head_name="", phone="")
          .exclude(Exists(Visit.objects.filter(household_id=OuterRef("pk"), visited_at__gte=before)))
          .exclude(Exists(_open_case_q().filter(household_id=OuterRef("pk")))))
    ids = []
    for pk, village in qs.values_list("pk", "village_id").iterator(chunk_size=CHUNK):
        result.add("households", offices.of_area(village))
        ids.append(pk)
    if not dry_run:
        for i in range(0, len(ids), CHUNK):
            Household.objects.filter(pk__in=ids[i:i + CHUNK]).update(head_name="", phone="")


def purge_conflicts(result, offices, before, dry_run):
    """Resolved sync conflicts keep an incoming version of the answers; once resolved and old, nobody needs it."""
    from balekdusun.visits.models import SyncConflict

    qs = SyncConflict.objects.filter(received_at__lt=before, resolved_at__isnull=False)
    for village in qs.values_list("village_id", flat=True).iterator(chunk_size=CHUNK):
        result.add("conflicts", offices.of_area(village))
    if not dry_run:
        qs.delete()


def _change_audit_copies(result, offices, qs, item, change, dry_run):
    """The audit log keeps a visit's earlier version when a sync conflict replaced it ("before"): the same
    personal details as the visit, erased on the same schedule. Entries are never edited otherwise; this writes
    the column directly, past the audit log's refusal of updates."""
    from django.db import connection

    from balekdusun.core.models import AuditEntry

    today = timezone.localdate(result.now).isoformat()
    field = AuditEntry._meta.get_field("data")
    params = []
    for entry in qs.only("pk", "office_id", "data").iterator(chunk_size=CHUNK):
        result.add(item, offices.of_id(entry.office_id))
        if dry_run:
            continue
        data = dict(entry.data)
        before = dict(data.get("before") or {})
        if item == "audit_copies":
            before["latitude"] = before["longitude"] = None
        before["data"] = change(dict(before.get("data") or {}), today)
        data["before"] = before
        params.append((field.get_db_prep_save(data, connection), entry.pk))
    if params:
        with connection.cursor() as cursor:
            cursor.executemany(f"UPDATE {AuditEntry._meta.db_table} SET data = %s WHERE id = %s", params)


def _replaced_visits(before):
    from balekdusun.core.models import AuditEntry

    return AuditEntry.objects.filter(action="visit.replaced_from_conflict", at__lt=before)


def purge_audit_copies(result, offices, before, dry_run):
    qs = _replaced_visits(before).exclude(data__before__data__has_key=ERASED_MARK)
    _change_audit_copies(result, offices, qs, "audit_copies", _erase_personal, dry_run)


def purge_audit_stories(result, offices, before, dry_run):
    qs = _replaced_visits(before).filter(data__before__data__story__has_key="text")
    _change_audit_copies(result, offices, qs, "audit_stories", _erase_story, dry_run)


# --- cases -----------------------------------------------------------------------------------------------------

def _anonymise_cases(result, offices, item, qs, dry_run):
    from balekdusun.cases.models import Case, CaseAttachment, CaseEvent
    from balekdusun.privacy.models import Erasure

    qs = qs.exclude(pk__in=Erasure.objects.filter(kind=Erasure.Kind.CASE).values("object_id"))
    ids = []
    for pk, office_id in qs.values_list("pk", "office_id").iterator(chunk_size=CHUNK):
        result.add(item, offices.of_id(office_id))
        ids.append(pk)
    if dry_run or not ids:
        return
    for i in range(0, len(ids), CHUNK):
        chunk = ids[i:i + CHUNK]
        Case.objects.filter(pk__in=chunk).update(
            reporter_name="", reporter_phone="", phone_last4="", reporter_relationship="", subject_name="",
            employer="", description="", health_details="", victim_status="", household=None, visit=None,
            sticker=None)
        CaseEvent.objects.filter(case_id__in=chunk).update(text="")
        for attachment in CaseAttachment.objects.filter(case_id__in=chunk):
            attachment.file.delete(save=False)
            attachment.delete()
        Erasure.objects.bulk_create([Erasure(kind=Erasure.Kind.CASE, object_id=pk, erased_at=result.now)
                                     for pk in chunk])


def _closed_before(before):
    from balekdusun.cases.models import Case, CaseStatus

    return (Case.objects.filter(status__in=[CaseStatus.RESOLVED, CaseStatus.CLOSED])
            .annotate(closed_when=Coalesce("closed_at", "resolved_at", "updated_at"))
            .filter(closed_when__lt=before))


def purge_closed_cases(result, offices, before, dry_run):
    _anonymise_cases(result, offices, "closed_cases", _closed_before(before).exclude(source="portal"), dry_run)


def purge_portal_reports(result, offices, before, dry_run):
    _anonymise_cases(result, offices, "portal_reports", _closed_before(before).filter(source="portal"), dry_run)


# --- the audit log ---------------------------------------------------------------------------------------------

def purge_audit(result, offices, before, dry_run):
    """The one place audit entries are deleted (the model refuses any other delete)."""
    from balekdusun.core.models import AuditEntry

    qs = AuditEntry.objects.filter(at__lt=before)
    for office_id, n in Counter(qs.values_list("office_id", flat=True)).items():
        result.add("audit_entries", offices.of_id(office_id), n)
    if not dry_run:
        qs._raw_delete(qs.db)


PURGERS = {
    "visits": purge_visits,
    "households": purge_households,
    "conflicts": purge_conflicts,
    "audit_copies": purge_audit_copies,
    "stories": purge_stories,
    "audit_stories": purge_audit_stories,
    "closed_cases": purge_closed_cases,
    "portal_reports": purge_portal_reports,
    "audit_entries": purge_audit,
}
