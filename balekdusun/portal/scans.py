"""A sticker's scan counts once per visitor per sticker per day.

Opening the page again (the back button, a reload, a shared link opened twice) is not a second scan. A visitor
is recognised by either of two marks, and nothing personal is stored anywhere:

* a cookie on the phone listing the sticker codes it opened today (reset at midnight, office time);
* for scanner apps that drop cookies, a key in the cache: a hash of the day's random salt, the salted hash of
  the client address (`core.ratelimit.client_key`), the browser's user-agent and the code. The salt is made
  fresh each day and kept only in the cache, so yesterday's keys cannot be linked to today's or to an address.
"""

import datetime as dt
import hashlib
import secrets

from django.core.cache import cache
from django.utils import timezone

from balekdusun.core.ratelimit import client_key

COOKIE = "bd_scans"
MAX_CODES = 30  # codes kept in the cookie per day; a visitor past this is still recognised by the cache key


def _seconds_to_midnight(now) -> int:
    local = timezone.localtime(now)
    midnight = (local + dt.timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    return max(60, int((midnight - local).total_seconds()) + 60)


def _visitor_key(request, code: str, today: str, ttl: int) -> str:
    salt = cache.get_or_set(f"portal:scan-salt:{today}", secrets.token_hex(16), ttl + 3600)
    agent = request.META.get("HTTP_USER_AGENT", "")[:200]
    digest = hashlib.sha256(f"{salt}|{client_key(request)}|{agent}|{code}".encode()).hexdigest()[:32]
    return f"portal:scan:{today}:{digest}"


def _cookie_codes(request, today: str) -> list[str]:
    day, _sep, codes = request.COOKIES.get(COOKIE, "").partition(":")
    return [c for c in codes.split(".") if c.isalnum()][:MAX_CODES] if day == today else []


def first_view_today(request, code: str) -> bool:
    """True when this visitor has not opened this sticker's page today (and marks it as opened in the cache)."""
    now = timezone.now()
    today = timezone.localdate(now).isoformat()
    ttl = _seconds_to_midnight(now)
    seen_by_cookie = code in _cookie_codes(request, today)
    new_in_cache = cache.add(_visitor_key(request, code, today, ttl), 1, ttl)
    return new_in_cache and not seen_by_cookie


def remember(request, response, code: str) -> None:
    """Adds the code to the visitor's cookie of today's stickers."""
    now = timezone.now()
    today = timezone.localdate(now).isoformat()
    codes = _cookie_codes(request, today)
    if code not in codes:
        codes = (codes + [code])[-MAX_CODES:]
    response.set_cookie(COOKIE, f"{today}:{'.'.join(codes)}", max_age=_seconds_to_midnight(now), httponly=True,
                        samesite="Lax", secure=request.is_secure())
