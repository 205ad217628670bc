from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from balekdusun.campaigns.models import Outreach
from balekdusun.core.models import Office
from balekdusun.core.roles import Role, has_perm
from balekdusun.core.scoping import get_scoped_or_404, scoped
from balekdusun.core.services import DomainError
from balekdusun.core.views import require_perm
from balekdusun.materials import analytics, forms, ledger, services, sheets
from balekdusun.materials.models import (
    Material,
    Reconciliation,
    Sticker,
    StickerBatch,
    StickerConflict,
    StickerScan,
    StickerStatus,
    StockMove,
)


def _invalid(request, template, context):
    return render(request, template, context, status=422)


def _apply(form, call):
    """Run a service; a DomainError becomes a form error on its field. Returns the result or None."""
    try:
        return call()
    except DomainError as exc:
        field = exc.field if exc.field in form.fields else None
        form.add_error(field, exc.message)
        return None


# --- catalogue ---------------------------------------------------------------------------------------------------

@login_required
def catalogue(request):
    # Materials are the ministry-wide catalogue (reference data, like areas); stock is what is scoped.
    require_perm(request.user, "materials.view")
    show = request.GET.get("show", "active")
    items = Material.objects.all() if show == "all" else Material.objects.filter(active=True)
    return render(request, "materials/catalogue.html", {"materials": items, "show": show,
                                                        "can_manage": has_perm(request.user, "materials.manage")})


@login_required
def material_edit(request, pk=None):
    require_perm(request.user, "materials.manage")
    instance = Material.objects.filter(pk=pk).first() if pk else None
    if pk and instance is None:
        raise Http404
    form = forms.MaterialForm(request.POST or None, request.FILES or None, instance=instance)
    if request.method == "POST":
        if form.is_valid():
            material = form.save()
            from balekdusun.core import audit

            audit.log(request.user, "material.changed" if pk else "material.created", material)
            messages.success(request, _("Saved."))
            return redirect("materials:catalogue")
        return _invalid(request, "materials/material_form.html", {"form": form, "material": instance})
    return render(request, "materials/material_form.html", {"form": form, "material": instance})


@login_required
def material_new_version(request, pk):
    """A new version of a material: same title and kind, the next version number; the old one stays until retired."""
    require_perm(request.user, "materials.manage")
    old = Material.objects.filter(pk=pk).first()
    if old is None:
        raise Http404
    initial = {"kind": old.kind, "title": old.title, "language": old.language, "topics": old.topics,
               "version": _next_version(old.version), "active": True}
    form = forms.MaterialForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST":
        if form.is_valid():
            material = form.save(commit=False)
            material.previous = old
            material.save()
            if request.POST.get("retire_previous"):
                old.active = False
                old.save(update_fields=["active"])
            from balekdusun.core import audit

            audit.log(request.user, "material.versioned", material, previous=old.pk,
                      retired_previous=bool(request.POST.get("retire_previous")))
            messages.success(request, _("New version saved."))
            return redirect("materials:catalogue")
        return _invalid(request, "materials/material_form.html", {"form": form, "previous": old})
    return render(request, "materials/material_form.html", {"form": form, "previous": old})


def _next_version(version: str) -> str:
    head, _dot, tail = version.rpartition(".")
    if tail.isdigit():
        return f"{head}.{int(tail) + 1}" if head else str(int(tail) + 1)
    return version + ".1"


@login_required
def material_file(request, pk):
    require_perm(request.user, "materials.view")
    material = Material.objects.filter(pk=pk).first()
    if material is None or not material.print_file:
        raise Http404
    return FileResponse(material.print_file.open("rb"), content_type="application/pdf",
                        filename=f"{material.title} v{material.version}.pdf")


# --- stock -------------------------------------------------------------------------------------------------------

