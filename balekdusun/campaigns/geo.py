"""Small geometry helpers: distances on the earth's surface and a local flat projection for short distances."""

import math

EARTH_RADIUS_M = 6_371_000.0


def haversine_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(min(1.0, a)))


def project(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """(lat, lon) -> (x, y) metres on a plane tangent at the points' centre. Within a village the error is tiny."""
    if not points:
        return []
    lat0 = sum(p[0] for p in points) / len(points)
    lon0 = sum(p[1] for p in points) / len(points)
    kx = math.radians(1) * EARTH_RADIUS_M * math.cos(math.radians(lat0))
    ky = math.radians(1) * EARTH_RADIUS_M
    return [((lon - lon0) * kx, (lat - lat0) * ky) for lat, lon in points]


def metres_to_degrees(metres: float, latitude: float) -> tuple[float, float]:
    """A (dlat, dlon) box half-size covering `metres` around `latitude`."""
    dlat = metres / (math.radians(1) * EARTH_RADIUS_M)
    dlon = metres / (math.radians(1) * EARTH_RADIUS_M * max(0.01, math.cos(math.radians(latitude))))
    return dlat, dlon
