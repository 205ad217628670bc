"""Quality flags for review: visits logged less than two minutes apart by one officer, GPS far from the
household, visits dated before their outreach day, and officers whose contact rate on a day is far from their
team's. A coordinator marks each flag
accepted or explained; every review is audited."""

import datetime as dt
import math
from collections import defaultdict

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.shortcuts import redirect, render
from django.utils import formats, timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from balekdusun.core import audit
from balekdusun.core.scoping import get_scoped_or_404, scoped
from balekdusun.core.services import DomainError
from balekdusun.core.views import require_perm
from balekdusun.reports.models import FlagKind, FlagStatus, QualityFlag

MIN_GAP_SECONDS = 120
MAX_DISTANCE_M = 150
OUTLIER_MIN_VISITS = 10
OUTLIER_Z = 3.0


def distance_m(lat1, lon1, lat2, lon2) -> float:
    r = 6_371_000
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(a))


def _flag(created, **fields):
    lookup = {k: fields.pop(k) for k in ("kind", "visit_id", "officer_id", "outreach_id") if k in fields}
    if lookup.get("visit_id") is None:
        lookup.pop("visit_id", None)
        lookup["visit__isnull"] = True
    try:
        with transaction.atomic():
            _obj, new = QualityFlag.objects.get_or_create(**lookup, defaults=fields)
    except IntegrityError:
        return
    if new:
        created[lookup["kind"]] += 1


def detect(visits) -> dict:
    """Flag odd visits among `visits` (a queryset); returns the number of new flags per kind. Idempotent."""
    created = defaultdict(int)
    rows = list(visits.order_by("officer_id", "visited_at", "pk").values_list(
        "pk", "officer_id", "visited_at", "village_id", "outreach_id", "outcome", "latitude", "longitude",
        "household__latitude", "household__longitude", "outreach__date"))
    previous = None
    for pk, officer, at, village, outreach, _o, lat, lon, hlat, hlon, day in rows:
        if day is not None and timezone.localdate(at) < day:
            days = (day - timezone.localdate(at)).days
            _flag(created, kind=FlagKind.BEFORE_DAY, visit_id=pk, officer_id=officer, village_id=village,
                  outreach_id=outreach, value=days,
                  detail=ngettext("Dated %(n)d day before its outreach day (%(day)s): check the phone's date.",
                                  "Dated %(n)d days before its outreach day (%(day)s): check the phone's date.",
                                  days) % {"n": days, "day": formats.date_format(day, "j F Y")})
        if previous and previous[0] == officer:
            gap = (at - previous[1]).total_seconds()
            if 0 <= gap < MIN_GAP_SECONDS:
                _flag(created, kind=FlagKind.FAST, visit_id=pk, officer_id=officer, village_id=village,
                      outreach_id=outreach, value=gap,
                      detail=gettext("%(s)d seconds after the officer's previous visit") % {"s": gap})
        previous = (officer, at)
        if None not in (lat, lon, hlat, hlon):
            metres = distance_m(lat, lon, hlat, hlon)
            if metres > MAX_DISTANCE_M:
                _flag(created, kind=FlagKind.FAR, visit_id=pk, officer_id=officer, village_id=village,
                      outreach_id=outreach, value=round(metres),
                      detail=gettext("GPS %(m)d m from the household's position") % {"m": metres})
    # Contact rate of each officer on each outreach day against the rate of everyone on that day.
    days = defaultdict(lambda: defaultdict(lambda: [0, 0, None]))
    for _pk, officer, _at, village, outreach, outcome, *_rest in rows:
        if outreach is None:
            continue
        cell = days[outreach][officer]
        cell[0] += 1
        cell[1] += outcome == "met"
        cell[2] = village
    for outreach, officers in days.items():
        total = sum(c[0] for c in officers.values())
        met = sum(c[1] for c in officers.values())
        for officer, (n, m, village) in officers.items():
            others_n, others_m = total - n, met - m
            if n < OUTLIER_MIN_VISITS or others_n < OUTLIER_MIN_VISITS:
                continue
            p = others_m / others_n
            p = min(max(p, 0.02), 0.98)
            z = (m / n - p) / math.sqrt(p * (1 - p) / n)
            if abs(z) >= OUTLIER_Z:
                _flag(created, kind=FlagKind.OUTLIER, visit_id=None, officer_id=officer, outreach_id=outreach,
                      village_id=village, value=round(100 * m / n, 1),
                      detail=gettext("Contact rate %(r).0f%% over %(n)d visits; the rest of the team %(p).0f%%")
                      % {"r": 100 * m / n, "n": n, "p": 100 * others_m / others_n})
    return dict(created)


