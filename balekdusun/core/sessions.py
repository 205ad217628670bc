"""Sessions in the database with a cached copy (settings.SESSION_ENGINE), and a sign-out every process sees at once.

Every signed-in page reads its session; Django's `cached_db` engine serves that read from the cache and keeps
the database row as the truth. Signing out deletes both the row and the cached copy, but only in the cache of
the process that handled it: with the per-process cache (no REDIS_URL) another server process still holds its
copy. So the user row, which every signed-in request reads anyway (core/backends.py), is read together with
"does this session's row still exist and not expired" (one EXISTS in the same query; AuthenticationMiddleware
below hands the session key to the backend). A session signed out anywhere is refused by every process on its
next request. A changed password or a deactivated account is refused at once too: Django checks the session's
password hash against that same user row.

A cached copy still lives at most `SESSION_CACHE_SECONDS`, which only bounds the memory it takes.
"""

import contextvars

from asgiref.sync import sync_to_async
from django.conf import settings
from django.contrib import auth
from django.contrib.auth import middleware as auth_middleware
from django.contrib.sessions.backends import cached_db
from django.utils.functional import SimpleLazyObject

# The session key of the request whose user is being loaded (read by core.backends.UserBackend.get_user).
current_session_key: contextvars.ContextVar[str | None] = contextvars.ContextVar("session_key", default=None)


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


def get_user(request):
    if not hasattr(request, "_cached_user"):
        token = current_session_key.set(request.session.session_key)
        try:
            user = auth.get_user(request)
        finally:
            current_session_key.reset(token)
        if not user.is_authenticated and auth.SESSION_KEY in request.session:
            request.session.flush()  # signed out elsewhere: drop this process's copy too
        request._cached_user = user
    return request._cached_user


class AuthenticationMiddleware(auth_middleware.AuthenticationMiddleware):
    """Django's, loading the user through `get_user` above."""

    def process_request(self, request):
        super().process_request(request)
        request.user = SimpleLazyObject(lambda: get_user(request))
        request.auser = sync_to_async(lambda: get_user(request))
