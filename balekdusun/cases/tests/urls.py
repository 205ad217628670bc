"""A URL configuration with only core and cases, so this app's tests do not depend on other apps' pages
(which are written in parallel). The root configuration mounts the same modules at the same prefixes."""

from django.urls import include, path
from ninja import NinjaAPI
from ninja.security import HttpBearer, django_auth


class _Bearer(HttpBearer):
    def authenticate(self, request, token):
        from balekdusun.core.models import ApiToken

        found = ApiToken.objects.select_related("user").filter(key_hash=ApiToken.hash_key(token)).first()
        if found is None or not found.is_active:
            return None
        request.user = found.user
        return found.user


def _api():
    from balekdusun.cases.api import router

    api = NinjaAPI(auth=[_Bearer(), django_auth], urls_namespace="cases_test_api")
    api.add_router("/cases", router)
    return api


urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("balekdusun.core.urls")),
    path("cases/", include("balekdusun.cases.urls")),
    path("api/v1/", _api().urls),
]
