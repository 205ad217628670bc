"""Field sync API, mounted at /api/v1/sync (see docs/field.md).

POST /token   username + password -> a device token (the field app's login)
POST /push    up to 500 households and visits; one result per record
GET  /pull    the device's assignments and what changed since its cursor
"""

import functools
import zlib
from typing import Any, Literal

from django.conf import settings
from django.contrib.auth import authenticate
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.gzip import gzip_page
from ninja import Field, Query, Router, Schema
from ninja.decorators import decorate_view
from pydantic import ValidationError
from pydantic_core import to_json

from balekdusun.core import apierrors, ratelimit
from balekdusun.core.apierrors import ErrorOut, FieldError
from balekdusun.core.apitypes import FLAG_RULE, ID_RULE, CleanBody, CleanSchema, Flag, StrictId
from balekdusun.core.roles import has_perm
from balekdusun.ops.metrics import sync_pushed
from balekdusun.visits import conf, pull, services

router = Router(tags=["sync"])


_Text = CleanSchema


def _error(status: int, detail: str, errors=(), code: str = "") -> JsonResponse:
    return apierrors.response(status, detail, errors, code=code)


class TokenIn(CleanBody):
    username: str = Field(max_length=150)
    password: str = Field(max_length=256)
    device_name: str = Field(default="", max_length=60)
    otp: str = Field(default="", max_length=20, description="The 6-digit code of the user's authenticator app, or "
                     "a recovery code: needed when the role must use two-step sign-in (settings.OTP_REQUIRED_ROLES). "
                     "Without it such a user gets 401 `auth.second_factor`; a wrong one 401 `auth.second_factor_wrong`; "
                     "a user who has not set it up yet 403 `auth.second_factor_setup`.")
    pull: Flag = Field(default=False, description="`true`: the answer also carries the first pull (`pull`, as "
                       "`GET /pull` answers it), so signing in and the first sync cost one round trip. Without a "
                       "cursor it holds only the houses of the officer's own turfs and says `partial: true`: the "
                       "next pull (with its cursor) brings the rest of the villages. " + FLAG_RULE)
    cursor: str = Field(default="", max_length=4000, description="With `pull`: the cursor of the phone's previous "
                        "pull (only when the same user signs in again); an unknown one gives a full pull.")


class TokenUser(Schema):
    username: str
    name: str
    role: str


class TokenOut(Schema):
    token: str
    expires_at: str | None
    user: TokenUser
    pull: dict | None = Field(default=None, description="Only when asked (`pull: true`): what `GET /pull` answers "
                              "(schema `PullOut`) for this user, with the request's `cursor`")


@router.post("/token", auth=None, response={200: TokenOut, 401: ErrorOut, 403: ErrorOut, 429: ErrorOut},
             summary="Sign in the field app: a device token for this user",
             description="429 after too many wrong passwords for this username or from this address (shared with "
             "the web login); the `Retry-After` header gives the seconds to wait, and until then even the right "
             "password is refused. A role that must use two-step sign-in also sends `otp` (asked here, at the "
             "device's sign-in, never at a sync). With `pull: true` the answer carries the first pull too.")