@login_required
def stock(request):
    require_perm(request.user, "materials.view")
    moves = scoped(request.user, StockMove)
    # A village official sees their village's outreach moves only, which say nothing about the office shelf.
    by_office = [] if request.user.role == Role.VILLAGE else ledger.office_stock_table(moves)
    teams = ledger.teams_stock(moves)
    materials = {m.pk: m for m in Material.objects.all()}
    offices = {o.pk: o for o in Office.objects.filter(pk__in={r["office_id"] for r in by_office})}
    outreaches = {o.pk: o for o in Outreach.objects.filter(pk__in={r["outreach_id"] for r in teams})
                  .select_related("village")}
    page = Paginator(moves.select_related("material", "outreach__village", "officer", "created_by"), 50
                     ).get_page(request.GET.get("page"))
    return render(request, "materials/stock.html", {
        "office_rows": [{**r, "office": offices[r["office_id"]], "material": materials[r["material_id"]]}
                        for r in by_office],
        "team_rows": [{**r, "outreach": outreaches[r["outreach_id"]], "material": materials[r["material_id"]]}
                      for r in teams],
        "page": page, "can_manage": has_perm(request.user, "materials.manage"),
    })


def _stock_form_view(request, form_class, template_title, call, **form_kwargs):
    require_perm(request.user, "materials.manage")
    form = form_class(request.POST or None, user=request.user, **form_kwargs)
    if request.method == "POST":
        if form.is_valid() and _apply(form, lambda: call(form.cleaned_data, form)) is not None:
            messages.success(request, _("Recorded."))
            outreach = form.cleaned_data.get("outreach")
            if outreach is not None:
                return redirect("materials:outreach", pk=outreach.pk)
            return redirect("materials:stock")
        return _invalid(request, "materials/stock_form.html", {"form": form, "title": template_title})
    return render(request, "materials/stock_form.html", {"form": form, "title": template_title})


@login_required
def receive(request):
    return _stock_form_view(request, forms.ReceiveForm, _("Receive a print run"), lambda d, f: services.receive_stock(
        office=f.office(), material=d["material"], quantity=d["quantity"], actor=request.user, reason=d["reason"]))


def _outreach_initial(request):
    pk = request.GET.get("outreach")
    return get_scoped_or_404(request.user, Outreach, pk=pk) if pk else None


@login_required
def issue(request):
    return _stock_form_view(
        request, forms.TeamForm, _("Issue to a team"),
        lambda d, f: services.issue_stock(outreach=d["outreach"], material=d["material"], quantity=d["quantity"],
                                          officer=d["officer"], actor=request.user),
        outreach=_outreach_initial(request))


@login_required
def return_view(request):
    return _stock_form_view(
        request, forms.TeamForm, _("Return after the day"),
        lambda d, f: services.return_stock(outreach=d["outreach"], material=d["material"], quantity=d["quantity"],
                                           officer=d["officer"], actor=request.user),
        outreach=_outreach_initial(request))


@login_required
def loss(request):
    return _stock_form_view(
        request, forms.LossForm, _("Lost or damaged"),
        lambda d, f: services.record_loss(office=f.office(), material=d["material"], quantity=d["quantity"],
                                          reason=d["reason"], actor=request.user, outreach=d["outreach"],
                                          officer=d["officer"]))


@login_required
def adjust(request):
    return _stock_form_view(
        request, forms.AdjustForm, _("Adjustment"),
        lambda d, f: services.adjust_stock(office=f.office(), material=d["material"], quantity=d["quantity"],
                                           reason=d["reason"], actor=request.user, outreach=d["outreach"],
                                           officer=d["officer"]))


@login_required
def outreach_stock(request, pk):
    """The reconciliation page of one outreach day."""
    require_perm(request.user, "materials.view")
    outreach = get_scoped_or_404(request.user, Outreach.objects.select_related("village", "campaign__office"),
                                 pk=pk)
    recon = ledger.reconcile(outreach)
    signed = Reconciliation.objects.filter(outreach=outreach).select_related("signed_by").first()
    form = forms.SignOffForm(request.POST or None)
    if request.method == "POST":
        require_perm(request.user, "materials.manage")
        if form.is_valid() and _apply(form, lambda: services.sign_off(outreach=outreach, actor=request.user,
                                                                      note=form.cleaned_data["note"])):
            messages.success(request, _("Signed off."))
            return redirect("materials:outreach", pk=outreach.pk)
        status = 422
    else:
        status = 200
    materials = {m.pk: m for m in Material.objects.filter(pk__in={r.material_id for r in recon.by_material})}
    officers = {u.pk: u for u in get_user_model().objects.filter(pk__in={r.officer_id for r in recon.by_officer})}
    changed = bool(signed) and signed.snapshot.get("by_officer") != [r.as_dict() for r in recon.by_officer]
    return render(request, "materials/reconciliation.html", {
        "outreach": outreach, "recon": recon, "signed": signed, "form": form, "changed": changed,
        "by_material": [(materials[r.material_id], r) for r in recon.by_material],
        "by_officer": [(materials[r.material_id], officers.get(r.officer_id), r) for r in recon.by_officer],
        "can_manage": has_perm(request.user, "materials.manage"),
    }, status=status)


