"""Rate limits kept only in the cache, under salted hashes of the client address (and of the username).

Neither the address nor the username is written anywhere in clear: not to the database, not to a cache key.
Counters live in fixed windows (one cache key per window), so a limit of N allows at most 2N in a burst that
straddles two windows; that bound is what these limits promise.

* `hit()`: count one request of a client; the portal's public forms and searches use it.
* `login_wait()`, `login_failed()`, `login_succeeded()`: failed sign-ins, per username and per client, shared
  by the web login (core.forms.LoginForm) and the field app's token endpoint (visits.api.token).
"""

import hashlib
import math
import time
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import gettext as _

from balekdusun.core import conf


def _digest(value: str) -> str:
    return hashlib.sha256(f"{settings.SECRET_KEY}:{value}".encode()).hexdigest()[:32]


def client_key(request) -> str:
    address = request.META.get("REMOTE_ADDR", "")
    if settings.SECURE_PROXY_SSL_HEADER:
        # Behind our own proxy the client is the last address the proxy appended.
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            address = forwarded.split(",")[-1].strip()
    return _digest(address)


def _slot_key(base: str, window: int, now: float) -> str:
    return f"{base}:{int(now // window)}"


def _count(base: str, window: int, now: float) -> int:
    """Add one to the counter of `base` in the current window; the new count."""
    key = _slot_key(base, window, now)
    if cache.add(key, 1, window + 5):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window + 5)
        return 1


def hit(request, bucket: str, limit: int, *, window: int) -> bool:
    """Count one attempt; False when the client is over `limit` attempts in the current window."""
    return _count(f"rl:{bucket}:{client_key(request)}", window, time.time()) <= limit


# --- sign-in attempts -----------------------------------------------------------------------------------------

def _login_subjects(request, username: str) -> list[tuple[str, int]]:
    return [(f"rl:login:user:{_digest((username or '').strip())}", conf.LOGIN_USER_LIMIT),
            (f"rl:login:client:{client_key(request)}", conf.LOGIN_CLIENT_LIMIT)]


def login_wait(request, username: str) -> int:
    """Seconds before this username or this client may try to sign in again; 0 when it may now."""
    now = time.time()
    locks = cache.get_many([f"{base}:lock" for base, _limit in _login_subjects(request, username)])
    return max((math.ceil(until - now) for until in locks.values() if until and until > now), default=0)


def login_failed(request, username: str) -> None:
    """A wrong password (or unknown or inactive user). The attempt that reaches a limit starts the pause."""
    now = time.time()
    window = conf.LOGIN_WINDOW_SECONDS
    for base, limit in _login_subjects(request, username):
        if _count(base, window, now) >= limit:
            cache.set(f"{base}:lock", now + window, window + 5)


def login_succeeded(request, username: str) -> None:
    """The right password clears the username's failures of this window (an officer's own typos should not add
    up over a day); the client's count stays, since one address may be trying many usernames."""
    base, _limit = _login_subjects(request, username)[0]
    cache.delete(_slot_key(base, conf.LOGIN_WINDOW_SECONDS, time.time()))


def login_wait_message(seconds: int) -> str:
    """"Try again after 14:35" (local time): clearer than a count of minutes, and needs no plural."""
    until = timezone.localtime(timezone.now() + timedelta(seconds=seconds))
    return _("Too many failed sign-ins. Try again after %(time)s.") % {"time": f"{until:%H:%M}"}
