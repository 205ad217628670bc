"""/api/v1/cases: list (redacted), read, open, move along the workflow, add a note. Same rules as the pages:
scoped reads (404 outside), restricted cases audited on every read, personal data only to who may see it."""

from datetime import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.responses import Status

from balekdusun.cases import codes, services
from balekdusun.cases.models import OPEN_STATUSES, Case
from balekdusun.cases.privacy import can_see_personal, summary
from balekdusun.core.api import require_api_perm
from balekdusun.core.apierrors import ErrorOut
from balekdusun.core.apitypes import FLAG_RULE, ID_RULE, MAX_ID, CleanBody, Flag, StrictId
from balekdusun.core.scoping import get_scoped_or_404, scoped
from balekdusun.core.services import DomainError

router = Router(tags=["cases"])


class CaseErrorOut(ErrorOut):
    """The API's error shape (core/apierrors.py ErrorOut); `message` and `field` repeat the first error for older
    clients."""

    message: str
    field: str | None = None


class CaseRow(Schema):
    reference: str
    kind: str
    source: str
    status: str
    priority: str
    sensitivity: str
    area_code: str
    village: str | None
    assignee: str | None
    due_at: datetime | None
    overdue: bool
    created_at: datetime
    summary: str


class CaseOut(CaseRow):
    reporter_name: str | None = None
    reporter_phone: str | None = None
    reporter_relationship: str | None = None
    subject_name: str | None = None
    destination_country: str
    description: str | None = None
    timeline: list[dict]


class CaseIn(CleanBody):
    kind: str = Field(max_length=24)
    source: str = Field(default="hotline", max_length=16)
    description: str = Field(default="", max_length=20000)
    village: str | None = Field(default=None, max_length=13)
    reporter_name: str = Field(default="", max_length=120)
    reporter_phone: str = Field(default="", max_length=40)
    reporter_relationship: str = Field(default="", max_length=60)
    subject_name: str = Field(default="", max_length=120)
    destination_country: str = Field(default="", max_length=2)
    consent: Flag = Field(default=False, description=FLAG_RULE)
    priority: str | None = Field(default=None, max_length=8)
    sensitivity: str | None = Field(default=None, max_length=12)


class StatusIn(CleanBody):
    status: str = Field(max_length=16)
    note: str = Field(default="", max_length=20000)
    closure_reason: str | None = Field(default=None, max_length=40)
    referred_to: str = Field(default="", max_length=20)


class NoteIn(CleanBody):
    text: str = Field(max_length=20000)


class ListFilter(Schema):
    status: str | None = None
    kind: str | None = None
    overdue: bool = False
    q: str | None = Field(default=None, description="A case reference (names and phones: POST /search)")
    limit: int = 50
    offset: int = 0


class SearchIn(CleanBody):
    q: str = Field(min_length=1, max_length=120, description="Reference, phone number (or its last digits) or name")
    status: str | None = Field(default=None, max_length=16)
    kind: str | None = Field(default=None, max_length=24)
    overdue: Flag = Field(default=False, description=FLAG_RULE)
    limit: StrictId = Field(default=50, ge=1, le=200, description=ID_RULE)
    offset: StrictId = Field(default=0, ge=0, le=MAX_ID, description=ID_RULE)


def _row(case, user) -> dict:
    return {
        "reference": case.display_reference, "kind": case.kind, "source": case.source, "status": case.status,
        "priority": case.priority, "sensitivity": case.sensitivity, "area_code": case.area_code,
        "village": case.village_id, "assignee": case.assignee.username if case.assignee else None,
        "due_at": case.due_at, "overdue": case.is_overdue, "created_at": case.created_at,
        "summary": summary(case, user),
    }


def _detail(case, user) -> dict:
    out = _row(case, user)
    out["destination_country"] = case.destination_country
    personal = can_see_personal(user, case)
    if personal:
        out.update(reporter_name=case.reporter_name, reporter_phone=case.reporter_phone,
                   reporter_relationship=case.reporter_relationship, subject_name=case.subject_name,
                   description=case.description)
    out["timeline"] = [{"at": e.at.isoformat(), "kind": e.kind, "change": e.change,
                        "actor": e.actor.username if e.actor else None,
                        **({"text": e.text} if personal and e.text else {})}
                       for e in case.events.select_related("actor")]
    return out


def _case(user, reference) -> Case:
    return get_scoped_or_404(user, scoped(user, Case).select_related("village", "assignee", "office"),
                             reference=codes.normalize(reference))


