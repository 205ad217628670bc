"""Planning API at /api/v1/planning: village priority, turfs with ordered stops, household creation and
duplicate suggestions (used by the field app)."""

import datetime as dt
import uuid

from django.http import Http404
from ninja import Field, Query, Router, Schema, Status

from balekdusun.campaigns import priority, services, walklist
from balekdusun.campaigns.models import Turf
from balekdusun.core import precision
from balekdusun.core.api import require_api_perm
from balekdusun.core.apierrors import ApiError, between, not_found
from balekdusun.core.apitypes import FLAG_RULE, NUMBER_RULE, CleanBody, Flag, Number
from balekdusun.core.scoping import get_scoped_or_404, in_jurisdiction, scoped
from balekdusun.core.services import DomainError

router = Router(tags=["planning"])


class PriorityOut(Schema):
    code: str
    name: str
    district: str
    regency: str
    score: float
    parts: dict[str, float]
    raw: dict[str, float]


@router.get("/priority", response=list[PriorityOut], summary="Villages ranked by priority, with score components")
def priority_list(request, within: str | None = None, limit: int = 50):
    require_api_perm(request.user, "campaigns.view")
    if not 1 <= limit <= 500:
        raise ApiError(422, between(1, 500), field="limit")
    return [{"code": v.code, "name": v.name, "district": v.district, "regency": v.regency, "score": v.score,
             "parts": v.parts, "raw": {k: float(x) for k, x in v.raw.items()}}
            for v in priority.rank(request.user, within=within)[:limit]]


class StopOut(Schema):
    position: int
    household_id: int
    place: str
    address: str
    latitude: float | None
    longitude: float | None
    last_outcome: str
    visits: int
    priority: bool


class TurfOut(Schema):
    id: int
    name: str
    outreach_id: int
    village: str
    date: dt.date
    officers: list[str]
    route_length_m: int
    stops: list[StopOut]


def _turf_out(turf):
    return {"id": turf.pk, "name": turf.name, "outreach_id": turf.outreach_id, "village": turf.outreach.village_id,
            "date": turf.outreach.date, "officers": [u.username for u in turf.officers.all()],
            "route_length_m": turf.route_length_m, "stops": walklist.rows(turf)}


@router.get("/turfs/mine", response=list[TurfOut], summary="Turfs assigned to me from today on, with walk lists")
def my_turfs(request, since: dt.date | None = None):
    require_api_perm(request.user, "campaigns.view")
    since = since or dt.date.today()
    turfs = (scoped(request.user, Turf).filter(officers=request.user, outreach__date__gte=since)
             .select_related("outreach").order_by("outreach__date", "name"))
    return [_turf_out(t) for t in turfs]


@router.get("/turfs/{turf_id}", response=TurfOut, summary="One turf with its ordered walk list")
def turf_detail(request, turf_id: int):
    require_api_perm(request.user, "campaigns.view")
    try:
        turf = get_scoped_or_404(request.user, Turf.objects.select_related("outreach"), pk=turf_id)
    except Http404:
        raise not_found("turf_id") from None
    return _turf_out(turf)


class HouseholdIn(CleanBody):
    village: str = Field(max_length=13, description="Kemendagri village code, e.g. 16.02.08.2017")
    client_uuid: uuid.UUID | None = None
    dusun: str = Field(default="", max_length=60)
    rt: str = Field(default="", max_length=5)
    rw: str = Field(default="", max_length=5)
    address: str = Field(default="", max_length=255)
    latitude: Number | None = Field(default=None, ge=-90, le=90, description=NUMBER_RULE)
    longitude: Number | None = Field(default=None, ge=-180, le=180, description=NUMBER_RULE)
    head_name: str = Field(default="", max_length=120)
    phone: str = Field(default="", max_length=32)
    consent: Flag = Field(default=False, description=FLAG_RULE)


class HouseholdOut(Schema):
    id: int
    village: str
    client_uuid: uuid.UUID | None
    dusun: str
    rt: str
    rw: str
    address: str
    latitude: float | None
    longitude: float | None
    distance_m: float | None = None


def _household_out(h, user=None):
    """A household as `user`'s role may see its place (core/precision.py); without a user, as it was just sent."""
    address, lat, lon = h.address, h.latitude, h.longitude
    if user is not None:
        address = precision.address(user, address)
        lat, lon = precision.coordinate(user, lat), precision.coordinate(user, lon)
    return {"id": h.pk, "village": h.village_id, "client_uuid": h.client_uuid, "dusun": h.dusun, "rt": h.rt,
            "rw": h.rw, "address": address, "latitude": lat, "longitude": lon,
            "distance_m": getattr(h, "distance_m", None)}


@router.post("/households", response={201: HouseholdOut}, summary="Register a household (idempotent by client_uuid)")
def create_household(request, payload: HouseholdIn):
    require_api_perm(request.user, "households.edit")
    if not in_jurisdiction(request.user, payload.village):
        raise not_found("village")
    data = payload.dict()
    village = data.pop("village")
    try:
        household = services.create_household(village=village, actor=request.user, **data)
    except DomainError as err:
        raise ApiError(422, err.message, field=err.field or "", code=err.code) from None
    return Status(201, _household_out(household))


class NearbyQuery(Schema):
    village: str
    latitude: float
    longitude: float
    address: str = ""


@router.get("/households/nearby", response=list[HouseholdOut],
            summary="Possible duplicates: households within 15 m with a similar address")
def nearby(request, params: NearbyQuery = Query(...)):
    require_api_perm(request.user, "households.edit")
    if not in_jurisdiction(request.user, params.village):
        raise not_found("village")
    found = services.nearby_households(village_code=params.village, latitude=params.latitude,
                                       longitude=params.longitude, address=params.address)
    return [_household_out(h, request.user) for h in found]
