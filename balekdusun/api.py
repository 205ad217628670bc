"""The JSON API at /api/v1/. Each app contributes a django-ninja Router from its own `api.py`."""

from importlib import import_module

from django.utils import timezone
from ninja import NinjaAPI
from ninja.errors import AuthenticationError
from ninja.parser import Parser
from ninja.security import HttpBearer, django_auth
from pydantic_core import from_json

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
    """`Authorization: Bearer bd_...` for the field app and scripts."""

    def authenticate(self, request, token):
        from balekdusun.core.models import ApiToken

        try:
            api_token = ApiToken.objects.select_related("user", "user__office").get(
                key_hash=ApiToken.hash_key(token))
        except ApiToken.DoesNotExist:
            return None
        if not api_token.is_active or not api_token.user.is_active:
            return None
        now = timezone.now()
        # Touch at most once a minute: a sync of many batches should not write on every request.
        if api_token.last_used_at is None or (now - api_token.last_used_at).total_seconds() > 60:
            ApiToken.objects.filter(pk=api_token.pk).update(last_used_at=now)
        request.user = api_token.user
        request.api_token = api_token
        return api_token.user


AUTH = [TokenAuth(), django_auth]


class FastJSONParser(Parser):
    """Request bodies parsed by pydantic's compiled JSON reader (a sync push is some 300 KB: about twice as fast as
    the standard library). Malformed JSON still answers 400 "Cannot parse request body" (django-ninja)."""

    def parse_body(self, request):
        return from_json(request.body)

api = NinjaAPI(
    title="Balek Dusun API",
    version="1",
    description="Field sync, planning and reference data. Authenticate with `Authorization: Bearer <token>` "
    "(create one with `balekdusun create_token USERNAME` or on the Tokens page) or a browser session.",
    auth=AUTH,
    parser=FastJSONParser(),
    docs_url="/docs",
    urls_namespace="api",
)


@api.exception_handler(AuthenticationError)
def _unauthorized(request, exc):
    return api.create_response(request, {"detail": "Missing, invalid, revoked or expired token."}, status=401)


for _app, _prefix in ROUTERS.items():
    try:
        _module = import_module(f"balekdusun.{_app}.api")
    except ModuleNotFoundError as exc:
        if exc.name != f"balekdusun.{_app}.api":
            raise
        continue
    api.add_router(_prefix, _module.router)