@login_required
def outreaches(request):
    """Outreach days with stock, newest first: the way into each reconciliation."""
    require_perm(request.user, "materials.view")
    qs = (scoped(request.user, Outreach).select_related("village").annotate(moves=Count("stock_moves"))
          .filter(moves__gt=0).order_by("-date"))
    signed = set(Reconciliation.objects.filter(outreach__in=qs).values_list("outreach_id", flat=True))
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    return render(request, "materials/outreaches.html", {"page": page, "signed": signed})


# --- stickers ----------------------------------------------------------------------------------------------------

@login_required
def batches(request):
    require_perm(request.user, "materials.view")
    qs = scoped(request.user, StickerBatch).select_related("office").annotate(
        placed=Count("stickers", filter=Q(stickers__status="placed")),
        void=Count("stickers", filter=Q(stickers__status="void")),
    ).order_by("-created_at")
    open_conflicts = scoped(request.user, StickerConflict).filter(resolved_at=None).count()
    lookup = forms.CodeForm(request.GET or None)
    if request.GET.get("code") and lookup.is_valid():
        sticker = scoped(request.user, Sticker).filter(code=lookup.cleaned_data["code"]).first()
        if sticker is not None:
            return redirect("materials:sticker", code=sticker.code)
        lookup.add_error("code", _("No sticker with this code in your jurisdiction."))
    page = Paginator(qs, 30).get_page(request.GET.get("page"))
    return render(request, "materials/batches.html", {
        "page": page, "lookup": lookup, "open_conflicts": open_conflicts,
        "can_manage": has_perm(request.user, "stickers.manage")})


@login_required
def batch_new(request):
    require_perm(request.user, "stickers.manage")
    form = forms.BatchForm(request.POST or None, user=request.user)
    if request.method == "POST":
        if form.is_valid():
            batch = _apply(form, lambda: services.create_batch(office=form.office(), size=form.cleaned_data["size"],
                                                               label=form.cleaned_data["label"],
                                                               actor=request.user))
            if batch is not None:
                messages.success(request, _("%(n)s sticker codes generated.") % {"n": batch.size})
                return redirect("materials:batch", pk=batch.pk)
        return _invalid(request, "materials/batch_new.html", {"form": form})
    return render(request, "materials/batch_new.html", {"form": form})


@login_required
def batch_detail(request, pk):
    require_perm(request.user, "materials.view")
    batch = get_scoped_or_404(request.user, StickerBatch.objects.select_related("office"), pk=pk)
    stickers = batch.stickers.select_related("household__village", "outreach__village").order_by("id")
    issue_form = forms.IssueStickersForm(request.POST or None, user=request.user)
    status = 200
    if request.method == "POST":
        require_perm(request.user, "stickers.manage")
        if issue_form.is_valid() and _apply(issue_form, lambda: services.issue_stickers(
                batch=batch, outreach=issue_form.cleaned_data["outreach"], count=issue_form.cleaned_data["count"],
                actor=request.user)):
            messages.success(request, _("Stickers issued."))
            return redirect("materials:batch", pk=batch.pk)
        status = 422
    page = Paginator(stickers, 100).get_page(request.GET.get("page"))
    return render(request, "materials/batch.html", {
        "batch": batch, "page": page, "counts": analytics.status_counts(batch.stickers.all()),
        "status_labels": dict(StickerStatus.choices),
        "issue_form": issue_form, "sheet_form": forms.SheetForm(initial={"preset": "3x8", "start": 1}),
        "can_manage": has_perm(request.user, "stickers.manage")}, status=status)


