from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from balekdusun.cases import codes, exports, services
from balekdusun.cases.forms import (
    AssignForm,
    AttachmentForm,
    CallForm,
    DetailsForm,
    DueForm,
    FilterForm,
    HotlineForm,
    NoteForm,
    StatusForm,
    apply_domain_error,
)
from balekdusun.cases.models import OPEN_STATUSES, Case, CaseAttachment, CaseStatus, Sensitivity
from balekdusun.cases.privacy import can_see_personal, summary
from balekdusun.core import audit, lookup
from balekdusun.core.roles import has_perm
from balekdusun.core.scoping import get_scoped_or_404, scoped
from balekdusun.core.services import DomainError
from balekdusun.core.views import require_perm

BOARD_COLUMN = 40


def _cases(user, *, narrative=False):
    qs = scoped(user, Case).select_related("village", "assignee", "office")
    # Lists never show the narrative; skip decrypting it for every row.
    return qs if narrative else qs.defer("description", "health_details", "victim_status")


def _get_case(user, reference):
    ref = codes.normalize(reference)
    return get_scoped_or_404(user, _cases(user, narrative=True), reference=ref)


def filtered(request):
    """The list's filters, shared by the list, the board and the exports. Returns (form, queryset)."""
    user = request.user
    # The search text (a name, a phone) comes from the session, never from the URL (core/lookup.py).
    params = lookup.with_text(request, "q")
    form = FilterForm(params or None, user=user)
    qs = _cases(user)
    if not form.is_valid():
        return form, qs.filter(status__in=OPEN_STATUSES)
    data = form.cleaned_data
    if data["q"]:
        qs = services.search(qs, data["q"], user=user)
    status = data["status"]
    if status == "":
        qs = qs.filter(status__in=OPEN_STATUSES) if not data["q"] else qs
    elif status != "all":
        qs = qs.filter(status=status)
    if data["kind"]:
        qs = qs.filter(kind=data["kind"])
    if data["village"] is not None:
        code = data["village"].code
        qs = qs.filter(Q(area_code=code) | Q(area_code__startswith=code + "."))
    assignee = data["assignee"]
    if assignee == "me":
        qs = qs.filter(assignee=user)
    elif assignee == "none":
        qs = qs.filter(assignee__isnull=True)
    elif assignee:
        qs = qs.filter(assignee_id=assignee)
    if data["overdue"]:
        qs = qs.filter(status__in=OPEN_STATUSES, due_at__lt=timezone.now())
    return form, qs


def _search_redirect(request):
    """The filter form is posted (it may carry a name or phone): the same page again, the text kept aside."""
    return redirect(f"{request.path}?{lookup.query_with(request, 'q')}", permanent=False)


@login_required
def case_list(request):
    require_perm(request.user, "cases.view")
    if request.method == "POST":
        return _search_redirect(request)
    form, qs = filtered(request)
    page = Paginator(qs.order_by("due_at", "-created_at"), 50).get_page(request.GET.get("page"))
    rows = [(case, summary(case, request.user)) for case in page]
    counts = dict(_cases(request.user).filter(status__in=OPEN_STATUSES).values_list("status")
                  .annotate(n=Count("id")).values_list("status", "n"))
    overdue = _cases(request.user).filter(status__in=OPEN_STATUSES, due_at__lt=timezone.now()).count()
    return render(request, "cases/list.html", {
        "form": form, "page": page, "rows": rows, "counts": counts, "overdue_count": overdue,
        "statuses": [(s, CaseStatus(s).label, counts.get(s, 0)) for s in OPEN_STATUSES],
        "query": request.GET.urlencode(), "can_export": has_perm(request.user, "exports.download"),
        "can_create": has_perm(request.user, "cases.work"),
    })


@login_required
def overdue(request):
    require_perm(request.user, "cases.view")
    return redirect(reverse("cases:list") + "?overdue=on")


@login_required
def board(request):
    """Open statuses (and resolved in the last 30 days) side by side, the most urgent first in each column."""
    require_perm(request.user, "cases.view")
    if request.method == "POST":
        return _search_redirect(request)
    form, qs = filtered(request)
    if form.is_valid() and form.cleaned_data["status"] not in ("", "all"):
        statuses = [form.cleaned_data["status"]]
    else:
        statuses = [*OPEN_STATUSES, CaseStatus.RESOLVED]
        qs = (qs.filter(status__in=OPEN_STATUSES)
              | _cases(request.user).filter(status=CaseStatus.RESOLVED,
                                            resolved_at__gte=timezone.now() - timezone.timedelta(days=30)))
    totals = dict(qs.order_by().values_list("status").annotate(n=Count("id")).values_list("status", "n"))
    columns = []
    for status in statuses:
        items = qs.filter(status=status).order_by("due_at")[:BOARD_COLUMN]
        columns.append((CaseStatus(status).label, status, [(c, summary(c, request.user)) for c in items],
                        totals.get(status, 0)))
    return render(request, "cases/board.html", {"form": form, "columns": columns, "per_column": BOARD_COLUMN})


