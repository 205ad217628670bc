"""The JSON API at /api/v1/. Each app contributes a django-ninja Router from its own `api.py`."""

import json
from importlib import import_module

from django.utils import timezone
from ninja import NinjaAPI
from ninja.parser import Parser
from ninja.security import HttpBearer
from ninja.security import SessionAuth as _NinjaSessionAuth
from ninja.utils import check_csrf
from pydantic_core import from_json

from balekdusun.core import apierrors
from balekdusun.core.apierrors import ApiError, AuthFailed

# app -> mount point under /api/v1/
ROUTERS = {
    "regions": "/areas",
    "campaigns": "/planning",
    "materials": "/materials",
    "visits": "/sync",
    "cases": "/cases",
    "portal": "/portal",
    "reports": "/reports",
    "core": "/me",
}


class TokenAuth(HttpBearer):
    """`Authorization: Bearer bd_...` for the field app and scripts.

    A request that carries an Authorization header is decided here and only here: a token that is unknown,
    expired or revoked (or a header that is not a bearer token) is a 401 naming the reason (`auth.invalid`,
    `auth.expired`, `auth.revoked`), and the session is never consulted, so a phone whose token ran out gets the
    401 that makes it ask for a sign-in again, never the session's CSRF refusal."""

    def __call__(self, request):
        header = request.headers.get("Authorization")
        if header is None:
            return None  # no token: the session may authenticate
        scheme, _sep, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise AuthFailed("auth.invalid")
        return self.authenticate(request, token.strip())

    def authenticate(self, request, token):
        from balekdusun.core import tokens
        from balekdusun.core.models import ApiToken

        try:
            # With its user and office, in one query compiled once (every sync request pays for this one).
            api_token = tokens.lookup(ApiToken.hash_key(token))
        except UnicodeEncodeError:
            api_token = None
        if api_token is None:
            raise AuthFailed("auth.invalid")
        if api_token.revoked_at or not api_token.user.is_active:
            raise AuthFailed("auth.revoked")
        if not api_token.is_active:
            raise AuthFailed("auth.expired")
        now = timezone.now()
        # Touch at most once a minute: a sync of many batches should not write on every request.
        if api_token.last_used_at is None or (now - api_token.last_used_at).total_seconds() > 60:
            ApiToken.objects.filter(pk=api_token.pk).update(last_used_at=now)
        request.user = api_token.user
        request.api_token = api_token
        return api_token.user


class SessionAuth(_NinjaSessionAuth):
    """A signed-in browser session. Its writes are checked against CSRF; a request without a signed-in session
    is simply not authenticated (401), whatever its method."""

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        if not getattr(request, "_ninja_csrf_exempt", False) and check_csrf(request):
            raise ApiError(403, apierrors.csrf_message(), code="auth.csrf")
        return user


AUTH = [TokenAuth(), SessionAuth()]


class FastJSONParser(Parser):
    """Request bodies parsed by pydantic's compiled JSON reader (a sync push is some 300 KB: about twice as fast as
    the standard library). Malformed JSON still answers 400 "Cannot parse request body" (django-ninja)."""

    def parse_body(self, request):
        try:
            return from_json(request.body)
        except ValueError:
            # pydantic's reader refuses lone surrogates ("\ud800"), which JavaScript's JSON.stringify writes for half
            # an emoji. The standard library reads them, and the schemas refuse them as a field error of that record
            # (core/apitypes.clean_text), so one broken character never sinks a whole push.
            return json.loads(request.body)

class Api(NinjaAPI):
    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        # Every operation documents the one error shape for each error status it may answer.
        return apierrors.document_errors(super().get_openapi_schema(path_prefix=path_prefix,
                                                                    path_params=path_params))


api = Api(
    title="Balek Dusun API",
    version="1",
    description="Field sync, planning and reference data. Authenticate with `Authorization: Bearer <token>` "
    "(create one with `balekdusun create_token USERNAME` or on the Tokens page) or a browser session.",
    auth=AUTH,
    parser=FastJSONParser(),
    docs_url="/docs",
    urls_namespace="api",
)


apierrors.install(api)


for _app, _prefix in ROUTERS.items():
    try:
        _module = import_module(f"balekdusun.{_app}.api")
    except ModuleNotFoundError as exc:
        if exc.name != f"balekdusun.{_app}.api":
            raise
        continue
    api.add_router(_prefix, _module.router)