def _error(err: DomainError):
    message = str(err.message)
    return Status(422, {"detail": message, "code": err.code, "errors": [{"field": err.field or "", "message": message}],
                        "message": message, "field": err.field})


def _listed(user, qs, *, q, status, kind, overdue, limit, offset) -> list[dict]:
    if q:
        qs = services.search(qs, q, user=user)
    if status:
        qs = qs.filter(status=status)
    elif not q:
        qs = qs.filter(status__in=OPEN_STATUSES)
    if kind:
        qs = qs.filter(kind=kind)
    if overdue:
        qs = qs.filter(status__in=OPEN_STATUSES, due_at__lt=timezone.now())
    limit = max(1, min(limit, 200))
    offset = max(0, offset)
    return [_row(c, user) for c in qs.order_by("due_at", "-created_at")[offset:offset + limit]]


@router.get("", response={200: list[CaseRow], 422: CaseErrorOut},
            summary="Cases in your jurisdiction (redacted summaries)",
            description="Filters that name nobody. `q` takes a case reference only: a name or a phone number "
                        "would be written to access logs, so those go by POST /api/v1/cases/search.")
def list_cases(request, filters: Query[ListFilter]):
    user = request.user
    require_api_perm(user, "cases.view")
    if filters.q and not codes.is_valid(codes.normalize(filters.q)):
        return _error(DomainError("search.use_post", _(
            "Search by name or phone number with POST /api/v1/cases/search: personal data does not go in a URL."),
            field="q"))
    return _listed(user, scoped(user, Case).select_related("village", "assignee"), q=filters.q,
                   status=filters.status, kind=filters.kind, overdue=filters.overdue, limit=filters.limit,
                   offset=filters.offset)


@router.post("/search", response={200: list[CaseRow]}, summary="Search cases by reference, phone or name",
             description="The text in the body, never in the URL. A phone number or a name finds only cases whose "
                         "people you may see (with personal.view: all of your jurisdiction; otherwise the cases "
                         "assigned to you); a reference finds any case of your jurisdiction.")
def search_cases(request, payload: SearchIn):
    user = request.user
    require_api_perm(user, "cases.view")
    return _listed(user, scoped(user, Case).select_related("village", "assignee"), q=payload.q,
                   status=payload.status, kind=payload.kind, overdue=payload.overdue, limit=payload.limit,
                   offset=payload.offset)


@router.get("/{reference}", response={200: CaseOut, 404: CaseErrorOut}, summary="One case with its timeline")
def get_case(request, reference: str):
    user = request.user
    require_api_perm(user, "cases.view")
    case = _case(user, reference)
    services.record_view(case, user)
    return _detail(case, user)


# The opened case's reference feeds the operations on one case (OpenAPI links: clients and schemathesis's
# stateful tests follow them).
_CASE_LINKS = {"201": {"links": {
    name: {"operationId": f"balekdusun_cases_api_{op}", "parameters": {"reference": "$response.body#/reference"}}
    for name, op in (("GetCase", "get_case"), ("ChangeStatus", "change_status"), ("AddNote", "add_note"))}}}


@router.post("", response={201: CaseOut, 422: CaseErrorOut}, summary="Open a case (hotline, walk-in, referral)",
             openapi_extra={"responses": _CASE_LINKS})
def create_case(request, payload: CaseIn):
    user = request.user
    require_api_perm(user, "cases.work")
    data = payload.dict()
    try:
        case = services.open_case(office=user.office, actor=user, **{k: v for k, v in data.items() if v is not None})
    except DomainError as err:
        return _error(err)
    return Status(201, _detail(case, user))


@router.post("/{reference}/status", response={200: CaseOut, 404: CaseErrorOut, 422: CaseErrorOut},
             summary="Move a case along the workflow")
def change_status(request, reference: str, payload: StatusIn):
    user = request.user
    require_api_perm(user, "cases.view")
    case = _case(user, reference)
    require_api_perm(user, "cases.work")
    try:
        case = services.set_status(case, status=payload.status, actor=user, note=payload.note,
                                   closure_reason=payload.closure_reason or None, referred_to=payload.referred_to)
    except DomainError as err:
        return _error(err)
    return _detail(case, user)


@router.post("/{reference}/notes", response={201: CaseOut, 404: CaseErrorOut, 422: CaseErrorOut}, summary="Add a note")
def add_note(request, reference: str, payload: NoteIn):
    user = request.user
    require_api_perm(user, "cases.view")
    case = _case(user, reference)
    require_api_perm(user, "cases.work")
    try:
        services.add_note(case, text=payload.text, actor=user)
    except DomainError as err:
        return _error(err)
    return Status(201, _detail(case, user))

