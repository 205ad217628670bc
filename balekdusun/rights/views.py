"""The portal's data-rights pages (public, POST only for anything personal) and the staff queue (/rights/)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.timesince import timesince, timeuntil
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from balekdusun.core import audit, ratelimit
from balekdusun.core.scoping import get_scoped_or_404, scoped
from balekdusun.core.services import DomainError
from balekdusun.core.views import require_perm
from balekdusun.portal.publishing import no_store
from balekdusun.rights import conf, datacopy, services
from balekdusun.rights.forms import (
    CorrectionForm,
    EraseForm,
    NoteForm,
    PortalRequestForm,
    RefuseForm,
    StaffRequestForm,
    StatusForm,
    apply_domain_error,
)
from balekdusun.rights.models import OPEN, RequestKind, RequestStatus, RightsRequest, Verification


def deadline_in_words(req) -> str:
    """"2 days, 5 hours left", "3 hours late", "answered on 06-12-2026 14:30" (in the interface language)."""
    now = timezone.now()
    if not req.is_open:
        return _("answered on %(when)s") % {"when": f"{timezone.localtime(req.answered_at):%d-%m-%Y %H:%M}"}
    if req.due_at < now:
        return _("%(time)s late") % {"time": timesince(req.due_at, now, depth=2)}
    return _("%(time)s left") % {"time": timeuntil(req.due_at, now, depth=2)}


def status_in_words(req) -> str:
    if req.status == RequestStatus.ANSWERED:
        return {
            RequestKind.ACCESS: _("Answered: the copy of your data is ready. The office gives it to you or sends it "
                                  "to you."),
            RequestKind.CORRECTION: _("Answered: your data has been corrected."),
            RequestKind.ERASURE: _("Answered: your data has been deleted."),
            RequestKind.WITHDRAWAL: _("Answered: your consent is withdrawn and your data removed."),
        }[req.kind]
    if req.status == RequestStatus.REFUSED:
        return _("Not carried out. The office's reason: %(reason)s") % {"reason": req.answer}
    if req.verification == Verification.PENDING:
        return _("Received. Please come to the office, or wait for an officer's visit, to confirm who you are.")
    return _("Received. The office answers within %(hours)s hours: by %(when)s.") % {
        "hours": conf.ANSWER_HOURS, "when": f"{timezone.localtime(req.due_at):%d-%m-%Y %H:%M}"}


# --- public --------------------------------------------------------------------------------------------------------

def _portal(request, template, context, *, status=200, title=""):
    from balekdusun.portal.views import _national

    return render(request, template, {"national": _national(), "og_title": title, **context}, status=status)


@require_http_methods(["GET", "POST"])
@no_store
def portal_request(request):
    form = PortalRequestForm(request.POST or None, initial={"sticker": (request.GET.get("s") or "")[:32]})
    status = 200
    if request.method == "POST":
        if request.POST.get("website"):
            return _portal(request, "portal/refused.html", {"reason": "honeypot"}, status=400, title=_("Not sent"))
        holder = (request.POST.get("sticker") or "").strip().upper()[:32]
        if not ratelimit.hit(request, "rights", conf.REQUEST_LIMIT, window=conf.LIMIT_WINDOW_SECONDS,
                             holder=holder):
            return _portal(request, "portal/refused.html", {"reason": "limit"}, status=429, title=_("Not sent"))
        if form.is_valid():
            data = form.cleaned_data
            try:
                req = services.file_from_portal(kind=data["kind"], sticker_code=data["sticker"], phone=data["phone"],
                                                in_person=data["in_person"], name=data["name"],
                                                relation=data["relation"], details=data["details"])
            except DomainError as exc:
                apply_domain_error(form, exc)
            else:
                # Shown in the answer to the POST itself: the reference never travels in a URL.
                return _portal(request, "rights/portal_done.html", {"req": req, "state": status_in_words(req)},
                               status=201, title=_("Request received"))
        status = 422
    return _portal(request, "rights/portal_request.html", {"form": form}, status=status,
                   title=_("Your data: see, correct or delete"))


@require_http_methods(["GET", "POST"])
@no_store
def portal_status(request):
    form = StatusForm(request.POST or None)
    req = None
    status = 200
    if request.method == "POST":
        if form.is_valid():
            holder = services.normalize_reference(form.cleaned_data["reference"])
            if not ratelimit.hit(request, "rights-status", conf.STATUS_LIMIT, window=conf.LIMIT_WINDOW_SECONDS,
                                 holder=holder):
                return _portal(request, "portal/refused.html", {"reason": "limit"}, status=429,
                               title=_("Try later"))
            req = services.status_for(reference=form.cleaned_data["reference"], phone=form.cleaned_data["phone"])
            if req is None:
                form.add_error(None, _("No request matches this reference code and this phone number. Check both."))
                status = 404
        else:
            status = 422
    return _portal(request, "rights/portal_status.html",
                   {"form": form, "req": req, "state": status_in_words(req) if req else ""},
                   status=status, title=_("Status of my data request"))


# --- staff ---------------------------------------------------------------------------------------------------------

def _get(request, reference):
    require_perm(request.user, "rights.handle")
    ref = services.normalize_reference(reference)
    return get_scoped_or_404(request.user, RightsRequest.objects.select_related("office", "household__village"),
                             reference=ref or "-")


@login_required
def queue(request):
    require_perm(request.user, "rights.handle")
    qs = scoped(request.user, RightsRequest).select_related("office", "household__village")
    open_requests = list(qs.filter(status__in=OPEN).order_by("due_at", "pk"))
    done = list(qs.exclude(status__in=OPEN).order_by("-answered_at", "-pk")[:50])
    for req in open_requests + done:
        req.deadline = deadline_in_words(req)
    return render(request, "rights/queue.html", {"open_requests": open_requests, "done": done,
                                                 "hours": conf.ANSWER_HOURS})


@login_required
@require_http_methods(["GET", "POST"])
def new(request):
    require_perm(request.user, "rights.handle")
    form = StaffRequestForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                _sticker, household = services.find_household(data["sticker"])
                # Only a house in the user's jurisdiction: another office's house is "not known" here.
                if not scoped(request.user, type(household)).filter(pk=household.pk).exists():
                    raise DomainError("rights.unknown_sticker", _("No house of your area carries this sticker."),
                                      field="sticker")
                req = services.file_by_staff(actor=request.user, household=household, kind=data["kind"],
                                             phone=data["phone"], name=data["name"], relation=data["relation"],
                                             details=data["details"], verified=data["verified"])
            except DomainError as exc:
                apply_domain_error(form, exc)
            else:
                return redirect("rights:detail", req.reference)
        status = 422
    return render(request, "rights/new.html", {"form": form}, status=status)


def _detail_context(request, req, **forms):
    h = req.household
    audit.log(request.user, "personal.viewed", req, office=req.office, what="rights request")
    ctx = {"req": req, "household": h, "deadline": deadline_in_words(req), "state": status_in_words(req),
           "can_act": req.is_open and req.verification != Verification.PENDING}
    if h is not None and req.kind == RequestKind.CORRECTION:
        ctx["correction_form"] = forms.get("correction_form") or CorrectionForm(
            initial={k: getattr(h, k) for k in services.CORRECTABLE})
    ctx["note_form"] = forms.get("note_form") or NoteForm()
    ctx["erase_form"] = forms.get("erase_form") or EraseForm()
    ctx["refuse_form"] = forms.get("refuse_form") or RefuseForm()
    ctx["error"] = forms.get("error", "")
    return ctx


@login_required
def detail(request, reference):
    req = _get(request, reference)
    return render(request, "rights/detail.html", _detail_context(request, req))


def _failed(request, req, exc=None, **forms):
    if exc is not None and not forms:
        forms["error"] = exc.message
    return render(request, "rights/detail.html", _detail_context(request, req, **forms), status=422)


@login_required
@require_POST
def verify(request, reference):
    req = _get(request, reference)
    try:
        services.verify_in_person(req=req, actor=request.user)
    except DomainError as exc:
        return _failed(request, req, exc)
    return redirect("rights:detail", req.reference)


@login_required
def copy(request, reference, fmt):
    req = _get(request, reference)
    if fmt not in ("json", "pdf") or req.household is None:
        from django.http import Http404

        raise Http404("not found")
    if req.kind != RequestKind.ACCESS or req.verification == Verification.PENDING:
        return _failed(request, req, DomainError("rights.no_copy", _("A copy is made only for a verified request "
                                                                     "to see the data.")))
    data = datacopy.build(req.household)
    audit.log(request.user, "rights.copy_downloaded", req.household, office=req.office,
              request=req.display_reference, format=fmt)
    name = f"data-{req.display_reference}"
    if fmt == "json":
        response = HttpResponse(datacopy.as_json(data), content_type="application/json; charset=utf-8")
    else:
        response = HttpResponse(datacopy.as_pdf(data, req=req, request=request), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def answer(request, reference):
    req = _get(request, reference)
    form = NoteForm(request.POST)
    if not form.is_valid():
        return _failed(request, req, note_form=form)
    try:
        services.answer_access(req=req, actor=request.user, note=form.cleaned_data["note"])
    except DomainError as exc:
        return _failed(request, req, exc)
    return redirect("rights:detail", req.reference)


@login_required
@require_POST
def correct(request, reference):
    req = _get(request, reference)
    form = CorrectionForm(request.POST)
    if form.is_valid():
        data = dict(form.cleaned_data)
        note = data.pop("note")
        try:
            services.correct(req=req, actor=request.user, fields=data, note=note)
        except DomainError as exc:
            apply_domain_error(form, exc)
        else:
            return redirect("rights:detail", req.reference)
    return _failed(request, req, correction_form=form)


@login_required
@require_POST
def erase(request, reference):
    req = _get(request, reference)
    form = EraseForm(request.POST)
    if not form.is_valid():
        return _failed(request, req, erase_form=form)
    try:
        services.erase(req=req, actor=request.user, note=form.cleaned_data["note"])
    except DomainError as exc:
        return _failed(request, req, exc)
    return redirect("rights:detail", req.reference)


@login_required
@require_POST
def refuse(request, reference):
    req = _get(request, reference)
    form = RefuseForm(request.POST)
    if form.is_valid():
        try:
            services.refuse(req=req, actor=request.user, reason=form.cleaned_data["reason"])
        except DomainError as exc:
            apply_domain_error(form, exc)
        else:
            return redirect(reverse("rights:detail", args=[req.reference]))
    return _failed(request, req, refuse_form=form)
