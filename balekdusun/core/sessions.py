"""Sessions in the database with a short-lived copy in the cache (settings.SESSION_ENGINE).

Every signed-in page reads its session; Django's `cached_db` engine serves that read from the cache and keeps
the database row as the truth. Signing out deletes both the row and the cached copy, but only in the cache of
the process that handled it: with the default per-process cache (no REDIS_URL) the other server processes
would keep their copy for the whole session lifetime. So a cached copy here lives at most
`SESSION_CACHE_SECONDS` (settings; 30 s by default without Redis): a signed-out session is refused everywhere
within that time, and at once with a shared cache (REDIS_URL) or a single process. A changed password or a
deactivated account is refused at once in any case: those are checked against the user row, read on every
request.
"""

from django.conf import settings
from django.contrib.sessions.backends import cached_db


class _CappedCache:
    """A cache whose entries live at most `seconds` (the store asks for the session's whole age)."""

    def __init__(self, cache, seconds: int):
        self._cache = cache
        self._seconds = seconds

    def _timeout(self, timeout):
        return self._seconds if timeout is None else min(timeout, self._seconds)

    def set(self, key, value, timeout=None):
        return self._cache.set(key, value, self._timeout(timeout))

    async def aset(self, key, value, timeout=None):
        return await self._cache.aset(key, value, self._timeout(timeout))

    def __contains__(self, key):
        return key in self._cache

    def __getattr__(self, name):
        return getattr(self._cache, name)


class SessionStore(cached_db.SessionStore):
    cache_key_prefix = "balekdusun.session."

    def __init__(self, session_key=None):
        super().__init__(session_key)
        self._cache = _CappedCache(self._cache, settings.SESSION_CACHE_SECONDS)