@login_required
def hotline(request):
    """Search first (reference, phone, name), then the one-screen intake with duplicate suggestions."""
    user = request.user
    require_perm(user, "cases.work")
    if request.method == "POST" and "search" in request.POST:
        # The search box is posted; its text is kept in the session and the URL holds a key (core/lookup.py).
        return redirect(f"{request.path}?{lookup.query_with(request, 'q')}")
    q = lookup.recall(request)
    found = list(services.search(_cases(user), q, user=user)[:20]) if q else []
    form = HotlineForm(request.POST or None, user=user, initial={"reporter_phone": q if q[-4:].isdigit() else ""})
    duplicates = []
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            duplicates = services.duplicate_candidates(
                _cases(user), reporter_phone=data["reporter_phone"], reporter_name=data["reporter_name"],
                subject_name=data["subject_name"])
            hidden = services.hidden_restricted_matches(user, reporter_phone=data["reporter_phone"])
            if hidden:
                messages.warning(request, _("%(n)d restricted case(s) you cannot open have this phone number. Ask "
                                            "the office head before opening a new one.") % {"n": hidden})
            if duplicates or hidden:
                form.show_duplicate_choice()
            if (duplicates or hidden) and not data["confirm_new"]:
                form.add_error("confirm_new", _("Similar cases exist. Open one of them, or tick this box to "
                                                "create a new case."))
                status = 200
            else:
                try:
                    case = services.open_case(
                        office=data.get("office") or user.office, kind=data["kind"], source=data["source"], actor=user,
                        description=data["description"], village=data["village"],
                        reporter_name=data["reporter_name"], reporter_phone=data["reporter_phone"],
                        consent=data["consent"], reporter_relationship=data["reporter_relationship"],
                        subject_name=data["subject_name"], destination_country=data["destination_country"],
                        employer=data["employer"], agency_name=data["agency_name"],
                        health_details=data["health_details"], victim_status=data["victim_status"],
                        priority=data["priority"] or None,
                        sensitivity=Sensitivity.RESTRICTED if data["restricted"] else None,
                        assignee=data.get("assignee") or (None if has_perm(user, "cases.assign") else user))
                except DomainError as err:
                    apply_domain_error(form, err)
                    status = 422
                else:
                    messages.success(request, _("Case %(ref)s opened. Tell the caller this reference.")
                                     % {"ref": case.display_reference})
                    return redirect("cases:detail", reference=case.reference)
        else:
            status = 422
    return render(request, "cases/hotline.html", {
        "form": form, "q": q, "found": [(c, summary(c, user)) for c in found],
        "duplicates": [(c, summary(c, user)) for c in duplicates]}, status=status)


def _auto_id(form_name: str) -> str:
    # Several forms on one page share field names ("note"); ids must stay unique for labels and tests.
    return form_name.replace("_form", "") + "-%s"


def _detail(request, case, status=200, **forms):
    user = request.user
    personal = can_see_personal(user, case)
    ctx = {
        "case": case, "personal": personal, "summary": summary(case, user),
        "events": case.events.select_related("actor", "attachment"),
        "attachments": case.attachments.all(),
        "can_work": has_perm(user, "cases.work"),
        "can_assign": has_perm(user, "cases.assign"),
        "can_open_visit": has_perm(user, "visits.review"),
        "status_form": forms.get("status_form") or StatusForm(case=case, auto_id=_auto_id("status_form")),
        "assign_form": forms.get("assign_form") or AssignForm(case=case, user=user, auto_id=_auto_id("assign_form")),
        "details_form": forms.get("details_form") or DetailsForm.for_case(case, auto_id=_auto_id("details_form")),
        "due_form": forms.get("due_form") or DueForm(auto_id=_auto_id("due_form"), initial={
            "due_date": timezone.localtime(case.due_at).date() if case.due_at else None}),
        "note_form": forms.get("note_form") or NoteForm(auto_id=_auto_id("note_form")),
        "call_form": forms.get("call_form") or CallForm(auto_id=_auto_id("call_form")),
        "attachment_form": forms.get("attachment_form") or AttachmentForm(auto_id=_auto_id("attachment_form")),
        "open_form": next((name for name, f in forms.items() if f is not None and f.errors), ""),
    }
    if request.method == "GET":
        services.record_view(case, user)
    return render(request, "cases/detail.html", ctx, status=status)


@login_required
def detail(request, reference):
    require_perm(request.user, "cases.view")
    return _detail(request, _get_case(request.user, reference))


