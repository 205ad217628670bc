"""URLs for the error-page tests: the real site plus views that fail on purpose."""

from django.core.exceptions import BadRequest, PermissionDenied
from django.urls import path

from balekdusun.urls import handler400, handler403, handler404, handler500  # noqa: F401
from balekdusun.urls import urlpatterns as site


def boom(request):
    raise RuntimeError("secret internal detail 0xdeadbeef")


def refuse(request):
    raise PermissionDenied


def garbled(request):
    raise BadRequest("garbled")


urlpatterns = [
    path("boom/", boom),
    path("portal/boom/", boom),
    path("api/v1/boom/", boom),
    path("refuse/", refuse),
    path("portal/refuse/", refuse),
    path("garbled/", garbled),
    *site,
]
