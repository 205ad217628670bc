"""Rate limits and sign-in backoff, counted in the counters every server process shares (core/counters.py: the
database without Redis, Redis with it), under salted hashes: neither an address, a username nor a device id is
written anywhere in clear.

A *client* is the address together with the device cookie (`bd_device`, a random id set the first time a limit
looks at the browser or phone). Carrier-grade NAT puts a whole village behind one address; the cookie keeps the
neighbours apart.

* `hit()`: count one request of a holder (address + sticker code or device cookie) against a window limit, and the
  address against PORTAL_ADDRESS_FACTOR times that limit; the portal's forms and searches use it.
* `login_wait()`, `login_failed()`, `login_succeeded()`: failed sign-ins with exponential backoff, shared by the
  web login (core.forms.LoginForm), its second-factor step (core.twofactor) and the field app's token endpoint
  (visits.api.token). See docs/signin.md for the rules.
"""

import hashlib
import math
import re
import secrets
import time
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from balekdusun.core import conf, counters

DEVICE_COOKIE = "bd_device"
_DEVICE_RE = re.compile(r"^[0-9a-f]{32}$")


def _digest(value: str) -> str:
    return hashlib.sha256(f"{settings.SECRET_KEY}:{value}".encode()).hexdigest()[:32]


def client_address(request) -> str:
    address = request.META.get("REMOTE_ADDR", "")
    if settings.SECURE_PROXY_SSL_HEADER:
        # Behind our own proxy the client is the last address the proxy appended.
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            address = forwarded.split(",")[-1].strip()
    return address


def client_key(request) -> str:
    """A salted hash of the client address (the portal's scan counts use it too)."""
    return _digest(client_address(request))


def device_id(request) -> str:
    """The device cookie's id; a new one (set on the response by DeviceCookieMiddleware) when the request has none."""
    known = getattr(request, "_device_id", None)
    if known:
        return known
    value = request.COOKIES.get(DEVICE_COOKIE, "")
    if not _DEVICE_RE.match(value):
        value = secrets.token_hex(16)
        request._device_new = True
    request._device_id = value
    return value


def device_is_new(request) -> bool:
    device_id(request)
    return getattr(request, "_device_new", False)


class DeviceCookieMiddleware:
    """Sets the device cookie on the response when a limit minted one for this request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "_device_new", False) and DEVICE_COOKIE not in response.cookies:
            response.set_cookie(DEVICE_COOKIE, request._device_id, max_age=conf.LOGIN_TRUST_SECONDS, httponly=True,
                                samesite="Lax", secure=settings.SESSION_COOKIE_SECURE)
        return response


def _client(request) -> str:
    return _digest(f"{client_address(request)}|{device_id(request)}")


# --- window limits (the portal) ---------------------------------------------------------------------------------

def hit(request, bucket: str, limit: int, *, window: int, holder: str = "") -> bool:
    """Count one attempt; False when this holder is over `limit` attempts in its window, or the address is over
    PORTAL_ADDRESS_FACTOR times the limit (holders with a sticker code are only held to their own count).

    `holder` is what the resident holds, e.g. a sticker code; without it, the device cookie. A refused attempt
    does not count, so trying again does not push the end of the window."""
    address = client_address(request)
    who = f"code:{holder}" if holder else f"device:{device_id(request)}"
    own = f"rl:{bucket}:{_digest(f'{address}|{who}')}"
    shared = f"rl:{bucket}:addr:{_digest(address)}"
    keys = [own] if holder else [own, shared]
    now = time.time()
    seen = counters.read_many(keys, now=now)
    if seen[own].count >= limit:
        return False
    if not holder and seen[shared].count >= limit * conf.PORTAL_ADDRESS_FACTOR:
        return False
    allowed = counters.bump(own, window, now=now).count <= limit
    if not holder:
        counters.bump(shared, window, now=now)
    return allowed


# --- sign-in attempts -------------------------------------------------------------------------------------------

def _login_keys(request, username: str) -> dict[str, tuple[str, int]]:
    """subject -> (counter key, free failures)."""
    user = _digest("user|" + (username or "").strip().lower())
    client = _client(request)
    return {"pair": (f"li:pair:{user}:{client}", conf.LOGIN_FREE_FAILURES),
            "client": (f"li:client:{client}", conf.LOGIN_CLIENT_LIMIT),
            "user": (f"li:user:{user}", conf.LOGIN_USER_LIMIT),
            "address": (f"li:addr:{_digest(client_address(request))}", conf.LOGIN_ADDRESS_LIMIT),
            "trust": (f"li:trust:{user}:{client}", 0)}


def backoff_seconds(failures: int, free: int) -> int:
    """The pause after the `failures`-th failure: none within the free ones, then 1, 2, 4 … times
    LOGIN_BACKOFF_SECONDS, at most LOGIN_BACKOFF_MAX_SECONDS."""
    over = failures - free
    if over <= 0:
        return 0
    return min(conf.LOGIN_BACKOFF_SECONDS * 2 ** min(over - 1, 30), conf.LOGIN_BACKOFF_MAX_SECONDS)


def login_wait(request, username: str) -> int:
    """Seconds before this username may try again from this client; 0 when it may now.

    A client on which the username signed in before is held only to its own failures (the pair) and its own
    failures with any username: a stranger flooding the username elsewhere does not stop its owner."""
    keys = _login_keys(request, username)
    now = time.time()
    seen = counters.read_many([key for key, _free in keys.values()], now=now)
    trusted = seen[keys["trust"][0]].count > 0
    subjects = ["pair", "client"] if trusted else ["pair", "client", "user", "address"]
    wait = 0.0
    for subject in subjects:
        key, free = keys[subject]
        reading = seen[key]
        pause = backoff_seconds(reading.count, free)
        if pause:
            wait = max(wait, reading.last + pause - now)
    return max(0, math.ceil(wait))


def login_failed(request, username: str) -> None:
    """A wrong password or second factor (or an unknown or inactive user): counted for every subject."""
    keys = _login_keys(request, username)
    now = time.time()
    for subject in ("pair", "client", "user", "address"):
        counters.bump(keys[subject][0], conf.LOGIN_FORGET_SECONDS, fixed=False, now=now)


def login_succeeded(request, username: str) -> None:
    """The right password clears the failures of this username on this client (an officer's own typos should not
    add up) and makes the client the username's own. The other counts stay: one client or address may be trying
    many usernames, and a stranger's failures on the username stay counted against strangers."""
    keys = _login_keys(request, username)
    counters.clear(keys["pair"][0])
    counters.bump(keys["trust"][0], conf.LOGIN_TRUST_SECONDS, fixed=False)


def login_wait_message(seconds: int) -> str:
    """"Try again after 14:35" (local time): clearer than a count of minutes, and needs no plural."""
    # Rounded up to the minute: never "after 14:35" when at 14:35:00 the wait has 20 s to run.
    until = timezone.localtime(timezone.now() + timedelta(seconds=seconds + 59))
    return _("Too many failed sign-ins. Try again after %(time)s.") % {"time": f"{until:%H:%M}"}