@decorate_view(gzip_page)
def token(request: HttpRequest, payload: TokenIn):
    from balekdusun.core import twofactor
    from balekdusun.core.services import create_token

    wait = ratelimit.login_wait(request, payload.username)
    if wait:
        message = ratelimit.login_wait_message(wait)
        response = _error(429, message, [("", message)])
        response["Retry-After"] = str(wait)
        return response
    user = authenticate(request, username=payload.username, password=payload.password)
    if user is None:
        ratelimit.login_failed(request, payload.username)
        return _error(401, _("Wrong username or password."), [("password", _("Wrong username or password."))])
    if twofactor.required(user):
        if not twofactor.enrolled(user):
            message = _("Set up two-step sign-in on the website first (menu: Two-step sign-in), then sign in here.")
            return _error(403, message, [("otp", message)], code="auth.second_factor_setup")
        if not payload.otp.strip():
            message = _("Enter the 6-digit code from your authenticator app.")
            return _error(401, message, [("otp", message)], code="auth.second_factor")
        if twofactor.check_code(user, payload.otp) is None:
            ratelimit.login_failed(request, payload.username)
            message = _("This code is not right, or was used already.")
            return _error(401, message, [("otp", message)], code="auth.second_factor_wrong")
    ratelimit.login_succeeded(request, payload.username)
    if not has_perm(user, "visits.record"):
        return _error(403, _("Your role does not record visits."), [("username", _("Your role does not record visits."))])
    name = _("Field app") + (f": {payload.device_name}" if payload.device_name else "")
    api_token, key = create_token(user=user, name=name[:80], days=conf.FIELD_TOKEN_DAYS)
    if payload.device_name:
        # Signing in again on the same phone retires that phone's earlier tokens.
        from balekdusun.core.models import ApiToken
        from balekdusun.core.services import revoke_token

        for old in ApiToken.objects.filter(user=user, name=api_token.name, revoked_at__isnull=True).exclude(
                pk=api_token.pk):
            revoke_token(token=old, actor=user)
    answer = {"token": key, "expires_at": api_token.expires_at.isoformat() if api_token.expires_at else None,
              "user": {"username": user.username, "name": user.display_name, "role": user.role}}
    if payload.pull:
        # The first sync in the sign-in's own round trip (2 s saved on a weak signal). A cursor this server cannot
        # read only means the phone gets everything again.
        try:
            answer["pull"] = pull.build(user, payload.cursor or None, first=True)
        except pull.BadCursor:
            answer["pull"] = pull.build(user, None, first=True)
        if payload.device_name:
            services.report_device(user=user, pulled=True, device={"id": payload.device_name[:64]})
        # Written as the pull view writes it (compact; the schema's validation of 2,000 rows would cost ~10 ms).
        return JsonResponse(answer, json_dumps_params={"separators": (",", ":"), "ensure_ascii": False})
    return answer


class DeviceIn(_Text):
    id: str = Field(max_length=64, description="A random id the app made for this phone")
    pending: StrictId | None = Field(default=None, ge=0, le=2**31 - 1,
                                     description=f"Records still waiting on the phone. {ID_RULE}")
    failing: StrictId | None = Field(default=None, ge=0, le=2**31 - 1,
                                     description=f"Records the server refused (invalid). {ID_RULE}")
    app_version: str = Field(default="", max_length=32)


class PushIn(Schema):
    records: list[Any] = Field(
        description="Up to 500 records `{type, uuid, data}` (schemas `PushVisit` and `PushHousehold`). Each record "
        "is validated on its own: a record that is not an object, has no valid `uuid` (text) or `type`, or whose "
        "`data` breaks its schema is answered `invalid` with its fields, and the others are stored. `data` of a "
        "visit: household (id) or household_uuid, outreach, turf, visited_at (with time zone), outcome, latitude, "
        "longitude, accuracy_m, met_role, materials [{material_id, quantity}], sticker_code, topics, migration "
        "{abroad, returnees, planning}, knowledge {legal_procedure, hotline, warning_signs}, story {text, "
        "consent_to_quote}, followups [{kind, note}]. `data` of a household: village (code), outreach, turf, dusun, "
        "rt, rw, address, latitude, longitude, accuracy_m. Types are strict: ids, counts and years are JSON "
        "integers (`true`, `1.0`, `\"12\"` are refused), flags JSON booleans, coordinates finite numbers, times "
        "ISO 8601 text with a zone.")
    device: dict[str, Any] | None = Field(
        default=None, description="`{id, pending, failing, app_version}` (`DeviceIn`): what the phone says about "
        "itself. A malformed report is ignored; it never costs the records.")
    pull: Flag = Field(default=False, description="`true`: the answer also carries a pull (`pull`, as `GET /pull` "
                       "answers it for `cursor`, without this push's own visits), so a sync is one round trip. "
                       + FLAG_RULE)
    cursor: str | None = Field(default=None, max_length=4000, description="With `pull`: the cursor of the phone's "
                               "previous pull; an unknown one gives a full pull (`full: true`).")


class ResultOut(Schema):
    uuid: str
    type: str
    status: Literal["created", "duplicate", "conflict", "invalid"]
    id: int | None = Field(default=None, description="Server id of the stored visit or household")
    errors: list[FieldError] = []
    flags: list[str] = []


