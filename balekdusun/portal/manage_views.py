"""Staff pages (back office) for the portal's content: agency register, job openings, information pages."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from balekdusun.core.scoping import get_scoped_or_404, scoped
from balekdusun.core.services import DomainError
from balekdusun.core.views import require_perm
from balekdusun.lib import import_template
from balekdusun.portal import imports, services
from balekdusun.portal.forms import AgencyForm, ImportForm, InfoPageForm, JobForm
from balekdusun.portal.models import Agency, AgencyStatus, InfoPage, JobOpening, JobStatus

PERM = "portal.manage"


def _no_cache(response):
    response["Cache-Control"] = "no-store, private"
    return response


@login_required
def agency_list(request):
    require_perm(request.user, PERM)
    # The register is national public reference data: every office's staff read and keep the same list.
    qs = Agency.objects.all()
    query = (request.GET.get("q") or "").strip()
    status = request.GET.get("status") or ""
    if query:
        qs = qs.filter(Q(name__icontains=query) | Q(licence_number__icontains=query))
    if status in AgencyStatus.values:
        qs = qs.filter(status=status)
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    return _no_cache(render(request, "portal/manage/agency_list.html", {
        "page": page, "query": query, "status": status, "statuses": AgencyStatus.choices}))


@login_required
def agency_edit(request, pk=None):
    require_perm(request.user, PERM)
    agency = get_object_or_404(Agency, pk=pk) if pk else None
    form = AgencyForm(request.POST or None, instance=agency)
    if request.method == "POST" and form.is_valid():
        services.save_agency(agency=form.save(commit=False), actor=request.user)
        messages.success(request, _("Saved."))
        return redirect("portal:manage_agencies")
    return _no_cache(render(request, "portal/manage/edit.html", {
        "form": form, "object": agency, "title": _("Agency") if agency else _("New agency"),
        "back": "portal:manage_agencies",
        "delete_url": "portal:agency_delete" if agency else None},
        status=422 if form.errors else 200))


@login_required
@require_POST
def agency_delete(request, pk):
    require_perm(request.user, PERM)
    agency = get_object_or_404(Agency, pk=pk)
    try:
        services.delete_agency(agency=agency, actor=request.user)
    except DomainError as exc:
        messages.error(request, _("This agency has job openings; withdraw them first, or mark the licence "
                                  "revoked.") if exc.code == "agency.has_openings" else exc.message)
        return redirect("portal:agency_edit", pk=pk)
    messages.success(request, _("Deleted."))
    return redirect("portal:manage_agencies")


def _import(request, *, run, title, columns, template, back):
    form = ImportForm(request.POST or None, request.FILES or None)
    result = None
    status = 200
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        result = run(upload.file, upload.name, actor=request.user)
        if result.ok:
            messages.success(request, _("Imported: %(created)s new, %(updated)s updated.") % {
                "created": result.created, "updated": result.updated})
            return redirect(back)
        status = 422
    elif form.errors:
        status = 422
    header, rows = TEMPLATES[template]
    return _no_cache(render(request, "portal/manage/import.html", {
        "form": form, "result": result, "title": title, "columns": columns, "example": import_template.as_csv(
            header, rows()), "template": template, "back": back}, status=status))


# The downloadable templates of the imports: header and example rows (the same the import page shows).
TEMPLATES = {
    "agencies": (imports.AGENCY_TEMPLATE_HEADER, imports.agency_template_rows),
    "jobs": (imports.JOB_TEMPLATE_HEADER, imports.job_template_rows),
}


@login_required
def import_template_download(request, kind, fmt):
    require_perm(request.user, PERM)
    if kind not in TEMPLATES:
        raise Http404("unknown template")
    header, rows = TEMPLATES[kind]
    return import_template.response(f"template-{kind}", header, rows(), fmt)


@login_required
def agency_import(request):
    require_perm(request.user, PERM)
    return _import(request, run=imports.import_agencies, title=_("Import agencies"),
                   columns=imports.AGENCY_TEMPLATE_HEADER, template="agencies", back="portal:manage_agencies")


@login_required
def job_list(request):
    require_perm(request.user, PERM)
    qs = scoped(request.user, JobOpening).select_related("agency", "office")
    status = request.GET.get("status") or ""
    if status in JobStatus.values:
        qs = qs.filter(status=status)
    page = Paginator(qs.order_by("-updated_at"), 50).get_page(request.GET.get("page"))
    return _no_cache(render(request, "portal/manage/job_list.html", {
        "page": page, "status": status, "statuses": JobStatus.choices}))


@login_required
def job_edit(request, pk=None):
    require_perm(request.user, PERM)
    job = get_scoped_or_404(request.user, JobOpening, pk=pk) if pk else None
    form = JobForm(request.POST or None, instance=job, user=request.user)
    if request.method == "POST" and form.is_valid():
        services.save_job(job=form.save(commit=False), actor=request.user)
        messages.success(request, _("Saved."))
        return redirect("portal:manage_jobs")
    return _no_cache(render(request, "portal/manage/edit.html", {
        "form": form, "object": job, "title": _("Job opening") if job else _("New job opening"),
        "back": "portal:manage_jobs"}, status=422 if form.errors else 200))


@login_required
def job_import(request):
    require_perm(request.user, PERM)
    return _import(request, run=imports.import_jobs, title=_("Import job openings"),
                   columns=sorted(imports.JOB_COLUMNS), template="jobs", back="portal:manage_jobs")


@login_required
def page_list(request):
    require_perm(request.user, PERM)
    return _no_cache(render(request, "portal/manage/page_list.html", {"pages": InfoPage.objects.all()}))


@login_required
def page_edit(request, pk=None):
    require_perm(request.user, PERM)
    page = get_object_or_404(InfoPage, pk=pk) if pk else None
    form = InfoPageForm(request.POST or None, instance=page)
    if request.method == "POST" and form.is_valid():
        services.save_info_page(page=form.save(commit=False), actor=request.user)
        messages.success(request, _("Saved."))
        return redirect("portal:manage_pages")
    return _no_cache(render(request, "portal/manage/edit.html", {
        "form": form, "object": page, "title": _("Information page") if page else _("New information page"),
        "back": "portal:manage_pages"}, status=422 if form.errors else 200))
