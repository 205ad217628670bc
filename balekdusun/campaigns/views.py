import calendar
import datetime as dt

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from balekdusun.campaigns import imports, priority, services, walklist
from balekdusun.campaigns.forms import (
    CampaignForm,
    CutTurfsForm,
    HouseholdForm,
    MonthForm,
    MoveHouseholdForm,
    OfficerForm,
    OutreachForm,
    PartnerForm,
    PriorityFilterForm,
    TurfOfficersForm,
    UploadForm,
    WeightsForm,
)
from balekdusun.campaigns.models import (
    Campaign,
    Household,
    MigrationStat,
    Outreach,
    PlanningArea,
    PriorityComponent,
    PriorityWeight,
    TeamMember,
    Turf,
)
from balekdusun.core import audit, precision
from balekdusun.core.roles import has_perm
from balekdusun.core.scoping import get_scoped_or_404, scoped, team_q
from balekdusun.core.services import DomainError
from balekdusun.core.views import require_perm
from balekdusun.lib import import_template


def _invalid(request, form):
    return 422 if request.method == "POST" and form.errors else 200


# --- village priority -----------------------------------------------------------------------------------------

@login_required
def priority_list(request):
    require_perm(request.user, "campaigns.view")
    form = PriorityFilterForm(request.GET or None, user=request.user)
    within = form.within() if request.GET else None
    ranked = priority.rank(request.user, within=within) if not form.errors else []
    page = Paginator(ranked, 50).get_page(request.GET.get("page"))
    return render(request, "campaigns/priority.html", {
        "form": form, "page": page, "components": PriorityComponent.choices, "weights": priority.weights(),
        "can_plan": has_perm(request.user, "campaigns.plan"),
        "can_weigh": has_perm(request.user, "settings.manage")})


@login_required
def priority_weights(request):
    require_perm(request.user, "settings.manage")
    priority.weights()
    form = WeightsForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            for component, value in form.cleaned_data.items():
                PriorityWeight.objects.update_or_create(component=component, defaults={"weight": value})
            audit.log(request.user, "priority.weights_changed", None,
                      **{k: str(v) for k, v in form.cleaned_data.items()})
        messages.success(request, _("Weights saved."))
        return redirect("campaigns:priority")
    return render(request, "campaigns/weights.html", {"form": form}, status=_invalid(request, form))


# --- migration figures ----------------------------------------------------------------------------------------

@login_required
def migration(request):
    require_perm(request.user, "campaigns.view")
    can_import = has_perm(request.user, "campaigns.plan")
    form = UploadForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST":
        require_perm(request.user, "campaigns.plan")
        if form.is_valid():
            upload = form.cleaned_data["file"]
            if upload.size > settings.JOBS_SYNC_IMPORT_MAX_BYTES:
                # A large file is imported by a background job (balekdusun/jobs) with a progress page.
                from balekdusun.jobs import services as jobs

                return redirect(jobs.start(kind="import_migration", owner=request.user, upload=upload))
            result = imports.import_migration(upload.file, upload.name, actor=request.user, user=request.user,
                                              source=_("upload by %(user)s") % {"user": request.user.username})
            if result.ok:
                messages.success(request, _("Imported %(n)d rows.") % {"n": result.created})
                return redirect("campaigns:migration")
    stats = scoped(request.user, MigrationStat).select_related("area").order_by("-year", "-month", "area_id")
    page = Paginator(stats, 50).get_page(request.GET.get("page"))
    status = 422 if request.method == "POST" and (form.errors or (result and not result.ok)) else 200
    return render(request, "campaigns/migration.html", {"form": form, "result": result, "page": page,
                                                        "can_import": can_import}, status=status)


@login_required
def migration_template(request, fmt):
    require_perm(request.user, "campaigns.view")
    return import_template.response("template-data-pmi", imports.MIGRATION_TEMPLATE_HEADER,
                                    imports.MIGRATION_TEMPLATE_ROWS, fmt)


@login_required
def household_template(request, fmt):
    require_perm(request.user, "households.edit")
    return import_template.response("template-rumah-tangga", imports.HOUSEHOLD_COLUMNS,
                                    imports.HOUSEHOLD_TEMPLATE_ROWS, fmt)


# --- campaigns and outreach days ------------------------------------------------------------------------------

@login_required
def campaign_list(request):
    require_perm(request.user, "campaigns.view")
    items = scoped(request.user, Campaign).select_related("office").annotate(n=Count("outreaches"))
    return render(request, "campaigns/campaign_list.html", {
        "campaigns": items, "can_plan": has_perm(request.user, "campaigns.plan")})


