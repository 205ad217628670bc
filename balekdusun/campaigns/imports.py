"""Imports of PMI-origin figures and village household lists. All or nothing; errors by line and column."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from balekdusun.campaigns.models import Household, MigrationStat
from balekdusun.core import audit
from balekdusun.core.scoping import in_jurisdiction
from balekdusun.core.services import DomainError
from balekdusun.lib.tabular import EXTRA, FileProblem, ImportResult, check_header, parse_count, read_rows
from balekdusun.reports import rollups

CHUNK = 1000

MIGRATION_REQUIRED = ["area_code", "year", "placements"]
MIGRATION_OPTIONAL = ["month", "non_procedural", "complaints", "source"]
MIGRATION_PREFIXES = ("country_", "sector_")
MIGRATION_TEMPLATE_HEADER = MIGRATION_REQUIRED + MIGRATION_OPTIONAL + [
    "country_MY", "country_JP", "country_TW", "sector_domestic_worker", "sector_plantation", "sector_manufacturing"]
# Keyed by column (lib/import_template.py writes them in the header's order); a year's total leaves `month` empty.
MIGRATION_TEMPLATE_ROWS = [
    {"area_code": "16.02.08.2017", "year": "2023", "month": "", "placements": "48", "non_procedural": "3",
     "complaints": "1", "source": "BP3MI Sumsel", "country_MY": "40", "country_JP": "8", "country_TW": "0",
     "sector_domestic_worker": "30", "sector_plantation": "10", "sector_manufacturing": "8"},
    {"area_code": "16.02.23", "year": "2023", "month": "", "placements": "120", "non_procedural": "5",
     "complaints": "2", "source": "BP3MI Sumsel", "country_MY": "95", "country_JP": "25", "country_TW": "0",
     "sector_domestic_worker": "70", "sector_plantation": "30", "sector_manufacturing": "20"},
]
SECTORS = {"domestic_worker", "caregiver", "plantation", "manufacturing", "construction", "fishing", "hospitality",
           "other"}

HOUSEHOLD_COLUMNS = ["dusun", "rt", "rw", "address", "latitude", "longitude", "head_name", "phone", "consent"]
HOUSEHOLD_TEMPLATE_ROWS = [
    {"dusun": "Dusun I", "rt": "001", "rw": "001", "address": "Jl. Lintas Timur dekat masjid", "latitude": "-3.2501",
     "longitude": "104.8502"},
    {"dusun": "Dusun II", "rt": "003", "rw": "001", "address": "Lorong Sungai, rumah panggung biru",
     "latitude": "-3.2512", "longitude": "104.8489", "head_name": "Nama Kepala KK", "phone": "0812-0000-0000",
     "consent": "ya"},
]
YES = {"1", "y", "ya", "yes", "true", "benar", "setuju", "x", "✓"}
NO = {"", "0", "n", "no", "tidak", "false"}


def import_migration(fileobj, filename: str, *, actor=None, user=None, source: str = "",
                     progress=None) -> ImportResult:
    """Import MigrationStat rows. `user` limits areas to their jurisdiction (the upload page); the command has none.

    Columns: area_code, year, placements (required); month, non_procedural, complaints, source,
    country_XX (ISO alpha-2), sector_<sector> (optional).
    """
    from balekdusun.regions.models import Area

    result = ImportResult()
    try:
        header, rows = read_rows(fileobj, filename, progress=progress)
        check_header(header, required=MIGRATION_REQUIRED, optional=MIGRATION_OPTIONAL, prefixes=MIGRATION_PREFIXES)
        for name in header:
            if name.startswith("country_") and (len(name) != 10 or not name[8:].isalpha()):
                raise FileProblem(_("“%(c)s”: use country_ and a two-letter country code, e.g. country_MY.")
                                  % {"c": name}, column=name)
            if name.startswith("sector_") and name[7:] not in SECTORS:
                raise FileProblem(_("“%(c)s”: unknown sector. Known: %(s)s.")
                                  % {"c": name, "s": ", ".join(sorted(SECTORS))}, column=name)
        started = timezone.now()
        with transaction.atomic():
            chunk: list[tuple[int, MigrationStat]] = []
            for line, row in rows:
                result.rows += 1
                stat = _migration_row(line, row, result, source or "")
                if stat is not None:
                    stat.imported_at = started
                    chunk.append((line, stat))
                if len(chunk) >= CHUNK:
                    _write_migration_chunk(chunk, result, Area, user, started)
                    chunk = []
            _write_migration_chunk(chunk, result, Area, user, started)
            if result.rows == 0:
                result.add(2, "", _("The file has a header but no rows."))
            if result.errors:
                transaction.set_rollback(True)
                result.created = 0
                result.errors.sort(key=lambda e: e.line)
            else:
                audit.log(actor, "migration.imported", None, file=filename, rows=result.created)
    except FileProblem as problem:
        result.errors = [problem.error]
        result.created = 0
    return result


def _migration_row(line: int, row: dict, result: ImportResult, default_source: str) -> MigrationStat | None:
    bad = len(result.errors)
    if EXTRA in row:
        result.add(line, "", _("More cells than columns in the header."))
    code = (row.get("area_code") or "").strip()
    if not code:
        result.add(line, "area_code", _("An area code is required."))
    values = {}
    for column, required in (("year", True), ("month", False), ("placements", True),
                             ("non_procedural", False), ("complaints", False)):
        try:
            values[column] = parse_count(row.get(column, ""), required=required)
        except ValueError as exc:
            result.add(line, column, str(exc))
    if "year" in values and not 2000 <= values["year"] <= 2100:
        result.add(line, "year", _("The year must be between 2000 and 2100."))
    if "month" in values and not 0 <= values["month"] <= 12:
        result.add(line, "month", _("The month must be 1-12, or empty for the whole year."))
    by_country, by_sector = {}, {}
    for column, text in row.items():
        if column.startswith(("country_", "sector_")):
            try:
                n = parse_count(text)
            except ValueError as exc:
                result.add(line, column, str(exc))
                continue
            if n:
                if column.startswith("country_"):
                    by_country[column[8:].upper()] = n
                else:
                    by_sector[column[7:]] = n
    if len(result.errors) > bad or result.truncated:
        return None
    return MigrationStat(area_id=code, year=values["year"], month=values["month"], placements=values["placements"],
                         non_procedural=values["non_procedural"], complaints=values["complaints"],
                         by_country=by_country, by_sector=by_sector,
                         source=(row.get("source") or default_source).strip()[:120])


def _write_migration_chunk(chunk, result: ImportResult, Area, user, started) -> None:
    if not chunk:
        return
    codes = {stat.area_id for _line, stat in chunk}
    known = set(Area.objects.filter(code__in=codes).values_list("code", flat=True))
    stored = {}
    years = {stat.year for _line, stat in chunk}
    # Narrow by area and year so the lookup stays small while the file's own rows accumulate in the table.
    for area_id, year, month, at in MigrationStat.objects.filter(area_id__in=codes, year__in=years).values_list(
            "area_id", "year", "month", "imported_at"):
        stored[(area_id, year, month)] = at
    seen: dict[tuple, int] = {}
    good = []
    for line, stat in chunk:
        key = (stat.area_id, stat.year, stat.month)
        if stat.area_id not in known:
            result.add(line, "area_code", _("Unknown area code “%(code)s”.") % {"code": stat.area_id})
        elif user is not None and not in_jurisdiction(user, stat.area_id):
            result.add(line, "area_code", _("Area %(code)s is outside your jurisdiction.") % {"code": stat.area_id})
        elif key in seen:
            result.add(line, "area_code", _("Duplicate of line %(line)d (same area and period).")
                       % {"line": seen[key]})
        elif key in stored:
            if stored[key] == started:
                result.add(line, "area_code", _("Duplicate: this area and period appear earlier in the file."))
            else:
                result.add(line, "area_code", _("Figures for this area and period are already stored."))
        else:
            seen[key] = line
            good.append(stat)
    # Valid rows are written even after an error so later duplicates are still found; the caller rolls back.
    MigrationStat.objects.bulk_create(good)
    result.created += len(good)


def import_households(fileobj, filename: str, *, village, actor, progress=None) -> ImportResult:
    """Import a village's household list. Name and phone are accepted only on rows with consent = ya."""
    from balekdusun.campaigns.services import CONSENT_TEXT_VERSION, clean_household_fields

    result = ImportResult()
    try:
        header, rows = read_rows(fileobj, filename, progress=progress)
        check_header(header, required=["address"], optional=[c for c in HOUSEHOLD_COLUMNS if c != "address"]
                     + ["village_code"])
        now = timezone.now()
        with transaction.atomic():
            chunk = []
            for line, row in rows:
                result.rows += 1
                if EXTRA in row:
                    result.add(line, "", _("More cells than columns in the header."))
                    continue
                code = (row.get("village_code") or "").strip()
                if code and code != village.code:
                    result.add(line, "village_code", _("This list is for %(v)s, not %(code)s.")
                               % {"v": village.code, "code": code})
                    continue
                consent_text = (row.get("consent") or "").strip().lower()
                if consent_text not in YES | NO:
                    result.add(line, "consent", _("Write “ya” or leave empty."))
                    continue
                consent = consent_text in YES
                fields = {k: row.get(k, "") for k in HOUSEHOLD_COLUMNS if k != "consent"}
                try:
                    values = clean_household_fields(fields, consent=consent)
                except DomainError as err:
                    result.add(line, err.field or "", err.message)
                    continue
                if not values["address"] and values["latitude"] is None:
                    result.add(line, "address", _("Give an address description or GPS coordinates."))
                    continue
                household = Household(village=village, created_by=actor, created_at=now, **values)
                if consent and (values["head_name"] or values["phone"]):
                    household.consent_at, household.consent_text_version = now, CONSENT_TEXT_VERSION
                    household.consent_by = actor
                chunk.append(household)
                if len(chunk) >= CHUNK:
                    result.created += _write_households(chunk)
                    chunk = []
            result.created += _write_households(chunk)
            if result.rows == 0:
                result.add(2, "", _("The file has a header but no rows."))
            if result.errors:
                transaction.set_rollback(True)
                result.created = 0
                result.errors.sort(key=lambda e: e.line)
            else:
                audit.log(actor, "households.imported", None, area_code=village.code, file=filename,
                          village=village.code, rows=result.created)
    except FileProblem as problem:
        result.errors = [problem.error]
        result.created = 0
    return result


def _write_households(chunk: list[Household]) -> int:
    if not chunk:
        return 0
    created = Household.objects.bulk_create(chunk)
    # The chunk's counters in one write: a write per house updated the same village rows a thousand times in one
    # transaction, and PostgreSQL walks every earlier version of a row it updates again (50,000 rows took minutes).
    with rollups.collected():
        for household in created:
            rollups.household_added(household)
    return len(created)