class PushOut(Schema):
    results: list[ResultOut]
    pull: dict | None = Field(default=None, description="Only when asked (`pull: true`): schema `PullOut`, "
                              "without `server_time` and without `households`, `visits`, `dropped_villages` when "
                              "they are empty")


def gunzip_body(view):
    """Accept a push sent with `Content-Encoding: gzip` (the field app compresses it: about 5x fewer bytes).

    The inflated body is held to DATA_UPLOAD_MAX_MEMORY_SIZE, like a plain body, so a small "zip bomb" is a 413
    and never fills the memory; a body that is not gzip is a 400.
    """
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.headers.get("Content-Encoding", "").strip().lower() != "gzip":
            return view(request, *args, **kwargs)
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE or 10 * 1024 * 1024
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            body = inflater.decompress(request.body, limit + 1)
        except zlib.error:
            return _error(400, _("The compressed body could not be read."),
                          [("", _("The compressed body could not be read."))])
        if len(body) > limit or inflater.unconsumed_tail:
            return _error(413, _("The body is too large."), [("records", _("The body is too large."))])
        request._body = body
        return view(request, *args, **kwargs)

    return wrapper


@router.post("/push", response={200: PushOut, 400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 413: ErrorOut,
                                422: ErrorOut},
             summary="Upload households and visits recorded offline",
             description="Each record is applied in its own transaction with its effects and answered `created`, "
             "`duplicate` (same UUID, same content), `conflict` (same UUID, other content: kept aside for the "
             "coordinator) or `invalid` (with field errors). Safe to repeat. 413 when more than 500 records.")
@decorate_view(gzip_page, gunzip_body)
def push(request: HttpRequest, payload: PushIn):
    if not has_perm(request.user, "visits.record"):
        return _error(403, _("Your role does not record visits."))
    if len(payload.records) > conf.MAX_BATCH:
        return _error(413, _("Too many records in one push."),
                      [("records", _("At most %(n)d records per push.") % {"n": conf.MAX_BATCH})])
    device = None
    if payload.device is not None:
        try:
            device = DeviceIn.model_validate(payload.device).model_dump()
        except ValidationError:
            device = None  # telemetry only: a bad report must not strand the phone's records
    results = services.push(user=request.user, records=payload.records, device=device)
    sync_pushed(results)  # /metrics: records by status (balekdusun/ops/metrics.py)
    answer = {"results": results}
    if payload.pull:
        # The pull of this sync in the push's own round trip; the visits just answered are not sent back.
        sent = {r["uuid"] for r in results if r.get("type") == "visit" and r.get("status") != "invalid"}
        try:
            answer["pull"] = pull.build(request.user, payload.cursor, skip_visits=sent)
        except pull.BadCursor:
            answer["pull"] = pull.build(request.user, None, skip_visits=sent)
        # Empty lists are left out (the app reads a missing list as empty): a sync per door, 60 a day.
        for key in ("households", "visits", "dropped_villages"):
            if not answer["pull"][key]:
                del answer["pull"][key]
        del answer["pull"]["server_time"]
        if device:
            services.report_device(user=request.user, pulled=True, device=device)
    # 500 small results: encoded by pydantic's compiled serializer (the standard library takes ~1 ms).
    return HttpResponse(to_json(answer), content_type="application/json")


class PullQuery(_Text):
    cursor: str | None = Field(default=None, max_length=4000, description="`cursor` of the previous pull")
    device: str | None = Field(default=None, max_length=64)
    pending: int | None = Field(default=None, ge=0, le=2**31 - 1)
    failing: int | None = Field(default=None, ge=0, le=2**31 - 1)
    app_version: str | None = Field(default=None, max_length=32)


