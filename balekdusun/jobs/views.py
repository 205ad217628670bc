"""Pages of background jobs: the list, a job's progress page (polling `status`), retry, the result file, and the
pages that start the long kinds of work (exports, campaign reports, sticker sheets, the rollup rebuild).
Imports start from their own pages (campaigns/views.py) when the file is large."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import DatabaseError
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from balekdusun.core import audit
from balekdusun.core.roles import Role, has_perm
from balekdusun.core.scoping import get_scoped_or_404, scoped
from balekdusun.core.services import DomainError
from balekdusun.core.views import require_perm
from balekdusun.jobs import progress as P
from balekdusun.jobs import services
from balekdusun.jobs.models import Job


def visible_jobs(user):
    """Jobs the user may see: the office's for those who hold `jobs.office`, otherwise their own."""
    qs = scoped(user, Job).select_related("owner")
    if not has_perm(user, "jobs.office"):
        qs = qs.filter(owner=user)
    return qs


def _job(request, pk) -> Job:
    try:
        return visible_jobs(request.user).get(pk=pk)
    except (Job.DoesNotExist, ValueError):
        raise Http404("not found") from None


def figures(job) -> dict:
    """What the progress page shows, in words: no codes."""
    f = P.current(job)
    percent = min(100, int(f["done"] * 100 / f["total"])) if f["total"] else (100 if job.finished else None)
    return {"status": job.status, "status_label": job.get_status_display(), "done": f["done"], "total": f["total"],
            "percent": percent, "phase": _(f["phase"]) if f["phase"] else "", "finished": job.finished}


@login_required
def job_list(request):
    page = Paginator(visible_jobs(request.user), 30).get_page(request.GET.get("page"))
    rows = [(job, figures(job)) for job in page]
    return render(request, "jobs/list.html", {
        "page": page, "rows": rows, "office_wide": has_perm(request.user, "jobs.office"),
        "can_rebuild": request.user.role == Role.ADMIN})


@login_required
def job_detail(request, pk):
    job = _job(request, pk)
    return render(request, "jobs/detail.html", {
        "job": job, "fig": figures(job), "is_owner": job.owner_id == request.user.pk})


@login_required
def job_status(request, pk):
    try:
        job = _job(request, pk)
        return JsonResponse(figures(job))
    except DatabaseError:
        # The database is busy for a moment (SQLite while a job commits): the page asks again.
        return JsonResponse({"busy": True}, status=503, headers={"Retry-After": "1"})


@login_required
@require_POST
def job_retry(request, pk):
    job = _job(request, pk)
    try:
        services.retry(job=job, actor=request.user)
    except DomainError as err:
        messages.error(request, err.message)
        status = 403 if err.code == "jobs.not_owner" else 409
        return render(request, "jobs/detail.html", {
            "job": job, "fig": figures(job), "is_owner": job.owner_id == request.user.pk}, status=status)
    messages.success(request, _("The job was queued again."))
    return redirect(job)


@login_required
def job_download(request, pk):
    job = _job(request, pk)
    if job.owner_id != request.user.pk:
        # The file was made with its owner's rights (what their role may see): it is theirs alone.
        raise PermissionDenied(_("Only the person who started this job may download its file."))
    if job.status != Job.Status.DONE or not job.result_file:
        raise Http404("no file")
    if job.kind == Job.Kind.EXPORT:
        form = job.params.get("form", {})
        audit.log(request.user, "export.downloaded", None, area_code=form.get("area", ""),
                  dataset=job.params.get("dataset"), format=job.params.get("fmt"),
                  redacted=not has_perm(job.owner, "personal.view"), area=form.get("area", ""),
                  start=form.get("start", ""), end=form.get("end", ""), job=str(job.pk))
    audit.log(request.user, "job.downloaded", job, kind=job.kind)
    return FileResponse(job.result_file.open("rb"), as_attachment=True, filename=job.result_name)


# --- starting the long kinds of work -----------------------------------------------------------------------------

def _confirm(request, *, title, text, form, status=200):
    return render(request, "jobs/confirm.html", {"title": title, "text": text, "form": form,
                                                 "params": request.GET.items()}, status=status)


def _form_data(querydict, names) -> dict:
    return {k: querydict.get(k, "") for k in names if querydict.get(k, "") != ""}


@login_required
def export_new(request, kind, fmt):
    from balekdusun.reports import exports

    require_perm(request.user, "exports.download")
    if kind not in exports.DATASETS or fmt not in exports.FORMATS:
        raise Http404("unknown export")
    source = request.POST if request.method == "POST" else request.GET
    form = exports.ExportForm(source, user=request.user)
    label = f"{exports.DATASETS[kind].label}, {fmt.upper()}"
    if not form.is_valid():
        return _confirm(request, title=_("Prepare an export"), text=label, form=form, status=400)
    if request.method != "POST":
        return _confirm(request, title=_("Prepare an export"), text=label, form=form)
    data = _form_data(source, ["area", "start", "end", "codes"])
    job = services.start(kind=Job.Kind.EXPORT, owner=request.user,
                         params={"dataset": kind, "fmt": fmt, "form": data})
    return redirect(job)


@login_required
def campaign_pdf_new(request, pk):
    from balekdusun.campaigns.models import Campaign
    from balekdusun.reports.activity import CampaignPeriodForm

    require_perm(request.user, "reports.view")
    campaign = get_scoped_or_404(request.user, Campaign, pk=pk)
    source = request.POST if request.method == "POST" else request.GET
    form = CampaignPeriodForm(source)
    title = _("Activity report of %(c)s") % {"c": campaign.name}
    if not form.is_valid():
        return _confirm(request, title=_("Prepare a campaign report"), text=title, form=form, status=400)
    if request.method != "POST":
        return _confirm(request, title=_("Prepare a campaign report"), text=title, form=form)
    job = services.start(kind=Job.Kind.CAMPAIGN_PDF, owner=request.user, title=campaign.name,
                         params={"campaign": campaign.pk, "form": _form_data(source, ["start", "end"])})
    return redirect(job)


@login_required
def sticker_sheet_new(request, pk):
    from balekdusun.materials.forms import SheetForm
    from balekdusun.materials.models import StickerBatch

    require_perm(request.user, "stickers.manage")
    batch = get_scoped_or_404(request.user, StickerBatch, pk=pk)
    source = request.POST if request.method == "POST" else request.GET
    form = SheetForm(source)
    title = _("Sticker sheets of batch %(b)s") % {"b": str(batch)}
    if not form.is_valid():
        return _confirm(request, title=_("Prepare sticker sheets"), text=title, form=form, status=422)
    if request.method != "POST":
        return _confirm(request, title=_("Prepare sticker sheets"), text=title, form=form)
    job = services.start(kind=Job.Kind.STICKER_SHEET, owner=request.user, title=str(batch),
                         params={"batch": batch.pk, "form": _form_data(source, list(SheetForm.base_fields))})
    return redirect(job)


@login_required
@require_POST
def rebuild_new(request):
    if request.user.role != Role.ADMIN:
        raise PermissionDenied(_("Your role does not allow this."))
    job = services.start(kind=Job.Kind.REBUILD_ROLLUPS, owner=request.user)
    return redirect(job)
