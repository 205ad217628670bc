"""Dashboards (national → province → regency → district → village → outreach day), map page, photos."""

import datetime as dt

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.formats import localize
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from balekdusun.core.scoping import get_scoped_or_404, in_jurisdiction, jurisdiction_codes, scoped
from balekdusun.core.services import DomainError
from balekdusun.core.views import require_perm
from balekdusun.lib.countries import country_name
from balekdusun.lib.words import translator
from balekdusun.reports import html, stats, svg


class PeriodForm(forms.Form):
    start = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            self.add_error("end", _("The end date is before the start date."))
        return data


def _period(request):
    form = PeriodForm(request.GET or None)
    if form.is_bound and form.is_valid():
        return form, form.cleaned_data.get("start"), form.cleaned_data.get("end")
    return form, None, None


def tiles(fig: stats.Figures) -> list[tuple[str, str, str]]:
    """The headline numbers as (label, value, note), built once in Python: cheaper than template lookups."""
    gettext = translator()

    def pct(v):
        # In the page's number format ("68,3%" in Indonesian), as every other figure on the dashboard.
        return "—" if v is None else f"{localize(v)}%"

    return [
        (gettext("Households known"), fig["households"], ""),
        (gettext("Households reached"), fig["households.reached"], pct(fig.coverage) if fig.coverage is not None
         else ""),
        (gettext("Visits"), fig["visits"], ""),
        (gettext("Contact rate"), pct(fig.contact_rate), ""),
        (gettext("Materials handed out"), fig["materials.handed_out"], ""),
        (gettext("Stickers placed / scanned"), f"{fig['stickers.placed']} / {fig['stickers.scanned']}", ""),
        (gettext("Migrant households found"), fig["mig.households"], ""),
        (gettext("Members abroad (non-procedural)"), f"{fig['mig.abroad']} ({fig['mig.nonprocedural']})", ""),
        (gettext("People planning to go"), fig["mig.planning"], ""),
        (gettext("Returnees"), fig["mig.returnees"], ""),
        (gettext("Cases opened / closed"), f"{fig['cases.opened']} / {fig['cases.closed']}", ""),
        (gettext("Cases overdue"), fig.overdue, ""),
    ]


def country_label(code: str) -> str:
    """A destination as people name it ("Malaysia", "Arab Saudi"); "XX" (not said at the door) as words."""
    return translator()("Unknown") if code == "XX" else country_name(code)


def charts(fig: stats.Figures) -> dict:
    gettext = translator()
    first, later = gettext("first visit"), gettext("later visits")
    return {
        "tiles": tiles(fig),
        "outcomes": svg.bars([(label, n, svg.OUTCOME_COLOURS[key]) for label, n, key in fig.outcomes],
                             title=gettext("Visits by outcome")),
        "countries": svg.bars([(country_label(code), n) for code, n in fig.countries[:10]],
                              title=gettext("Household members abroad by destination")),
        "procedural": svg.bars(fig.procedural, title=gettext("Procedural or not"),
                               colours=["#3a9d5d", "#c0392b", "#8c8c8c"]),
        "knowledge": svg.bars(
            [(f"{k['short']} ({first})", k["first"] or 0) for k in fig.knowledge]
            + [(f"{k['short']} ({later})", k["later"] or 0) for k in fig.knowledge],
            title=gettext("Knowledge check, share who know (%)"), unit="%",
            colours=["#1f6f8b"] * 3 + ["#3a9d5d"] * 3),
        "materials": svg.bars(fig.materials[:8], title=gettext("Materials handed out")),
        "trend": svg.weekly(fig.trend, [("visits", gettext("Visits")), ("visits.met", gettext("Met")),
                                        ("households.reached", gettext("Households reached"))],
                            title=gettext("Weekly trend")),
    }


@login_required
def home(request):
    require_perm(request.user, "reports.view")
    codes = jurisdiction_codes(request.user)
    if codes is None:
        return redirect("reports:national")
    if len(codes) == 1:
        return redirect("reports:area", code=codes[0])
    if not codes:
        raise Http404("no jurisdiction")
    return _dashboard(request, codes=codes)


@login_required
def national(request):
    require_perm(request.user, "reports.view")
    if jurisdiction_codes(request.user) is not None:
        return redirect("reports:home")
    return _dashboard(request, codes=[""])


