"""Reports API at /api/v1/reports: dashboard numbers of an area and map data for a bounding box."""

from django.http import Http404
from ninja import Query, Router, Schema

from balekdusun.core.api import require_api_perm
from balekdusun.core.apierrors import ApiError, bad_format, between
from balekdusun.core.scoping import in_jurisdiction, jurisdiction_codes
from balekdusun.reports import geo, stats

router = Router(tags=["reports"])


def _check(request, area: str | None):
    require_api_perm(request.user, "reports.view")
    if area == "" and jurisdiction_codes(request.user) is not None:
        raise Http404("not found")
    if area and not in_jurisdiction(request.user, area):
        raise Http404("not found")


@router.get("/areas/{code}", summary="Dashboard numbers of an area ('ID' for national)")
def area_numbers(request, code: str):
    code = "" if code.upper() == "ID" else code
    _check(request, code)
    fig = stats.area_figures(request.user, [code])
    return {"area": code or "ID", **fig.as_dict(),
            "weekly": [{"week": w.isoformat(), **{k: c.get(k, 0) for k in stats.TREND_KEYS}} for w, c in fig.trend]}


class MapQuery(Schema):
    bbox: str
    zoom: int = 12
    area: str | None = None


def parse_bbox(value: str):
    try:
        west, south, east, north = (float(v) for v in value.split(","))
    except ValueError:
        raise ApiError(422, bad_format(), field="bbox") from None
    if not (-180 <= west <= east <= 180 and -90 <= south <= north <= 90):
        raise ApiError(422, bad_format(), field="bbox")
    return west, south, east, north


@router.get("/map", summary="Households in a bounding box: single points or grid clusters, plus villages")
def map_data(request, params: Query[MapQuery]):
    _check(request, params.area)
    if not 0 <= params.zoom <= 22:
        raise ApiError(422, between(0, 22), field="zoom")
    bbox = parse_bbox(params.bbox)
    data = geo.map_features(request.user, bbox, params.zoom, params.area)
    # Villages only when zoomed in to a regency or closer: at country scale the clusters say enough.
    data["villages"] = [v for v in geo.village_points(request.user, bbox, params.area)
                        if v["lat"] is not None] if params.zoom >= 10 else []
    return data
