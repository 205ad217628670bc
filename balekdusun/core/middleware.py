from django.conf import settings
from django.shortcuts import render
from django.utils.translation import gettext as _

from balekdusun.core.roles import Role

# Paths a signed-in user without an office may still reach (to sign out or read the message).
_OPEN_PREFIXES = ("/accounts/logout/", "/i18n/", "/static/", "/healthz", "/s/", "/portal/")


class OfficeRequiredMiddleware:
    """A signed-in user who is not a national administrator and has no office gets a clear page, not errors."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and user.role != Role.ADMIN
            and not user.office_id
            and not request.path.startswith(_OPEN_PREFIXES)
        ):
            return render(request, "core/no_office.html", {"message": _(
                "Your account is not linked to an office yet. Ask your office head or a national "
                "administrator to assign you to one.")}, status=403)
        return self.get_response(request)


class IndonesianFirstLocaleMiddleware:
    """Bahasa Indonesia unless the visitor chose English with the language switch (a cookie).

    Django's LocaleMiddleware follows the browser's Accept-Language; many phones in the villages are set to
    English, yet the programme speaks Indonesian first.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.conf import settings
        from django.utils import translation

        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        patch_vary = response.get("Vary", "")
        if "Cookie" not in patch_vary:
            response["Vary"] = f"{patch_vary}, Cookie" if patch_vary else "Cookie"
        return response


class PermissionsPolicyMiddleware:
    """Permissions-Policy on every response: powerful browser features (camera, location, microphone, payment,
    USB, ...) are off everywhere, except the location and the camera for the field app (settings.FIELD_APP_PATH),
    which records where a visit took place and scans sticker QR codes."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "Permissions-Policy" not in response:
            field = request.path.startswith(settings.FIELD_APP_PATH)
            response["Permissions-Policy"] = (settings.PERMISSIONS_POLICY_FIELD if field
                                              else settings.PERMISSIONS_POLICY_DEFAULT)
        return response
