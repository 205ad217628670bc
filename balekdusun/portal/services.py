"""Portal workflows: keeping the register and openings, searching agencies, and turning a request into a case."""

from dataclasses import dataclass

from django.core.cache import cache
from django.db import transaction
from django.db.models import Q
from rapidfuzz import fuzz, process

from balekdusun.core import audit
from balekdusun.core.models import Office
from balekdusun.core.services import DomainError
from balekdusun.portal.models import Agency, InfoPage, JobOpening, agency_search_key, normalize_licence

_VERSION_KEY = "portal:content-version"


# --- Cache version: every staff change bumps it, so cached public pages are rebuilt -----------------------------

def content_version() -> int:
    version = cache.get(_VERSION_KEY)
    if version is None:
        version = 1
        cache.add(_VERSION_KEY, version, None)
    return version


def bump_content_version() -> None:
    try:
        cache.incr(_VERSION_KEY)
    except ValueError:
        cache.set(_VERSION_KEY, 2, None)


# --- Staff changes ------------------------------------------------------------------------------------------------

def save_agency(*, agency: Agency, actor) -> Agency:
    """Create or update an agency (already validated by its form), with an audit entry."""
    created = agency.pk is None
    with transaction.atomic():
        agency.updated_by = actor
        agency.save()
        audit.log(actor, "agency.created" if created else "agency.updated", agency,
                  licence=agency.licence_number, status=agency.status)
    bump_content_version()
    return agency


def delete_agency(*, agency: Agency, actor) -> None:
    if agency.job_openings.exists():
        raise DomainError("agency.has_openings",
                          "This agency has job openings; withdraw or move them first, or mark the licence revoked.")
    with transaction.atomic():
        audit.log(actor, "agency.deleted", agency, licence=agency.licence_number)
        agency.delete()
    bump_content_version()


def save_job(*, job: JobOpening, actor) -> JobOpening:
    created = job.pk is None
    with transaction.atomic():
        job.updated_by = actor
        job.save()
        audit.log(actor, "job.created" if created else "job.updated", job,
                  office=job.office or getattr(actor, "office", None), reference=job.reference, status=job.status)
    bump_content_version()
    return job


def save_info_page(*, page: InfoPage, actor) -> InfoPage:
    created = page.pk is None
    with transaction.atomic():
        page.updated_by = actor
        page.save()
        audit.log(actor, "infopage.created" if created else "infopage.updated", page, slug=page.slug)
    bump_content_version()
    return page


# --- Agency search ------------------------------------------------------------------------------------------------

@dataclass
class AgencyHit:
    agency: Agency
    score: float
    by_licence: bool = False


def search_agencies(query: str, *, limit: int = 8) -> list[AgencyHit]:
    """Agencies whose name or licence number resembles `query`, best first.

    A licence number typed in full (any punctuation) is an exact hit. Names forgive typos, word order and the
    "PT"/"P3MI" noise; the register has a few hundred rows, so the fuzzy pass runs over all of them in memory.
    """
    text = (query or "").strip()
    if len(text) < 2:
        return []
    licence = normalize_licence(text)
    hits: dict[int, AgencyHit] = {}
    if len(licence) >= 4 and any(ch.isdigit() for ch in licence):
        for agency in Agency.objects.filter(Q(licence_key=licence) | Q(licence_key__contains=licence))[:limit]:
            exact = agency.licence_key == licence
            hits[agency.pk] = AgencyHit(agency, 100.0 if exact else 90.0, by_licence=True)
    key = agency_search_key(text)
    if key:
        rows = list(Agency.objects.values_list("pk", "search_key"))
        choices = {pk: sk for pk, sk in rows}
        scored = process.extract(key, choices, scorer=fuzz.WRatio, limit=limit * 2, score_cutoff=72)
        # Short names ("Jaya") match many partially; require a decent plain ratio as well for short queries.
        for _choice, score, pk in scored:
            if len(key) < 6 and fuzz.ratio(key, choices[pk]) < 60 and key not in choices[pk]:
                continue
            if pk not in hits or hits[pk].score < score:
                hits[pk] = AgencyHit(None, float(score))
        missing = [pk for pk, hit in hits.items() if hit.agency is None]
        for agency in Agency.objects.filter(pk__in=missing):
            hits[agency.pk].agency = agency
    ranked = sorted(hits.values(), key=lambda h: (-h.score, h.agency.name))
    return ranked[:limit]


# --- Routing a public request -----------------------------------------------------------------------------------

def office_for_area(area_code: str | None) -> Office | None:
    """The office whose jurisdiction covers the area most closely (the longest matching code)."""
    best, best_len = None, -1
    if area_code:
        for office in Office.objects.all():
            for code in office.jurisdiction or []:
                if (area_code == code or area_code.startswith(code + ".")) and len(code) > best_len:
                    best, best_len = office, len(code)
    return best


# Public form choice -> case kind (the visit follow-up kinds the cases app maps to its own terms).
HELP_KIND_TO_CASE = {"information": "information", "family_abroad": "family_in_trouble", "broker": "broker_report",
                     "other": "other"}


def submit_help_request(*, kind: str, description: str, village, name: str = "", phone: str = "",
                        consent: bool = False, sticker=None):
    """Open a case from the public form. Returns the case; its reference is what the resident keeps.

    The office is the one whose jurisdiction covers the village most closely (cases must lie in the office's
    jurisdiction). Name and phone are kept only with consent.
    """
    from balekdusun.cases import services as cases

    office = office_for_area(village.code if village is not None else None)
    if office is None:
        raise DomainError("portal.no_office", "No office covers this village yet.", field="village")
    if not consent:
        name, phone = "", ""
    with transaction.atomic():
        case = cases.open_case(office=office, kind=HELP_KIND_TO_CASE.get(kind, "other"), source="portal",
                               description=description, village=village, sticker=sticker, reporter_name=name,
                               reporter_phone=phone, consent=consent, actor=None)
    return case
