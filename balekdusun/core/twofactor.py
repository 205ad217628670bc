"""Second factor: TOTP (an authenticator app) with one-time recovery codes, on django-otp (docs/signin.md).

* `required(user)`: the roles in settings.OTP_REQUIRED_ROLES must use it (production: national administrators,
  heads of office, coordinators). Anyone else may turn it on for themselves.
* `SecondFactorMiddleware`: a signed-in user of such a role whose session has not passed the second factor reaches
  only the enrolment or verification page (and sign-out); the API answers 403 `auth.second_factor`.
* The views: enrolment with a QR code (segno), recovery codes shown once and printable, the verification page
  after the password, new recovery codes, and an office head's reset for a lost phone.
* `check_code(user, code)`: the device that accepts a code (a 6-digit TOTP code or a recovery code); the field
  app's token sign-in (visits.api.token) uses it for roles that need the second factor.

Wrong codes count as failed sign-ins (core/ratelimit.py) and django-otp's own per-device throttling applies too.
"""

from urllib.parse import quote

import django_otp
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from balekdusun.core import audit, ratelimit

RECOVERY_CODES = 10
# Paths an unverified user of a role that needs the second factor may still reach.
_OPEN_PREFIXES = ("/accounts/two-factor/", "/accounts/logout/", "/i18n/", "/static/", "/healthz", "/s/", "/portal/",
                  "/robots.txt", "/sitemap.xml")


def required(user) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and user.role in settings.OTP_REQUIRED_ROLES


def enrolled(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def _normalize(code: str) -> str:
    return "".join(ch for ch in (code or "") if ch.isalnum()).lower()[:16]


def check_code(user, code: str):
    """The confirmed device that accepts `code` (and uses it up if it is a recovery code), or None."""
    code = _normalize(code)
    if not code:
        return None
    devices = (TOTPDevice.objects.filter(user=user, confirmed=True) if code.isdigit()
               else StaticDevice.objects.filter(user=user, confirmed=True))
    for device in devices:
        accepted = django_otp.verify_token(user, device.persistent_id, code)
        if accepted is not None:
            return accepted
    return None


class SecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (user is not None and required(user) and not user.is_verified()
                and not request.path.startswith(_OPEN_PREFIXES)):
            if request.path.startswith("/api/"):
                from balekdusun.core import apierrors

                return apierrors.response(403, _("Confirm your sign-in with the code from your authenticator app "
                                                 "first."), code="auth.second_factor")
            target = reverse("core:otp_verify" if enrolled(user) else "core:otp_setup")
            return redirect(f"{target}?next={quote(request.get_full_path())}")
        return self.get_response(request)


class CodeForm(forms.Form):
    code = forms.CharField(label=gettext_lazy("Code"), max_length=20, widget=forms.TextInput(attrs={
        "autocomplete": "one-time-code", "inputmode": "text", "autocapitalize": "none", "spellcheck": "false",
        "autofocus": True}), help_text=gettext_lazy("The 6 digits your authenticator app shows now, or one of your "
                                                     "recovery codes."))


class EnrolForm(forms.Form):
    code = forms.CharField(label=gettext_lazy("Code from the app"), max_length=10, widget=forms.TextInput(attrs={
        "autocomplete": "one-time-code", "inputmode": "numeric", "pattern": "[0-9 ]*"}),
        help_text=gettext_lazy("The 6 digits the app shows for Balek Dusun."))

    def clean_code(self):
        code = _normalize(self.cleaned_data["code"])
        if not (code.isdigit() and len(code) == 6):
            raise forms.ValidationError(_("Enter the 6 digits the app shows."))
        return code


def _next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                       require_https=request.is_secure()):
        return target
    return reverse("core:home")


def _pending_device(user) -> TOTPDevice:
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()
    return device or TOTPDevice.objects.create(user=user, name=_("Authenticator app"), confirmed=False)


def _new_recovery_codes(user) -> list[str]:
    with transaction.atomic():
        StaticDevice.objects.filter(user=user).delete()
        device = StaticDevice.objects.create(user=user, name=_("Recovery codes"), confirmed=True)
        codes = [StaticToken.random_token() for _i in range(RECOVERY_CODES)]
        StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return [f"{code[:4]}-{code[4:]}" for code in codes]


