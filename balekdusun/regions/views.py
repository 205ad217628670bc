"""The searches that found no area, for a coordinator to map each to an area as a new alias."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from balekdusun.core.services import DomainError
from balekdusun.core.views import require_perm
from balekdusun.regions import services
from balekdusun.regions.forms import MapSearchForm
from balekdusun.regions.models import UnmatchedSearch, UnmatchedStatus

# Planning staff look after the names their villages are searched by; the target area is checked against the
# user's jurisdiction in services.map_search.
PERM = "campaigns.plan"


@login_required
def unmatched(request, form=None, form_for=None, status=200):
    require_perm(request.user, PERM)
    show = request.GET.get("show", "open")
    qs = UnmatchedSearch.objects.select_related("area", "resolved_by")
    if show == "open":
        qs = qs.filter(status=UnmatchedStatus.OPEN)
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    rows = [(s, form if form_for == s.pk else MapSearchForm(user=request.user, auto_id=f"map-{s.pk}-%s"))
            for s in page]
    return render(request, "regions/unmatched.html", {"page": page, "rows": rows, "show": show}, status=status)


@login_required
@require_POST
def map_search(request, pk):
    require_perm(request.user, PERM)
    search = UnmatchedSearch.objects.filter(pk=pk).first()
    if search is None:
        messages.error(request, _("This search is no longer listed."))
        return redirect("regions:unmatched")
    if "ignore" in request.POST:
        try:
            services.ignore_search(search=search, actor=request.user)
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("“%(q)s” is no longer listed.") % {"q": search.search_name})
        return redirect("regions:unmatched")
    form = MapSearchForm(request.POST, user=request.user, auto_id=f"map-{search.pk}-%s")
    if form.is_valid():
        try:
            services.map_search(search=search, area=form.cleaned_data["area"], actor=request.user)
        except DomainError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            messages.success(request, _("“%(q)s” now finds %(area)s.") % {
                "q": search.search_name, "area": form.cleaned_data["area"].path})
            return redirect("regions:unmatched")
    return unmatched(request, form=form, form_for=search.pk, status=422)