def _action(request, reference, form_class, form_name, perm, run):
    """POST handler shared by the case actions: validate the form, call one service, show errors in place."""
    user = request.user
    require_perm(user, "cases.view")
    case = _get_case(user, reference)
    require_perm(user, perm)
    kwargs = {"case": case} if form_class in (StatusForm, AssignForm) else {}
    if form_class is AssignForm:
        kwargs["user"] = user
    form = form_class(request.POST, request.FILES, auto_id=_auto_id(form_name), **kwargs)
    if form.is_valid():
        try:
            message = run(case, form)
        except DomainError as err:
            apply_domain_error(form, err)
        else:
            messages.success(request, message)
            return redirect("cases:detail", reference=case.reference)
    case.refresh_from_db()
    return _detail(request, case, status=422, **{form_name: form})


@login_required
@require_POST
def change_status(request, reference):
    def run(case, form):
        data = form.cleaned_data
        services.set_status(case, status=data["status"], actor=request.user, note=data["note"],
                            closure_reason=data["closure_reason"], referred_to=data["referred_to"])
        return _("Status changed to %(s)s.") % {"s": CaseStatus(data["status"]).label}

    return _action(request, reference, StatusForm, "status_form", "cases.work", run)


@login_required
@require_POST
def assign(request, reference):
    user = request.user

    def run(case, form):
        assignee = form.cleaned_data["assignee"]
        # Officers may take an unassigned case themselves; handing cases to others is for coordinators.
        if not has_perm(user, "cases.assign") and not (assignee == user and case.assignee_id is None):
            raise DomainError("case.forbidden_assign", _("Only a coordinator or the office head may assign "
                                                         "cases to others."), field="assignee")
        services.assign(case, assignee=assignee, actor=user)
        return _("Assignment saved.")

    return _action(request, reference, AssignForm, "assign_form", "cases.work", run)


@login_required
@require_POST
def change_due(request, reference):
    def run(case, form):
        services.set_due(case, due_at=form.due_at(), actor=request.user, reason=form.cleaned_data["reason"])
        return _("Due date changed.")

    return _action(request, reference, DueForm, "due_form", "cases.work", run)


@login_required
@require_POST
def edit_details(request, reference):
    user = request.user

    def run(case, form):
        if not can_see_personal(user, case):
            raise DomainError("case.forbidden_details", _("Only the assignee or a coordinator may edit the details."))
        data = form.cleaned_data
        fields = {name: data[name] for name in DetailsForm.FIELDS}
        if data["restricted"]:
            fields["sensitivity"] = Sensitivity.RESTRICTED
        elif case.is_restricted:
            if not has_perm(user, "cases.view_all_restricted"):
                raise DomainError("case.forbidden_unrestrict", _("Only the office head may lift the restriction."),
                                  field="restricted")
            fields["sensitivity"] = Sensitivity.NORMAL
        services.update_details(case, actor=user, **fields)
        return _("Details saved.")

    return _action(request, reference, DetailsForm, "details_form", "cases.work", run)


@login_required
@require_POST
def add_note(request, reference):
    def run(case, form):
        services.add_note(case, text=form.cleaned_data["text"], actor=request.user)
        return _("Note added.")

    return _action(request, reference, NoteForm, "note_form", "cases.work", run)


@login_required
@require_POST
def log_call(request, reference):
    def run(case, form):
        data = form.cleaned_data
        services.log_call(case, actor=request.user, direction=data["direction"], outcome=data["outcome"],
                          summary=data["summary"])
        return _("Call logged.")

    return _action(request, reference, CallForm, "call_form", "cases.work", run)


@login_required
@require_POST
def add_attachment(request, reference):
    def run(case, form):
        services.add_attachment(case, upload=form.cleaned_data["file"], actor=request.user,
                                note=form.cleaned_data["note"])
        return _("File attached.")

    return _action(request, reference, AttachmentForm, "attachment_form", "cases.work", run)


@login_required
def attachment(request, reference, pk):
    require_perm(request.user, "cases.view")
    case = _get_case(request.user, reference)
    if not can_see_personal(request.user, case):
        raise Http404("not found")
    item = CaseAttachment.objects.filter(case=case, pk=pk).first()
    if item is None:
        raise Http404("not found")
    audit.log(request.user, "case.attachment_viewed", case, office=case.office, attachment=item.pk)
    return FileResponse(item.file.open("rb"), as_attachment=True, filename=item.original_name,
                        content_type=item.content_type)


@login_required
def export(request, fmt):
    require_perm(request.user, "cases.view")
    require_perm(request.user, "exports.download")
    _form, qs = filtered(request)
    return exports.respond(request, qs, fmt)


def detail_url(case) -> str:
    return reverse("cases:detail", kwargs={"reference": case.reference})