class PullOut(Schema):
    cursor: str
    server_time: str
    full: bool = Field(description="True when the phone should replace what it holds")
    me: dict | None = None
    outreaches: list[dict] | None = None
    turfs: list[dict] | None = Field(default=None, description="{id, o (outreach), name, mine, officers, stops}")
    materials: list[dict] | None = None
    stock: dict | None = Field(default=None, description="outreach id -> material id -> quantity issued")
    mystock: dict | None = Field(default=None, description="outreach id -> material id -> [issued to this officer, "
                                 "held by this officer now]")
    stickers: dict | None = Field(default=None, description="outreach id -> sticker codes issued to the team")
    sticker_state: dict | None = Field(default=None, description="outreach id -> {placed: {code: household id}, "
                                       "void: [codes]} for the day's codes no longer free")
    refs: dict | None = None
    households: list[dict] = Field(description="Changed households: i id, v village, d dusun, r RT, w RW, "
                                   "a address, y latitude, x longitude, u client UUID")
    dropped_villages: list[str]
    visits: list[list] = Field(description="[uuid, outreach, household, outcome, visited_at] since the cursor")


@router.get("/pull", response={200: PullOut, 400: ErrorOut, 401: ErrorOut, 403: ErrorOut},
            summary="Download assignments and what changed since the cursor")
@decorate_view(gzip_page)
def pull_view(request: HttpRequest, q: Query[PullQuery]):
    if not has_perm(request.user, "visits.record"):
        return _error(403, _("Your role does not record visits."))
    try:
        body = pull.build(request.user, q.cursor)
    except pull.BadCursor:
        return _error(400, _("Unknown cursor; pull again without one."), [("cursor", _("Not a valid cursor."))])
    if q.device:
        services.report_device(user=request.user, pulled=True, device={
            "id": q.device, "pending": q.pending, "failing": q.failing, "app_version": q.app_version or ""})
    return JsonResponse(body, json_dumps_params={"separators": (",", ":"), "ensure_ascii": False})



class StickerStateOut(Schema):
    code: str
    state: Literal["free_here", "issued_elsewhere", "not_issued", "placed", "void", "other_office", "unknown"] = Field(
        description="What is true of the code for this officer: issued to one of their outreach days and still "
        "free (`free_here`), issued to another outreach day of the office, printed but never issued, placed on "
        "a house, void, printed by another office, or no such code (mistyped)")
    household: dict | None = Field(default=None, description="The house it is on ({i, d, r, w, a}) when placed "
                                   "inside the officer's jurisdiction")
    outreach: dict | None = Field(default=None, description="{id, date, vname} of the day it was issued to")
    reason: str = ""


@router.get("/sticker/{code}", response={200: StickerStateOut, 401: ErrorOut, 403: ErrorOut},
            summary="What is true of a sticker code typed at the door",
            description="The field app asks when a typed code is not among the codes it holds. Never reveals "
            "another office's houses; a code of another office is only `other_office`.")
def sticker_state(request: HttpRequest, code: str):
    from balekdusun.core.scoping import scoped
    from balekdusun.materials.models import Sticker, StickerStatus

    if not has_perm(request.user, "visits.record"):
        return _error(403, _("Your role does not record visits."))
    code = "".join(ch for ch in code.upper() if ch.isalnum())[:12]
    sticker = scoped(request.user, Sticker).filter(code=code).select_related(
        "household", "outreach", "outreach__village").first()
    if sticker is None:
        exists = Sticker.objects.filter(code=code).exists()
        return {"code": code, "state": "other_office" if exists else "unknown"}
    out: dict = {"code": code}
    if sticker.outreach_id:
        o = sticker.outreach
        out["outreach"] = {"id": o.pk, "date": o.date.isoformat(), "vname": o.village.name}
    if sticker.status == StickerStatus.VOID:
        out.update(state="void", reason=sticker.void_reason)
    elif sticker.status == StickerStatus.PLACED:
        out["state"] = "placed"
        h = sticker.household
        if h is not None and scoped(request.user, type(h)).filter(pk=h.pk).exists():
            out["household"] = {k: v for k, v in (("i", h.pk), ("d", h.dusun), ("r", h.rt), ("w", h.rw),
                                                   ("a", h.address)) if v}
    elif sticker.status == StickerStatus.ISSUED:
        mine = pull.assigned_outreaches(request.user).filter(pk=sticker.outreach_id).exists()
        out["state"] = "free_here" if mine else "issued_elsewhere"
    else:
        out["state"] = "not_issued"
    return out