@login_required
def area(request, code):
    require_perm(request.user, "reports.view")
    if not in_jurisdiction(request.user, code):
        raise Http404("not found")
    return _dashboard(request, codes=[code], code=code)


def _crumbs(user, place):
    crumbs = []
    if jurisdiction_codes(user) is None:
        crumbs.append((gettext("Indonesia"), reverse("reports:national")))
    if place is not None:
        for a in [*place.ancestors(), place]:
            if in_jurisdiction(user, a.code):
                crumbs.append((a.label, reverse("reports:area", args=[a.code])))
    return crumbs


def _trail_crumbs(user, trail):
    """Crumbs from an area's trail [(code, label)] (national to the area): the ones this user may open."""
    crumbs = []
    if jurisdiction_codes(user) is None:
        crumbs.append((gettext("Indonesia"), reverse("reports:national")))
    url = reverse("reports:area", args=["CODE"])
    crumbs += [(label, url.replace("CODE", code)) for code, label in trail if in_jurisdiction(user, code)]
    return crumbs


CHILD_LEVEL = {None: _("Province"), 1: _("Regency/city"), 2: _("District"), 3: _("Village")}


def _page_key(user, codes, start, end) -> str:
    """Cache key of a dashboard's figures: everything that changes them. The area, the period, the language
    and the day (overdue cases, the trend's last week); and the viewer's jurisdiction, although the figures of an
    area the viewer may open do not depend on it, so that no change to scoping can ever serve one office's
    figures to another."""
    import hashlib

    from django.utils import timezone
    from django.utils.translation import get_language

    scope = jurisdiction_codes(user)
    raw = "|".join([get_language() or "", timezone.localdate().isoformat(), ",".join(codes), str(start), str(end),
                    "*" if scope is None else ",".join(sorted(scope))])
    return "reports:dashboard:" + hashlib.sha256(raw.encode()).hexdigest()[:32]


def _area_page(user, codes, code, start, end) -> dict:
    """The dashboard of the areas `codes` (an area `code`, national [""], or a user's several areas) below the
    filters: figures, charts and the table of child areas or outreach days, rendered to HTML. The caller
    checked that the user may open it. Cached for DASHBOARD_CACHE_SECONDS by `_page_key`; without the cache
    (or on a miss) the all-time view costs one query (`stats.dashboard`: counters, names of areas and materials,
    a village's outreach days); a period view adds two (`stats.area_figures`)."""
    from django.core.cache import caches

    from balekdusun.reports import conf

    seconds = conf.DASHBOARD_CACHE_SECONDS
    if seconds:
        key = _page_key(user, codes, start, end)
        hit = caches["reports"].get(key)
        if hit is not None:
            return {**hit, "body": mark_safe(hit["body"])}  # HTML rendered by this function
    page = _compute_page(user, codes, code, start, end)
    if seconds:
        caches["reports"].set(key, {k: page[k] for k in ("label", "level", "trail", "body")}, seconds)
    return page


def _compute_page(user, codes, code, start, end) -> dict:
    # The table lists the children of an area or of the nation, or a user's several areas; a village has none
    # (its child query finds nothing: an index seek, not a query of its own).
    table = "children" if code is not None or codes == [""] else "own"
    page = stats.dashboard(user, codes, code=code, table=table)
    areas, fig, children = page.areas, page.fig, page.children
    if start or end:
        # Figures of whole weeks in the period; the child table stays all-time.
        fig = stats.area_figures(user, codes, start=start, end=end)
    place = areas.get(code) if code is not None else None
    if code is not None and place is None:
        raise Http404("not found")
    level = place.level if place else None
    trail = []
    if code is not None:
        parts = code.split(".")
        trail = [(c, areas[c].label) for c in (".".join(parts[:i]) for i in range(1, len(parts) + 1)) if c in areas]
    outreaches = page.outreaches if level == 4 else None
    heading = CHILD_LEVEL.get(level) if codes == [""] or place is not None else _("Area")
    body = html.dashboard_body_html(fig, charts(fig), children=children, child_level=heading, outreaches=outreaches)
    return {"label": place.label if place else None, "level": level, "trail": trail, "body": body,
            # For tests and the API of this module: present when computed by this request.
            "fig": fig, "children": children, "outreaches": outreaches}


