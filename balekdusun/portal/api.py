"""Public read-only API of the portal: the agency register and open job orders (no personal data)."""

from datetime import date

from ninja import Query, Router, Schema

from balekdusun.core import ratelimit
from balekdusun.core.apierrors import ApiError, message, too_many
from balekdusun.portal import conf, services
from balekdusun.portal.models import Country, JobOpening, Sector

router = Router(tags=["portal"])


class AgencyOut(Schema):
    id: int
    name: str
    licence_number: str
    status: str
    city: str
    licence_valid_until: date | None = None
    score: float | None = None


class JobOut(Schema):
    id: int
    reference: str
    position: str
    country: str
    sector: str
    scheme: str
    employer: str
    agency_id: int | None = None
    quota: int
    salary_min: int
    salary_max: int
    currency: str
    closing_date: date


class JobQuery(Schema):
    country: str | None = None
    sector: str | None = None
    closing_after: date | None = None


@router.get("/agencies", response=list[AgencyOut], auth=None, summary="Search the agency register")
def agencies(request, q: str = ""):
    """Typo-tolerant search by name or licence number. An empty result means: not in the register."""
    if len(q.strip()) < 2:
        raise ApiError(422, message("string_too_short", min_length=2), field="q")
    if len(q) > 120:
        raise ApiError(422, message("string_too_long", max_length=120), field="q")
    if not ratelimit.hit(request, "search", conf.SEARCH_LIMIT, window=conf.LIMIT_WINDOW_SECONDS):
        raise ApiError(429, too_many(), code="rate_limited")
    return [{**{f: getattr(h.agency, f) for f in ("id", "name", "licence_number", "status", "city",
                                                    "licence_valid_until")}, "score": h.score}
            for h in services.search_agencies(q)]


@router.get("/jobs", response=list[JobOut], auth=None, summary="Open job orders")
def jobs(request, params: JobQuery = Query(...)):
    qs = JobOpening.objects.public()
    if params.country:
        if params.country.upper() not in Country.values:
            raise ApiError(422, message("literal_error"), field="country")
        qs = qs.filter(country=params.country.upper())
    if params.sector:
        if params.sector not in Sector.values:
            raise ApiError(422, message("literal_error"), field="sector")
        qs = qs.filter(sector=params.sector)
    if params.closing_after:
        qs = qs.filter(closing_date__gte=params.closing_after)
    return list(qs[:500])
