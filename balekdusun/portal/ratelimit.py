"""Per-client rate limits kept only in the cache, under a salted hash of the client address.

The address itself is never written anywhere: not to the database, not to the cache key in clear.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache

from balekdusun.portal import conf


def client_key(request) -> str:
    address = request.META.get("REMOTE_ADDR", "")
    if settings.SECURE_PROXY_SSL_HEADER:
        # Behind our own proxy the client is the last address the proxy appended.
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            address = forwarded.split(",")[-1].strip()
    return hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()[:32]


def hit(request, bucket: str, limit: int, *, window: int | None = None) -> bool:
    """Count one attempt; False when the client is over `limit` attempts in the current window."""
    window = window or conf.LIMIT_WINDOW_SECONDS
    slot = int(time.time() // window)
    key = f"portal:rl:{bucket}:{client_key(request)}:{slot}"
    if cache.add(key, 1, window + 5):
        count = 1
    else:
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, window + 5)
            count = 1
    return count <= limit
