"""Coordinator pages: incoming visits per outreach day, sync conflicts, and each device's sync status."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Max, Q
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from balekdusun.core.scoping import get_scoped_or_404, scoped
from balekdusun.core.services import DomainError
from balekdusun.core.views import require_perm
from balekdusun.visits.conflicts import resolve_conflict
from balekdusun.visits.forms import ResolveForm
from balekdusun.visits.models import DeviceStatus, SyncConflict, Visit


@login_required
def incoming(request):
    """Outreach days with how many visits arrived, newest first."""
    from balekdusun.campaigns.models import Outreach

    require_perm(request.user, "visits.review")
    days = (scoped(request.user, Outreach).select_related("village", "campaign")
            .annotate(n_visits=Count("visits"), last_received=Max("visits__received_at"),
                      n_flagged=Count("visits", filter=Q(visits__data__has_key="flags")))
            .order_by("-date", "-pk"))
    page = Paginator(days, 30).get_page(request.GET.get("page"))
    open_conflicts = scoped(request.user, SyncConflict).filter(resolved_at__isnull=True).count()
    return render(request, "visits/incoming.html", {"page": page, "open_conflicts": open_conflicts})


@login_required
def outreach_visits(request, pk):
    from balekdusun.campaigns.models import Outreach

    require_perm(request.user, "visits.review")
    outreach = get_scoped_or_404(request.user, Outreach.objects.select_related("village", "campaign"), pk=pk)
    visits = (scoped(request.user, Visit).filter(outreach=outreach).select_related("officer", "household")
              .order_by("-received_at", "-pk"))
    if request.GET.get("flagged"):
        visits = visits.filter(data__has_key="flags")
    by_outcome = dict(scoped(request.user, Visit).filter(outreach=outreach).values_list("outcome")
                      .annotate(n=Count("pk")).values_list("outcome", "n"))
    page = Paginator(visits, 50).get_page(request.GET.get("page"))
    return render(request, "visits/outreach.html", {"outreach": outreach, "page": page, "by_outcome": by_outcome})


@login_required
def conflicts(request):
    require_perm(request.user, "visits.review")
    qs = scoped(request.user, SyncConflict).select_related("officer", "resolved_by", "village")
    show = request.GET.get("show", "open")
    if show == "open":
        qs = qs.filter(resolved_at__isnull=True)
    page = Paginator(qs.order_by("-received_at"), 50).get_page(request.GET.get("page"))
    return render(request, "visits/conflicts.html", {"page": page, "show": show})


def _rows(stored: dict, incoming: dict, prefix: str = "") -> list[tuple[str, object, object, bool]]:
    """Flatten two versions into (field, stored, incoming, differs) rows for the side-by-side table."""
    rows = []
    for key in sorted(set(stored) | set(incoming)):
        a, b = stored.get(key), incoming.get(key)
        name = f"{prefix}{key}"
        if isinstance(a, dict) and isinstance(b, dict):
            rows += _rows(a, b, name + ".")
        else:
            rows.append((name, a, b, a != b))
    return rows


@login_required
def conflict_detail(request, pk):
    require_perm(request.user, "visits.review")
    conflict = get_scoped_or_404(request.user, SyncConflict.objects.select_related("visit", "household", "officer"),
                                 pk=pk)
    stored = _stored_version(conflict)
    incoming = dict(conflict.payload)
    form = ResolveForm(request.POST or None)
    if request.method == "POST" and conflict.is_open and form.is_valid():
        try:
            resolved = resolve_conflict(conflict=conflict, actor=request.user,
                                        take_incoming=form.cleaned_data["decision"] == "take",
                                        note=form.cleaned_data["note"])
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Conflict resolved."))
            for line in _effect_lines(resolved.effects):
                messages.info(request, line)
            return redirect("visits:conflicts")
    status = 422 if request.method == "POST" and form.errors else 200
    return render(request, "visits/conflict.html", {"conflict": conflict, "rows": _rows(stored, incoming),
                                                    "form": form}, status=status)


def _effect_lines(effects: dict) -> list[str]:
    """What taking the incoming version changed besides the answers, for the coordinator."""
    lines = []
    if "materials" in effects:
        lines.append(_("Materials handed out corrected in the stock ledger."))
    if effects.get("sticker"):
        lines.append(_("Sticker %(code)s placed on the house.") % {"code": effects["sticker"]})
    if effects.get("stickers_kept"):
        lines.append(_("Sticker %(codes)s of the stored version stays placed on the house; void it on its page if "
                       "it was never put up.") % {"codes": ", ".join(effects["stickers_kept"])})
    if effects.get("cases_opened"):
        lines.append(_("Cases opened: %(refs)s.") % {"refs": ", ".join(effects["cases_opened"])})
    if effects.get("cases_kept"):
        lines.append(_("Cases opened for the stored version stay as they are: %(refs)s.")
                     % {"refs": ", ".join(effects["cases_kept"])})
    return lines


def _stored_version(conflict: SyncConflict) -> dict:
    if conflict.visit is not None:
        v = conflict.visit
        data = {k: val for k, val in v.data.items() if k != "flags"}
        out = {"household": v.household_id, "outreach": v.outreach_id, "visited_at": v.visited_at.isoformat(),
               "outcome": v.outcome, "latitude": v.latitude, "longitude": v.longitude, **data}
        return out
    if conflict.household is not None:
        h = conflict.household
        return {"village": h.village_id, "dusun": h.dusun, "rt": h.rt, "rw": h.rw, "address": h.address,
                "latitude": h.latitude, "longitude": h.longitude}
    return {}


@login_required
def devices(request):
    require_perm(request.user, "visits.review")
    qs = scoped(request.user, DeviceStatus).select_related("user").order_by("user__username", "-reported_at")
    return render(request, "visits/devices.html", {"devices": qs})