@login_required
def batch_sheet(request, pk):
    """The printable A4 PDF of a batch (or a slice of it)."""
    require_perm(request.user, "stickers.manage")
    batch = get_scoped_or_404(request.user, StickerBatch.objects.select_related("office"), pk=pk)
    form = forms.SheetForm(request.GET)
    if not form.is_valid():
        return render(request, "materials/sheet_form.html", {"batch": batch, "form": form}, status=422)
    start = (form.cleaned_data.get("start") or 1) - 1
    count = form.cleaned_data.get("count") or 10_000
    code_list = list(batch.stickers.order_by("id").values_list("code", flat=True)[start:start + count])
    if not code_list:
        form.add_error("start", _("The batch has no sticker at this number."))
        return render(request, "materials/sheet_form.html", {"batch": batch, "form": form}, status=422)
    pdf = sheets.render_sheet(code_list, layout=form.cleaned_data["layout"], office=batch.office,
                              outline=form.cleaned_data["outline"])
    from balekdusun.core import audit

    audit.log(request.user, "stickers.sheet_printed", batch, office=batch.office, first=start + 1,
              count=len(code_list))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="stiker-{batch.pk}-{start + 1}.pdf"'
    return response


@login_required
def sticker_detail(request, code):
    require_perm(request.user, "materials.view")
    sticker = get_scoped_or_404(request.user, Sticker.objects.select_related(
        "batch", "household__village", "outreach__village", "placed_by_visit"), code=code)
    form = forms.ReasonForm(request.POST or None)
    if request.method == "POST":
        require_perm(request.user, "stickers.manage")
        if form.is_valid() and _apply(form, lambda: services.void_sticker(sticker=sticker,
                                                                          reason=form.cleaned_data["reason"],
                                                                          actor=request.user)):
            messages.success(request, _("The sticker is void."))
            return redirect("materials:sticker", code=sticker.code)
        status = 422
    else:
        status = 200
    scans = sticker.scans.order_by("-scanned_at")[:20]
    return render(request, "materials/sticker.html", {
        "sticker": sticker, "form": form, "scans": scans, "scan_count": sticker.scans.count(),
        "conflicts": sticker.conflicts.select_related("household__village", "visit"),
        "can_manage": has_perm(request.user, "stickers.manage")}, status=status)


@login_required
def conflicts(request):
    require_perm(request.user, "materials.view")
    qs = scoped(request.user, StickerConflict).select_related(
        "sticker__household__village", "household__village", "visit__officer", "resolved_by")
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    return render(request, "materials/conflicts.html", {"page": page, "form": forms.ResolveForm(),
                                                        "can_manage": has_perm(request.user, "stickers.manage")})


@login_required
@require_POST
def conflict_resolve(request, pk):
    require_perm(request.user, "stickers.manage")
    conflict = get_scoped_or_404(request.user, StickerConflict, pk=pk)
    form = forms.ResolveForm(request.POST)
    if form.is_valid() and _apply(form, lambda: services.resolve_conflict(
            conflict=conflict, resolution=form.cleaned_data["resolution"], actor=request.user)):
        messages.success(request, _("Marked as resolved."))
        return redirect("materials:conflicts")
    qs = scoped(request.user, StickerConflict).select_related("sticker", "household__village", "visit__officer")
    page = Paginator(qs, 50).get_page(None)
    return render(request, "materials/conflicts.html", {"page": page, "form": form, "failed": conflict.pk,
                                                        "can_manage": True}, status=422)


@login_required
def sticker_analytics(request):
    require_perm(request.user, "reports.view")
    stickers = scoped(request.user, Sticker)
    scans = scoped(request.user, StickerScan)
    placed = analytics.placed_per_village_week(stickers)
    scanned = analytics.scanned_per_village_week(scans)
    names = _village_names({r["village_id"] for r in placed + scanned})
    for r in placed + scanned:
        r["village"] = names.get(r["village_id"], r["village_id"])
    return render(request, "materials/analytics.html", {
        "placed": placed, "scanned": scanned,
        "first_scan": analytics.time_to_first_scan(stickers),
        "counts": analytics.status_counts(stickers),
    })


def _village_names(codes) -> dict:
    from balekdusun.regions.models import Area

    return dict(Area.objects.filter(code__in=codes).values_list("code", "name"))