@login_required
def campaign_edit(request, pk=None):
    require_perm(request.user, "campaigns.plan")
    campaign = get_scoped_or_404(request.user, Campaign, pk=pk) if pk else None
    if campaign is None and not request.user.office_id:
        messages.error(request, _("Only users of an office create campaigns."))
        return redirect("campaigns:campaigns")
    form = CampaignForm(request.POST or None, instance=campaign, office=request.user.office if not campaign else None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            obj = form.save(commit=False)
            if not campaign:
                obj.office = request.user.office
            obj.save()
            audit.log(request.user, "campaign.updated" if campaign else "campaign.created", obj, office=obj.office)
        messages.success(request, _("Campaign saved."))
        return redirect("campaigns:outreaches")
    return render(request, "campaigns/campaign_form.html", {"form": form, "campaign": campaign},
                  status=_invalid(request, form))


@login_required
def outreach_list(request):
    require_perm(request.user, "campaigns.view")
    qs = scoped(request.user, Outreach).select_related("campaign", "village").annotate(
        n_team=Count("team", distinct=True), n_turfs=Count("turfs", distinct=True)).order_by("-date", "village_id")
    status = request.GET.get("status")
    if status:
        qs = qs.filter(status=status)
    village = request.GET.get("village")
    if village:
        # From the priority list's "Planned": the days of one village.
        qs = qs.filter(village_id=village)
    page = Paginator(qs, 30).get_page(request.GET.get("page"))
    from balekdusun.campaigns.models import OutreachStatus

    return render(request, "campaigns/outreach_list.html", {
        "page": page, "statuses": OutreachStatus.choices, "status": status, "village": village or "",
        "can_plan": has_perm(request.user, "campaigns.plan")})


@login_required
def outreach_calendar(request):
    require_perm(request.user, "campaigns.view")
    form = MonthForm(request.GET or None)
    today = timezone.localdate()
    first = today.replace(day=1)
    if form.is_valid() and form.cleaned_data.get("month"):
        year, month = map(int, form.cleaned_data["month"].split("-"))
        if 1 <= month <= 12:
            first = dt.date(year, month, 1)
    last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
    days = {}
    for o in scoped(request.user, Outreach).filter(date__range=(first, last)).select_related("village"):
        days.setdefault(o.date, []).append(o)
    weeks = []
    for week in calendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month):
        weeks.append([{"date": d, "in_month": d.month == first.month, "items": days.get(d, []),
                       "today": d == today} for d in week])
    prev_month = (first - dt.timedelta(days=1)).strftime("%Y-%m")
    next_month = (last + dt.timedelta(days=1)).strftime("%Y-%m")
    return render(request, "campaigns/calendar.html", {"weeks": weeks, "first": first, "prev": prev_month,
                                                       "next": next_month})