class ReviewForm(forms.Form):
    status = forms.ChoiceField(label=_("Decision"), choices=[(FlagStatus.ACCEPTED, FlagStatus.ACCEPTED.label),
                                                             (FlagStatus.EXPLAINED, FlagStatus.EXPLAINED.label)])
    note = forms.CharField(label=_("Explanation"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
                           max_length=2000)

    def clean(self):
        data = super().clean()
        if data.get("status") == FlagStatus.EXPLAINED and not (data.get("note") or "").strip():
            self.add_error("note", _("Write the explanation."))
        return data


@transaction.atomic
def review_flag(*, flag, status: str, note: str, actor) -> QualityFlag:
    flag = QualityFlag.objects.select_for_update().get(pk=flag.pk)
    if flag.status != FlagStatus.OPEN:
        raise DomainError("quality.already_reviewed", gettext("This flag was already reviewed."), field="status")
    flag.status, flag.note = status, note.strip()
    flag.reviewed_by, flag.reviewed_at = actor, timezone.now()
    flag.save(update_fields=["status", "note", "reviewed_by", "reviewed_at"])
    audit.log(actor, "quality.reviewed", flag, status=status, kind=flag.kind)
    return flag


class FilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), required=False,
                               choices=[("", _("All"))] + list(FlagStatus.choices))
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=[("", _("All"))] + list(FlagKind.choices))


@login_required
def queue(request):
    require_perm(request.user, "visits.review")
    filters = FilterForm(request.GET or {"status": FlagStatus.OPEN})
    flags = scoped(request.user, QualityFlag).select_related("officer", "village", "visit", "outreach")
    if filters.is_valid():
        if filters.cleaned_data["status"]:
            flags = flags.filter(status=filters.cleaned_data["status"])
        if filters.cleaned_data["kind"]:
            flags = flags.filter(kind=filters.cleaned_data["kind"])
    page = Paginator(flags, 50).get_page(request.GET.get("page"))
    return render(request, "reports/quality.html", {"page": page, "filters": filters, "form": ReviewForm()})


@login_required
@require_POST
def review(request, pk):
    require_perm(request.user, "visits.review")
    flag = get_scoped_or_404(request.user, QualityFlag, pk=pk)
    form = ReviewForm(request.POST)
    if form.is_valid():
        try:
            review_flag(flag=flag, status=form.cleaned_data["status"], note=form.cleaned_data["note"],
                        actor=request.user)
        except DomainError as exc:
            form.add_error(exc.field, exc.message)
        else:
            messages.success(request, gettext("Review saved."))
            return redirect(request.POST.get("next") if str(request.POST.get("next", "")).startswith("/reports/")
                            else "reports:quality")
    return render(request, "reports/quality_review.html", {"flag": flag, "form": form}, status=400)


@login_required
@require_POST
def check(request):
    """Look for new flags among the visits of the last `days` days in the user's jurisdiction."""
    from balekdusun.visits.models import Visit

    require_perm(request.user, "visits.review")
    try:
        days = int(request.POST.get("days", 14))
    except ValueError:
        days = -1
    if not 1 <= days <= 366:
        messages.error(request, gettext("Days: choose between 1 and 366."))
        return redirect("reports:quality")
    since = timezone.now() - dt.timedelta(days=days)
    created = detect(scoped(request.user, Visit).filter(visited_at__gte=since))
    audit.log(request.user, "quality.checked", days=days, created=created)
    messages.success(request, gettext("%(n)d new flags.") % {"n": sum(created.values())})
    return redirect("reports:quality")
