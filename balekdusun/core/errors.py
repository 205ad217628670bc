"""Error pages (settings: handler400/403/404/500 in balekdusun/urls.py, CSRF_FAILURE_VIEW).

Each page says what happened and where to go, in the visitor's language and in the layout of the part of the
site they were in: the public portal's frame for `/portal/` and `/s/` (which names nothing about the record that
was asked for), the staff frame elsewhere. The 500 page is a self-contained template rendered without a request
context: it must still answer when the database is down or the user cannot be loaded.

Paths under `/api/` are left to `core.apierrors.ApiErrorMiddleware`, which turns any error page there into the
API's JSON error shape.
"""

from django.core.exceptions import DisallowedHost
from django.http import HttpResponse
from django.template import loader
from django.utils.translation import gettext as _

_PUBLIC_PREFIXES = ("/portal/", "/s/", "/sitemap.xml", "/robots.txt")


def _is_public(request) -> bool:
    return request.path.startswith(_PUBLIC_PREFIXES)


def _safe_back(request) -> str:
    """The page the visitor came from, when it was a page of this site (never an outside address)."""
    referer = request.META.get("HTTP_REFERER", "")
    try:
        host = request.get_host() if hasattr(request, "get_host") else ""
    except DisallowedHost:  # the 400 for a Host not in ALLOWED_HOSTS must not fail on that Host again
        return ""
    for prefix in (f"https://{host}/", f"http://{host}/"):
        if host and referer.startswith(prefix):
            return referer
    return ""


def _render(request, status: int, title: str, message: str, *, detail: str = "", back: str = ""):
    if _is_public(request):
        from django.middleware.csrf import get_token

        from balekdusun.portal import conf
        from balekdusun.portal.publishing import TOKEN_MARKER

        context = {"national": {"hotline": conf.NATIONAL_HOTLINE, "abroad": conf.NATIONAL_HOTLINE_ABROAD,
                                "whatsapp": conf.NATIONAL_WHATSAPP},
                   "og_title": title, "title": title, "message": message, "status": status, "back": back}
        body = loader.render_to_string("portal/error.html", context, request)
        body = body.replace(TOKEN_MARKER, get_token(request))
        response = HttpResponse(body, status=status)
        response["X-Robots-Tag"] = "noindex"
        response["Cache-Control"] = "no-store"
        return response
    context = {"title": title, "message": message, "detail": detail, "status": status, "back": back}
    return HttpResponse(loader.render_to_string("core/error.html", context, request), status=status)


def bad_request(request, exception=None):
    return _render(request, 400, _("The request could not be read"),
                   _("The address or the form sent was incomplete or damaged. Go back and try again; if it happens "
                     "again, start from the home page."), back=_safe_back(request))


def permission_denied(request, exception=None):
    # A PermissionDenied raised by our views carries a translated sentence ("Your role does not allow this.");
    # Django's own carry none. Public pages never explain more than the title.
    detail = str(exception) if exception is not None and not _is_public(request) else ""
    return _render(request, 403, _("You may not open this page"),
                   _("Your account's role or area does not include this page. If you need it for your work, ask "
                     "your coordinator or office head to change your access."), detail=detail,
                   back=_safe_back(request))


def page_not_found(request, exception=None):
    if _is_public(request):
        message = _("This page does not exist or is no longer published. Job openings close and pages move; "
                    "start again from the home page.")
    else:
        message = _("This page does not exist, or what it showed was removed or lies outside your area. Check the "
                    "address, or go back and choose from the menu.")
    return _render(request, 404, _("We could not find this page"), message, back=_safe_back(request))


def server_error(request):
    """No request context (no user, no session, no database): only the active language and fixed text."""
    public = _is_public(request)
    try:
        from balekdusun.portal import conf

        hotline = conf.NATIONAL_HOTLINE
    except Exception:  # noqa: BLE001 - the error page must answer whatever else failed
        hotline = "0800-1000"
    body = loader.render_to_string("core/500.html", {"public": public, "hotline": hotline})
    return HttpResponse(body, status=500)


def csrf_failure(request, reason=""):
    """An expired or missing form token (a phone left on a page overnight)."""
    return _render(request, 403, _("The form has expired"),
                   _("For your safety a form can only be sent for a limited time, and with cookies allowed. Go "
                     "back, reload the page and send it again. What you typed may need to be entered again."),
                   back=_safe_back(request))