def _dashboard(request, *, codes, code=None):
    form, start, end = _period(request)
    page = _area_page(request.user, codes, code, start, end)
    if page["label"]:
        title = page["label"]
    elif codes == [""]:
        title = gettext("Indonesia")
    else:
        title = gettext("My areas")
    return render(request, "reports/dashboard.html", {
        "title": title, "area_code": code, "body": page["body"], "crumbs": _trail_crumbs(request.user, page["trail"]),
        "form": form, "start": start, "end": end,
        "fig": page.get("fig"), "children": page.get("children"), "outreaches": page.get("outreaches"),
    }, status=400 if form.is_bound and form.errors else 200)


@login_required
def outreach(request, pk):
    from balekdusun.campaigns.models import Outreach
    from balekdusun.reports.models import OutreachPhoto

    require_perm(request.user, "reports.view")
    item = get_scoped_or_404(request.user, Outreach.objects.select_related("campaign", "village"), pk=pk)
    fig = stats.outreach_figures(item)
    photos = scoped(request.user, OutreachPhoto).filter(outreach=item)
    from balekdusun.core.roles import has_perm

    return render(request, "reports/outreach.html", {
        "o": item, "fig": fig, "charts": charts(fig), "crumbs": _crumbs(request.user, item.village),
        "photos": photos, "photo_form": PhotoForm(), "can_upload": has_perm(request.user, "campaigns.plan"),
    })


class PhotoForm(forms.Form):
    image = forms.ImageField(label=_("Photo"))
    caption = forms.CharField(label=_("Caption"), max_length=200, required=False)


@login_required
@require_POST
def upload_photo(request, pk):
    from balekdusun.campaigns.models import Outreach
    from balekdusun.reports import photos

    require_perm(request.user, "campaigns.plan")
    item = get_scoped_or_404(request.user, Outreach, pk=pk)
    form = PhotoForm(request.POST, request.FILES)
    if not form.is_valid():
        fig = stats.outreach_figures(item)
        return render(request, "reports/outreach.html", {
            "o": item, "fig": fig, "charts": charts(fig), "crumbs": _crumbs(request.user, item.village),
            "photos": item.photos.all(), "photo_form": form, "can_upload": True}, status=400)
    try:
        photos.add_photo(outreach=item, upload=form.cleaned_data["image"], caption=form.cleaned_data["caption"],
                         actor=request.user)
    except DomainError as exc:
        form.add_error(exc.field, exc.message)
        fig = stats.outreach_figures(item)
        return render(request, "reports/outreach.html", {
            "o": item, "fig": fig, "charts": charts(fig), "crumbs": _crumbs(request.user, item.village),
            "photos": item.photos.all(), "photo_form": form, "can_upload": True}, status=400)
    messages.success(request, gettext("Photo added."))
    return redirect("reports:outreach", pk=item.pk)


@login_required
@require_POST
def delete_photo(request, pk):
    from balekdusun.reports import photos
    from balekdusun.reports.models import OutreachPhoto

    require_perm(request.user, "campaigns.plan")
    photo = get_scoped_or_404(request.user, OutreachPhoto, pk=pk)
    outreach_id = photo.outreach_id
    photos.delete_photo(photo=photo, actor=request.user)
    messages.success(request, gettext("Photo removed."))
    return redirect("reports:outreach", pk=outreach_id)


@login_required
def map_page(request):
    import json

    from balekdusun.regions.models import Area
    from balekdusun.reports import conf, geo
    from balekdusun.visits.models import Outcome

    require_perm(request.user, "reports.view")
    code = request.GET.get("area") or None
    codes = jurisdiction_codes(request.user)
    if code is None and codes and len(codes) == 1:
        code = codes[0]
    place = None
    if code:
        if not in_jurisdiction(request.user, code):
            raise Http404("not found")
        place = Area.objects.filter(code=code).first()
        if place is None:
            raise Http404("not found")
    box = geo.bounds(request.user, code)
    # The village table only for a district or a village: a province has thousands.
    villages = geo.village_points(request.user, area=code) if place is not None and place.level >= 3 else []
    legend = [(o.value, o.label, svg.OUTCOME_COLOURS[o.value]) for o in Outcome]
    return render(request, "reports/map.html", {
        "area": place, "bounds": box, "bounds_json": json.dumps(box), "tiles": conf.MAP_TILE_URL,
        "colours_json": json.dumps(svg.OUTCOME_COLOURS), "legend": legend,
        "villages": villages[:300], "village_count": len(villages)})


def parse_day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None