def _show_codes(request, codes):
    response = render(request, "core/otp_codes.html", {"codes": codes, "next": _next(request)})
    response["Cache-Control"] = "no-store"
    return response


def _secret_text(device) -> str:
    from base64 import b32encode

    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[i:i + 4] for i in range(0, len(secret), 4))


@never_cache
@login_required
def setup(request):
    """Turn the second factor on (a QR code and the code it makes), or, once on, see its state and get new
    recovery codes."""
    user = request.user
    if not required(user) and not enrolled(user):
        return render(request, "core/otp_status.html", {"not_needed": True})
    if enrolled(user):
        remaining = StaticToken.objects.filter(device__user=user, device__confirmed=True).count()
        return render(request, "core/otp_status.html", {"remaining": remaining, "required": required(user),
                                                        "verified": user.is_verified()})
    device = _pending_device(user)
    form = EnrolForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            codes = _new_recovery_codes(user)
            django_otp.login(request, device)
            audit.log(user, "auth.second_factor_on", user)
            return _show_codes(request, codes)
        form.add_error("code", _("This code does not match. Check the time on your phone and enter the code the "
                                 "app shows now."))
    return render(request, "core/otp_setup.html", {"form": form, "secret": _secret_text(device),
                                                   "next": _next(request), "required": required(user)},
                  status=422 if request.method == "POST" else 200)


@never_cache
@login_required
def qr(request):
    """The QR code of the key being set up, as SVG (never for a device already confirmed)."""
    import segno

    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).order_by("-pk").first()
    if device is None:
        raise Http404
    from io import BytesIO

    buffer = BytesIO()
    segno.make(device.config_url, error="m").save(buffer, kind="svg", scale=5, border=2, dark="#111")
    response = HttpResponse(buffer.getvalue(), content_type="image/svg+xml")
    response["Cache-Control"] = "no-store"
    return response


@never_cache
@login_required
def verify(request):
    """The second step after the password."""
    user = request.user
    if not enrolled(user):
        return redirect(reverse("core:otp_setup") + f"?next={quote(_next(request))}")
    if user.is_verified():
        return redirect(_next(request))
    form = CodeForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        wait = ratelimit.login_wait(request, user.username)
        if wait:
            form.add_error(None, ratelimit.login_wait_message(wait))
            status = 429
        else:
            device = check_code(user, form.cleaned_data["code"])
            if device is None:
                ratelimit.login_failed(request, user.username)
                form.add_error("code", _("This code is not right, or was used already."))
                status = 422
            else:
                django_otp.login(request, device)
                if isinstance(device, StaticDevice):
                    left = device.token_set.count()
                    audit.log(user, "auth.recovery_code_used", user, left=left)
                    messages.warning(request, _("You signed in with a recovery code; %(left)s are left. Make new "
                                                "ones under Two-step sign-in.") % {"left": left})
                return redirect(_next(request))
    elif request.method == "POST":
        status = 422
    return render(request, "core/otp_verify.html", {"form": form, "next": _next(request)}, status=status)


@never_cache
@login_required
@require_POST
def new_codes(request):
    """New recovery codes (the old ones stop working); only from a session that passed the second factor."""
    if not enrolled(request.user) or not request.user.is_verified():
        raise PermissionDenied(_("Confirm your sign-in with the code from your authenticator app first."))
    codes = _new_recovery_codes(request.user)
    audit.log(request.user, "auth.recovery_codes_renewed", request.user)
    return _show_codes(request, codes)


@login_required
@require_POST
def reset(request, pk):
    """An office head (or a national administrator) turns off the second factor of a user of their office who lost
    their phone; the user sets it up again at their next sign-in."""
    from balekdusun.core.models import User
    from balekdusun.core.scoping import get_scoped_or_404
    from balekdusun.core.views import require_perm

    require_perm(request.user, "users.manage")
    target = get_scoped_or_404(request.user, User, pk=pk)
    with transaction.atomic():
        TOTPDevice.objects.filter(user=target).delete()
        StaticDevice.objects.filter(user=target).delete()
        audit.log(request.user, "auth.second_factor_reset", target)
    messages.success(request, _("Two-step sign-in of %(name)s is off; they set it up again at their next sign-in.")
                     % {"name": target.username})
    return redirect("core:user_edit", pk=target.pk)
