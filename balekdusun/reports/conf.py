"""Tunables of the reports app (environment, with defaults)."""

from django.conf import settings

from balekdusun.lib.env import env_int, env_str

PHOTO_MAX_SIDE = env_int("REPORTS_PHOTO_MAX_SIDE", 1600)
PHOTO_MAX_BYTES = env_int("REPORTS_PHOTO_MAX_BYTES", 15 * 2**20)
PHOTOS_PER_OUTREACH = env_int("REPORTS_PHOTOS_PER_OUTREACH", 24)
# Tiles behind the map page; empty = no background tiles (points only), e.g. on an offline server.
MAP_TILE_URL = env_str("REPORTS_MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
# Above this many households in view the map shows grid clusters instead of single houses.
MAP_POINT_LIMIT = env_int("REPORTS_MAP_POINT_LIMIT", 1500)
EXPORT_CHUNK = env_int("REPORTS_EXPORT_CHUNK", 2000)
# Dashboards of an area are computed from rollups (a few hundred rows) and kept this many seconds in the cache,
# so a crowd of viewers costs one computation; 0 disables (tests).
DASHBOARD_CACHE_SECONDS = env_int("REPORTS_DASHBOARD_CACHE_SECONDS", 0 if settings.MODE == "test" else 30)