@login_required
def outreach_edit(request, pk=None):
    require_perm(request.user, "campaigns.plan")
    outreach = get_scoped_or_404(request.user, Outreach, pk=pk) if pk else None
    initial = {}
    if outreach is None and request.GET.get("village"):
        initial["village"] = request.GET["village"]
    form = OutreachForm(request.POST or None, instance=outreach, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            obj = form.save()
            audit.log(request.user, "outreach.updated" if outreach else "outreach.created", obj)
        messages.success(request, _("Outreach day saved."))
        return redirect("campaigns:outreach", pk=obj.pk)
    return render(request, "campaigns/outreach_form.html", {"form": form, "outreach": outreach},
                  status=_invalid(request, form))


@login_required
def outreach_detail(request, pk):
    require_perm(request.user, "campaigns.view")
    outreach = get_scoped_or_404(request.user, Outreach.objects.select_related("campaign", "village"), pk=pk)
    can_plan = has_perm(request.user, "campaigns.plan")
    officer_form = OfficerForm(prefix="o", outreach=outreach)
    partner_form = PartnerForm(prefix="p")
    status = 200
    if request.method == "POST":
        require_perm(request.user, "campaigns.plan")
        if "add_officer" in request.POST:
            officer_form = OfficerForm(request.POST, prefix="o", outreach=outreach)
            if officer_form.is_valid():
                with transaction.atomic():
                    member = TeamMember.objects.create(outreach=outreach, user=officer_form.cleaned_data["user"])
                    audit.log(request.user, "team.added", outreach, member=str(member))
                return redirect("campaigns:outreach", pk=pk)
        elif "add_partner" in request.POST:
            partner_form = PartnerForm(request.POST, prefix="p")
            if partner_form.is_valid():
                with transaction.atomic():
                    member = partner_form.save(commit=False)
                    member.outreach = outreach
                    member.save()
                    audit.log(request.user, "team.added", outreach, member=str(member))
                return redirect("campaigns:outreach", pk=pk)
        status = 422
    # Only the turfs this user may open are listed; the map of every turf's route only for roles that see them all.
    turfs = scoped(request.user, outreach.turfs.annotate(n_stops=Count("stops")).prefetch_related("officers"))
    sees_all_turfs = team_q(request.user, "outreach_id", "pk") is None
    return render(request, "campaigns/outreach_detail.html", {
        "outreach": outreach, "team": outreach.team.select_related("user"), "turfs": turfs,
        "officer_form": officer_form, "partner_form": partner_form, "can_plan": can_plan,
        "households": Household.objects.filter(village_id=outreach.village_id).count(),
        "cut_form": CutTurfsForm(),
        "turf_map": walklist.turf_map(outreach) if sees_all_turfs else None}, status=status)


@login_required
@require_POST
def team_remove(request, pk, member_pk):
    require_perm(request.user, "campaigns.plan")
    outreach = get_scoped_or_404(request.user, Outreach, pk=pk)
    member = get_object_or_404(TeamMember, pk=member_pk, outreach=outreach)
    with transaction.atomic():
        audit.log(request.user, "team.removed", outreach, member=str(member))
        if member.user_id:
            for turf in outreach.turfs.all():
                turf.officers.remove(member.user)
        member.delete()
    return redirect("campaigns:outreach", pk=pk)


# --- households -----------------------------------------------------------------------------------------------

@login_required
def households(request, code):
    require_perm(request.user, "campaigns.view")
    village = get_scoped_or_404(request.user, PlanningArea, code=code, level=4)
    can_edit = has_perm(request.user, "households.edit")
    show_personal = has_perm(request.user, "personal.view")
    form = HouseholdForm(prefix="h")
    upload = UploadForm(prefix="u")
    result, status, duplicates = None, 200, []
    if request.method == "POST":
        require_perm(request.user, "households.edit")
        if "import" in request.POST:
            upload = UploadForm(request.POST, request.FILES, prefix="u")
            if upload.is_valid():
                f = upload.cleaned_data["file"]
                if f.size > settings.JOBS_SYNC_IMPORT_MAX_BYTES:
                    # A large list is imported by a background job (balekdusun/jobs) with a progress page.
                    from balekdusun.jobs import services as jobs

                    return redirect(jobs.start(kind="import_households", owner=request.user, upload=f,
                                               title=village.name, params={"village": code}))
                result = imports.import_households(f.file, f.name, village=village, actor=request.user)
                if result.ok:
                    messages.success(request, _("Imported %(n)d households.") % {"n": result.created})
                    return redirect("campaigns:households", code=code)
            status = 422
        else:
            form = HouseholdForm(request.POST, prefix="h")
            if form.is_valid():
                fields = form.fields_for_service()
                duplicates = services.nearby_households(
                    village_code=code, latitude=fields["latitude"], longitude=fields["longitude"],
                    address=fields["address"] or "") if fields["latitude"] is not None else []
                for d in duplicates:
                    # Named on the page as the role may see places (core/precision.py); these copies are not saved.
                    d.address = precision.address(request.user, d.address)
                if duplicates and "confirm" not in request.POST:
                    status = 409
                else:
                    try:
                        services.create_household(village=village, actor=request.user,
                                                  consent=form.cleaned_data["consent"], **fields)
                    except DomainError as err:
                        form.add_error(err.field if err.field in form.fields else None, err.message)
                        status = 422
                    else:
                        messages.success(request, _("Household added."))
                        return redirect("campaigns:households", code=code)
            else:
                status = 422
    qs = scoped(request.user, Household).filter(village_id=code)
    q = request.GET.get("q", "").strip()
    if q:
        from balekdusun.materials.models import Sticker

        # Coarse roles (core/precision.py) do not see addresses, so they cannot search by one either.
        match = Q(dusun__icontains=q) | Q(rt=q) | Q(pk__in=Sticker.objects.filter(code=q.upper())
                                                   .values("household_id"))  # a code typed
        qs = qs.filter(match | Q(address__icontains=q) if precision.exact(request.user) else match)
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    for h in page:
        # Address and GPS as the role may see them, as in the exports and the map.
        h.shown_address = precision.address(request.user, h.address)
        h.shown_lat = precision.coordinate(request.user, h.latitude)
        h.shown_lon = precision.coordinate(request.user, h.longitude)
    if show_personal and any(h.head_name or h.phone for h in page):
        audit.log(request.user, "personal.viewed", None, area_code=code, what="household list", page=page.number)
    return render(request, "campaigns/households.html", {
        "village": village, "page": page, "form": form, "upload": upload, "result": result, "q": q,
        "can_edit": can_edit, "show_personal": show_personal, "duplicates": duplicates,
        "gps_decimals": 5 if precision.exact(request.user) else precision.COARSE_DECIMALS,
        "can_review": _add_last_visits(request.user, page)}, status=status)


def _add_last_visits(user, households) -> bool:
    """Give each household of the page its latest visit (`last_visit`), for the link to the visit's page, and the
    code of its sticker (`sticker_code`), the name people know it by.
    Returns whether the user may open visit pages."""
    from balekdusun.visits.models import Visit

    latest = {}
    rows = (scoped(user, Visit).filter(household__in=[h.pk for h in households])
            .order_by("household_id", "-visited_at", "-pk").only("household_id", "uuid", "visited_at", "outcome"))
    for visit in rows:
        latest.setdefault(visit.household_id, visit)
    stickers = services.placed_sticker_codes([h.pk for h in households])
    for h in households:
        h.last_visit = latest.get(h.pk)
        h.sticker_code = stickers.get(h.pk, "")
    return has_perm(user, "visits.review")


# --- turfs and walk lists -------------------------------------------------------------------------------------

@login_required
@require_POST
def cut_turfs(request, pk):
    require_perm(request.user, "campaigns.plan")
    outreach = get_scoped_or_404(request.user, Outreach, pk=pk)
    form = CutTurfsForm(request.POST)
    if form.is_valid():
        try:
            services.cut_turfs(outreach=outreach, count=form.cleaned_data["count"], actor=request.user)
        except DomainError as err:
            messages.error(request, err.message)
        else:
            messages.success(request, _("Turfs cut and walk lists ordered."))
    else:
        messages.error(request, "; ".join(e for errs in form.errors.values() for e in errs))
    return redirect(reverse("campaigns:outreach", args=[pk]) + "#turfs")


@login_required
def turf_detail(request, pk):
    require_perm(request.user, "campaigns.view")
    turf = get_scoped_or_404(request.user, Turf.objects.select_related("outreach", "outreach__village"), pk=pk)
    outreach = turf.outreach
    can_plan = has_perm(request.user, "campaigns.plan")
    officers_form = TurfOfficersForm(prefix="t", outreach=outreach, initial={"officers": list(turf.officers.all())})
    status = 200
    if request.method == "POST":
        require_perm(request.user, "campaigns.plan")
        if "move" in request.POST:
            move = MoveHouseholdForm(request.POST, outreach=outreach)
            if move.is_valid():
                household = get_object_or_404(Household, pk=move.cleaned_data["household"],
                                              village_id=outreach.village_id)
                try:
                    services.move_household(household=household, to_turf=move.cleaned_data["turf"],
                                            actor=request.user)
                except DomainError as err:
                    messages.error(request, err.message)
                return redirect("campaigns:turf", pk=pk)
            status = 422
            messages.error(request, _("Choose a turf to move the household to."))
        elif "reorder" in request.POST:
            services.order_turf(turf=turf, actor=request.user)
            messages.success(request, _("Route ordered again."))
            return redirect("campaigns:turf", pk=pk)
        elif "officers" in request.POST:
            officers_form = TurfOfficersForm(request.POST, prefix="t", outreach=outreach)
            if officers_form.is_valid():
                services.set_turf_officers(turf=turf, officers=list(officers_form.cleaned_data["officers"]),
                                           actor=request.user)
                return redirect("campaigns:turf", pk=pk)
            status = 422
    siblings = list(outreach.turfs.annotate(n_stops=Count("stops")))
    return render(request, "campaigns/turf.html", {
        "turf": turf, "outreach": outreach, "rows": walklist.rows(turf), "siblings": siblings,
        "others": [t for t in siblings if t.pk != turf.pk], "balance": services.turf_balance(siblings),
        "can_plan": can_plan, "officers_form": officers_form}, status=status)


@login_required
def turf_pdf(request, pk):
    require_perm(request.user, "campaigns.view")
    turf = get_scoped_or_404(request.user, Turf.objects.select_related("outreach", "outreach__village"), pk=pk)
    data = walklist.pdf(turf, request)
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="daftar-kunjungan-{turf.outreach.date:%Y%m%d}-{turf.pk}.pdf"'
    return response
