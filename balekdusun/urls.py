from importlib import import_module

from django.contrib import admin
from django.urls import include, path

from balekdusun.api import api

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", api.urls),
    path("", include("balekdusun.core.urls")),
]

# Error pages in the site's layout and language; JSON under /api/ (balekdusun/core/errors.py).
handler400 = "balekdusun.core.errors.bad_request"
handler403 = "balekdusun.core.errors.permission_denied"
handler404 = "balekdusun.core.errors.page_not_found"
handler500 = "balekdusun.core.errors.server_error"

# app -> URL prefix. Apps without a urls.py yet are skipped, so each can land on its own.
APP_URLS = {
    "regions": "areas/",
    "campaigns": "planning/",
    "materials": "materials/",
    "visits": "visits/",
    "cases": "cases/",
    "reports": "reports/",
    "field": "field/",
    "privacy": "privacy/",
    "jobs": "jobs/",
    "portal": "",  # public pages: /portal/..., /s/<code>
    "rights": "",  # public /portal/data/..., staff /rights/...
    "ops": "",  # /readyz, /metrics (/healthz is core's)
}
for _app, _prefix in APP_URLS.items():
    try:
        import_module(f"balekdusun.{_app}.urls")
    except ModuleNotFoundError as exc:
        if exc.name != f"balekdusun.{_app}.urls":
            raise
        continue
    urlpatterns.append(path(_prefix, include(f"balekdusun.{_app}.urls")))
