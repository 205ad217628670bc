"""Map data: households in a bounding box as single points (coloured by last outcome) or grid clusters,
and villages placed at the mean position of their households, sized by coverage."""

import math

from django.db.models import Avg, Count, F, IntegerField, Max, Min, OuterRef, Q, Subquery
from django.db.models.functions import Cast

from balekdusun.core import precision
from balekdusun.core.scoping import scoped
from balekdusun.reports import conf
from balekdusun.reports.models import TOTAL, RollupCounter


def cell_size(zoom: int) -> float:
    """Grid cell in degrees: about 60 screen pixels at this Leaflet zoom level."""
    zoom = max(0, min(int(zoom), 20))
    return 360 / (2 ** zoom) / 256 * 60


def households_in(user, bbox, area: str | None = None):
    from balekdusun.campaigns.models import Household

    west, south, east, north = bbox
    qs = scoped(user, Household).filter(latitude__gte=south, latitude__lte=north,
                                        longitude__gte=west, longitude__lte=east)
    return within(qs, area)


def within(qs, area: str | None):
    """Households of `area` (any level); the user's scope is applied separately by `scoped`."""
    if not area:
        return qs
    return qs.filter(Q(village_id=area) | Q(village__code__startswith=area + "."))


def map_features(user, bbox, zoom: int, area: str | None = None) -> dict:
    """{"mode": "points"|"clusters", "features": [...]}; points when few enough houses are in view."""
    from balekdusun.visits.models import Visit

    qs = households_in(user, bbox, area)
    # Count at most one more than the limit: enough to choose, without counting 100,000 rows.
    few = qs.values("pk")[: conf.MAP_POINT_LIMIT + 1].count() <= conf.MAP_POINT_LIMIT
    if few or zoom >= 18:
        last = Visit.objects.filter(household_id=OuterRef("pk")).order_by("-visited_at", "-pk").values("outcome")[:1]
        rows = qs.annotate(last=Subquery(last)).values_list("pk", "latitude", "longitude", "last", "village_id")
        # Coarse roles (core/precision.py): no household id, coordinates rounded to the village scale.
        exact = precision.exact(user)
        return {"mode": "points", "features": [
            {**({"id": pk} if exact else {}), "lat": precision.coordinate(user, lat),
             "lon": precision.coordinate(user, lon), "outcome": last or "", "village": village}
            for pk, lat, lon, last, village in rows[: conf.MAP_POINT_LIMIT * 2]]}
    cell = cell_size(zoom)
    grid = (qs.annotate(gx=Cast((F("longitude") + 180.0) / cell, IntegerField()),
                        gy=Cast((F("latitude") + 90.0) / cell, IntegerField()))
            .values("gx", "gy").annotate(n=Count("pk"), lat=Avg("latitude"), lon=Avg("longitude"))
            .values_list("n", "lat", "lon"))
    return {"mode": "clusters", "cell": cell,
            # A cell of one house averages to that house: rounded too for coarse roles.
            "features": [{"count": n, "lat": precision.coordinate(user, lat), "lon": precision.coordinate(user, lon)}
                         for n, lat, lon in grid]}


def village_points(user, bbox=None, area: str | None = None) -> list[dict]:
    """Villages with households: position = mean of their households (else the area centroid, else none),
    with households known and reached from the rollups."""
    from balekdusun.campaigns.models import Household
    from balekdusun.regions.models import Area

    qs = within(scoped(user, Household), area)
    if bbox:
        west, south, east, north = bbox
        qs = qs.filter(latitude__gte=south, latitude__lte=north, longitude__gte=west, longitude__lte=east)
    rows = {v: (lat, lon) for v, lat, lon in qs.values("village_id").annotate(
        lat=Avg("latitude"), lon=Avg("longitude")).values_list("village_id", "lat", "lon")}
    counts = {}
    for code, key, value in scoped(user, RollupCounter).filter(
            area_code__in=list(rows), period=TOTAL, key__in=["households", "households.reached"]) \
            .values_list("area_code", "key", "value"):
        counts.setdefault(code, {})[key] = value
    areas = {a.code: a for a in Area.objects.filter(code__in=list(rows))}
    out = []
    for code, (lat, lon) in rows.items():
        a = areas.get(code)
        if lat is None and a is not None and a.latitude is not None:
            lat, lon = a.latitude, a.longitude
        known = counts.get(code, {}).get("households", 0)
        reached = counts.get(code, {}).get("households.reached", 0)
        coverage = round(100 * reached / known, 1) if known else 0
        out.append({"code": code, "name": a.label if a else code, "lat": precision.coordinate(user, lat),
                    "lon": precision.coordinate(user, lon), "households": known,
                    "reached": reached, "coverage": coverage,
                    "radius": round(4 + 16 * math.sqrt(coverage / 100), 1)})
    out.sort(key=lambda r: r["code"])
    return out


def bounds(user, area: str | None = None):
    from balekdusun.campaigns.models import Household

    qs = within(scoped(user, Household).filter(latitude__isnull=False), area)
    b = qs.aggregate(s=Min("latitude"), n=Max("latitude"), w=Min("longitude"), e=Max("longitude"))
    if b["s"] is None:
        return None
    c = precision.coordinate
    return [[c(user, b["s"]), c(user, b["w"])], [c(user, b["n"]), c(user, b["e"])]]


