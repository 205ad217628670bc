"""Coordinator pages: incoming visits per outreach day, one visit, sync conflicts, and each device's sync status."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Max, Q
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from balekdusun.core import audit
from balekdusun.core.roles import has_perm
from balekdusun.core.scoping import get_scoped_or_404, scoped
from balekdusun.core.services import DomainError
from balekdusun.core.views import require_perm
from balekdusun.visits import present
from balekdusun.visits.conflicts import resolve_conflict
from balekdusun.visits.forms import ResolveForm
from balekdusun.visits.models import DeviceStatus, Outcome, SyncConflict, Visit


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
    counts = dict(scoped(request.user, Visit).filter(outreach=outreach).values_list("outcome")
                  .annotate(n=Count("pk")).values_list("outcome", "n"))
    by_outcome = [(o.label, counts[o.value]) for o in Outcome if counts.get(o.value)]
    page = Paginator(visits, 50).get_page(request.GET.get("page"))
    refs = present.Refs.load([{"materials": v.data.get("materials")} for v in page])
    rows = [(v, _list_facts(v, refs)) for v in page]
    return render(request, "visits/outreach.html", {"outreach": outreach, "page": page, "rows": rows,
                                                    "by_outcome": by_outcome})


def _list_facts(visit, refs) -> dict:
    """What a list of visits shows of each: materials by name, the sticker, flags in words."""
    version = present.normalized(present.stored_version(visit))
    return {"house": present.household_label(visit.household), "materials": present.materials_fact(version, refs).lines,
            "flags": [present.explain_flag(f) for f in visit.data.get("flags", [])]}


@login_required
def visit_detail(request, uuid):
    """One visit in words: who, when, where, what was said and handed out, what it caused. Personal data
    (the family's migration profile, the story): every view is audited."""
    from balekdusun.cases.models import Case
    from balekdusun.materials.models import Sticker
    from balekdusun.reports import conf as reports_conf
    from balekdusun.reports.models import QualityFlag

    require_perm(request.user, "visits.review")
    visit = get_scoped_or_404(request.user, Visit.objects.select_related(
        "household", "officer", "village", "outreach__village", "outreach__campaign"), uuid=uuid)
    version = present.stored_version(visit)
    facts = present.visit_facts(version, present.Refs.load([version]))
    all_cases = list(Case.objects.filter(visit=visit).order_by("created_at", "pk"))
    visible = set(scoped(request.user, Case).filter(visit=visit).values_list("pk", flat=True)) \
        if has_perm(request.user, "cases.view") else set()
    cases = [(c, c.pk in visible) for c in all_cases]
    code = visit.data.get("sticker_code") or ""
    sticker = scoped(request.user, Sticker).filter(code=code).first() if code else None
    points = []
    if visit.latitude is not None and visit.longitude is not None:
        points.append({"lat": visit.latitude, "lon": visit.longitude, "label": str(_("Where the visit was recorded")),
                       "kind": "visit"})
    h = visit.household
    if h.latitude is not None and h.longitude is not None:
        points.append({"lat": h.latitude, "lon": h.longitude, "label": str(_("The house")), "kind": "house"})
    audit.log(request.user, "personal.viewed", visit, what="visit")
    return render(request, "visits/visit.html", {
        "visit": visit, "facts": facts, "cases": cases, "sticker": sticker, "code": code,
        "flags": [present.explain_flag(f) for f in visit.data.get("flags", [])],
        "quality": QualityFlag.objects.filter(visit=visit).select_related("reviewed_by"),
        "when": present.when_in_words(visit.visited_at), "received": present.when_in_words(visit.received_at),
        "points_json": json.dumps(points), "tiles": reports_conf.MAP_TILE_URL, "points": points,
        "house": present.household_label(h),
    })


@login_required
def conflicts(request):
    require_perm(request.user, "visits.review")
    qs = scoped(request.user, SyncConflict).select_related("officer", "resolved_by", "village")
    show = request.GET.get("show", "open")
    if show == "open":
        qs = qs.filter(resolved_at__isnull=True)
    page = Paginator(qs.order_by("-received_at"), 50).get_page(request.GET.get("page"))
    return render(request, "visits/conflicts.html", {"page": page, "show": show})


@login_required
def conflict_detail(request, pk):
    require_perm(request.user, "visits.review")
    conflict = get_scoped_or_404(request.user, SyncConflict.objects.select_related("visit", "household", "officer"),
                                 pk=pk)
    rows = _compare(conflict)
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
    return render(request, "visits/conflict.html", {
        "conflict": conflict, "rows": rows, "differences": sum(r.differs for r in rows), "form": form,
        "received": present.when_in_words(conflict.received_at)}, status=status)


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


def _compare(conflict: SyncConflict) -> list[present.Row]:
    """Both versions as the visit page shows them, paired fact by fact and compared by meaning."""
    incoming = dict(conflict.payload)
    if conflict.visit is not None:
        stored = present.stored_version(conflict.visit)
        refs = present.Refs.load([stored, incoming])
        return present.compare(present.visit_facts(stored, refs), present.visit_facts(incoming, refs))
    if conflict.household is not None:
        h = conflict.household
        stored = {"village": h.village_id, "dusun": h.dusun, "rt": h.rt, "rw": h.rw, "address": h.address,
                  "latitude": h.latitude, "longitude": h.longitude}
        # Only what a household record carries is compared (the phone's time and accuracy are not stored).
        incoming = {k: incoming.get(k) for k in stored}
        refs = present.Refs.load([stored, incoming])
        return present.compare(present.household_facts(stored, refs), present.household_facts(incoming, refs))
    return []


@login_required
def devices(request):
    require_perm(request.user, "visits.review")
    qs = scoped(request.user, DeviceStatus).select_related("user").order_by("user__username", "-reported_at")
    return render(request, "visits/devices.html", {"devices": qs})
