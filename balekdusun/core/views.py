from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Q
from django.http import HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.templatetags.static import static
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_POST

from balekdusun.core import services
from balekdusun.core.forms import AuditFilterForm, TokenForm, UserForm
from balekdusun.core.models import ApiToken, AuditEntry, User
from balekdusun.core.roles import has_perm
from balekdusun.core.scoping import get_scoped_or_404, scoped


def require_perm(user, perm: str) -> None:
    if not has_perm(user, perm):
        raise PermissionDenied(_("Your role does not allow this."))


@cache_control(public=True, max_age=86400)
def favicon(request):
    """Browsers ask every site for /favicon.ico: the field app's icon answers instead of a 404 in the log."""
    return HttpResponsePermanentRedirect(static("field/icons/icon-192.png"))


def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        db = "ok"
    except Exception as exc:  # noqa: BLE001 - a health check reports any failure rather than raising
        return JsonResponse({"status": "error", "database": f"error: {exc.__class__.__name__}"}, status=503)
    from balekdusun import __version__

    return JsonResponse({"status": "ok", "database": db, "vendor": connection.vendor, "version": __version__})


@login_required
def home(request):
    """Today's work for the user's role, from each app's home.py (core/home.py)."""
    from django.utils import timezone

    from balekdusun.core.home import cards

    return render(request, "core/home.html", {"cards": cards(request.user, timezone.localdate())})


@login_required
def tokens(request):
    require_perm(request.user, "tokens.own")
    new_key = None
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        _token, new_key = services.create_token(user=request.user, name=form.cleaned_data["name"],
                                                days=form.cleaned_data["days"])
        form = TokenForm()
    items = ApiToken.objects.filter(user=request.user)
    return render(request, "core/tokens.html", {"form": form, "tokens": items, "new_key": new_key},
                  status=422 if request.method == "POST" and form.errors else 200)


@login_required
@require_POST
def revoke_token(request, pk):
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    services.revoke_token(token=token, actor=request.user)
    return redirect("core:tokens")


@login_required
def audit_log(request):
    require_perm(request.user, "audit.view")
    qs = scoped(request.user, AuditEntry).select_related("actor")
    form = AuditFilterForm(request.GET or None, user=request.user)
    if form.is_valid():
        prefixes = form.action_prefixes()
        if prefixes:
            match = Q()
            for prefix in prefixes:
                match |= Q(action__startswith=prefix)
            qs = qs.filter(match)
        area = form.cleaned_data["area"]
        if area is not None:
            qs = qs.filter(Q(area_code=area.code) | Q(area_code__startswith=area.code + "."))
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    # What each entry did and where, in words: the action's words, the area's name with its code.
    from balekdusun.core.auditwords import action_words
    from balekdusun.regions.models import Area

    areas = Area.objects.in_bulk({e.area_code for e in page if e.area_code})
    for entry in page:
        entry.action_words = action_words(entry.action)
        area = areas.get(entry.area_code)
        entry.area_words = f"{area.label} ({area.code})" if area else entry.area_code
    return render(request, "core/audit.html", {"page": page, "form": form})


@login_required
def users(request):
    require_perm(request.user, "users.manage")
    qs = scoped(request.user, User).select_related("office", "village").order_by("office__name", "role", "username")
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    return render(request, "core/users.html", {"page": page})


@login_required
def user_edit(request, pk=None):
    require_perm(request.user, "users.manage")
    instance = get_scoped_or_404(request.user, User, pk=pk) if pk else None
    form = UserForm(request.POST or None, instance=instance, actor=request.user)
    if request.method == "POST" and form.is_valid():
        user = services.save_user(form=form, actor=request.user)
        messages.success(request, _("Saved %(name)s.") % {"name": user.username})
        return redirect("core:users")
    from balekdusun.core.twofactor import enrolled

    return render(request, "core/user_form.html", {"form": form, "target": instance,
                                                   "target_second_factor": instance is not None and enrolled(instance)},
                  status=422 if request.method == "POST" else 200)
