"""One error shape for everything under /api/ (docs/field.md, "Errors"):

    {"detail": "<one sentence>", "code": "<dotted.code>", "errors": [{"field": "<dotted path>", "message": "…"}]}

`detail` is for a person (the field app shows it), `errors` names the fields, `code` is for programs
(`auth.expired`, `validation`, `not_found`, …). Messages are in the user's language (Indonesian unless they
chose English): pydantic's English is replaced by our own wording per error type (`pydantic_errors`).

Three ways an error can leave the API, each covered here:

* an exception inside django-ninja (`install(api)`: authentication, HttpError, request validation, Http404 and
  anything unexpected);
* Django answering before or around ninja (an unknown path, a method not allowed, a crash in a middleware):
  `ApiErrorMiddleware` turns any non-JSON error response under /api/ into the same shape;
* the sync push's per-record errors use `pydantic_errors` too.
"""

from __future__ import annotations

import logging
import re

from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _
from ninja import Field, Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

log = logging.getLogger("balekdusun.api")

API_PREFIX = "/api/"


class FieldError(Schema):
    field: str = Field(description="Dotted path of the field, e.g. `materials.0.quantity`; empty for the record "
                       "or the request as a whole")
    message: str = Field(description="In the user's language (Indonesian unless they chose English)")


class ErrorOut(Schema):
    """The one error shape of the API. Every operation documents it for every error status it may answer
    (`document_errors`)."""

    detail: str = Field(description="One sentence for a person")
    code: str = Field(default="", description="For programs: `auth.expired`, `auth.revoked`, `auth.invalid`, "
                      "`auth.missing`, `auth.csrf`, `forbidden`, `not_found`, `validation`, `rate_limited`, "
                      "`too_large`, `bad_request`, `server_error`, …")
    errors: list[FieldError] = []


# Error statuses any operation may answer: a body or parameter that cannot be read or is not valid, a missing or
# bad sign-in, a role that may not, something not found (or outside the jurisdiction), too large, too many
# requests, and the server's own failure.
ERROR_STATUSES = {
    "400": "The request could not be read (body not JSON, a bad cursor)",
    "401": "Not signed in, or the token expired, was revoked or is not valid (`code` says which)",
    "403": "The user's role may not do this",
    "404": "Not found, or outside the user's jurisdiction",
    "413": "The request is too large",
    "422": "A field is not valid (`errors` names each)",
    "429": "Too many requests; `Retry-After` gives the seconds to wait",
    "500": "The server failed; try again later",
}


def document_errors(openapi: dict) -> dict:
    """Add the error shape to every operation of an OpenAPI document, for each status in ERROR_STATUSES it does
    not document already (its own description of a status is kept)."""
    components = openapi.setdefault("components", {}).setdefault("schemas", {})
    schema = ErrorOut.model_json_schema(ref_template="#/components/schemas/{model}")
    for name, definition in schema.pop("$defs", {}).items():
        components.setdefault(name, definition)
    components.setdefault("ErrorOut", schema)
    content = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorOut"}}}
    for item in openapi.get("paths", {}).values():
        for method, operation in item.items():
            if method not in ("get", "post", "put", "patch", "delete"):
                continue
            responses = operation.setdefault("responses", {})
            for status, description in ERROR_STATUSES.items():
                if status not in responses:
                    responses[status] = {"description": description, "content": content}
    return openapi


class ApiError(HttpError):
    """An API error with a field and a machine-readable code; the message is already translated."""

    def __init__(self, status: int, message: str, *, field: str = "", code: str = ""):
        super().__init__(status, str(message))
        self.message = str(message)
        self.field = field
        self.code = code or _default_code(status)


class AuthFailed(AuthenticationError):
    """401 with a reason: `auth.missing`, `auth.invalid`, `auth.expired`, `auth.revoked`."""

    def __init__(self, code: str):
        super().__init__(401, code)
        self.code = code


def auth_message(code: str) -> str:
    return {
        "auth.expired": _("Your session has ended; sign in again."),
        "auth.revoked": _("This sign-in was withdrawn; sign in again."),
        "auth.invalid": _("This sign-in is not valid; sign in again."),
    }.get(code, _("Sign in first."))


def csrf_message() -> str:
    return _("The page expired; reload it and try again.")


def _default_code(status: int) -> str:
    return {400: "bad_request", 401: "auth.missing", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
            413: "too_large", 422: "validation", 429: "rate_limited"}.get(status, "server_error" if status >= 500
                                                                          else "error")


def _default_message(status: int) -> str:
    if status == 404:
        return _("Not found.")
    if status == 405:
        return _("This method is not allowed here.")
    if status == 403:
        return _("You may not do this.")
    if status == 400:
        return _("The request could not be read.")
    if status == 413:
        return _("The request is too large.")
    if status >= 500:
        return _("The server could not answer; try again later. Nothing was stored from this request.")
    return _("The request was refused.")


def body(detail: str, errors=(), *, code: str) -> dict:
    """The error body: `errors` as (field, message) pairs; at least one entry (the request's own, field "")."""
    items = [{"field": f, "message": str(m)} for f, m in errors] or [{"field": "", "message": str(detail)}]
    return {"detail": str(detail), "code": code, "errors": items}


def response(status: int, detail: str, errors=(), *, code: str = "") -> JsonResponse:
    return JsonResponse(body(detail, errors, code=code or _default_code(status)), status=status,
                        json_dumps_params={"ensure_ascii": False})


# --- pydantic's errors in the user's language ------------------------------------------------------------------

def _messages() -> dict:
    # Built per call: gettext must run in the request's language.
    number = _("Must be a number.")
    whole = _("Must be a whole number.")
    when = _("Must be a date and time with its time zone, e.g. 2023-12-07T09:30:00+07:00.")
    day = _("Must be a date, e.g. 2023-12-07.")
    obj = _("Must be an object.")
    return {
        "missing": _("Required."),
        "extra_forbidden": _("Unknown field."),
        "int_type": whole, "int_parsing": whole, "int_from_float": whole, "int_parsing_size": whole,
        "float_type": number, "float_parsing": number, "decimal_type": number, "decimal_parsing": number,
        "finite_number": _("Must be a finite number."),
        "bool_type": _("Must be true or false."), "bool_parsing": _("Must be true or false."),
        "string_type": _("Must be text."), "string_unicode": _("Must be valid text."),
        "bytes_type": _("Must be text."),
        "string_too_short": _("Too short: at least %(min_length)s characters."),
        "string_too_long": _("Too long: at most %(max_length)s characters."),
        "string_pattern_mismatch": _("Not in the expected format."),
        "literal_error": _("Not one of the allowed values."), "enum": _("Not one of the allowed values."),
        "greater_than": _("Must be greater than %(gt)s."),
        "greater_than_equal": _("Must be %(ge)s or more."),
        "less_than": _("Must be less than %(lt)s."),
        "less_than_equal": _("Must be %(le)s or less."),
        "list_type": _("Must be a list."), "tuple_type": _("Must be a list."), "set_type": _("Must be a list."),
        "too_short": _("Too few items: at least %(min_length)s."),
        "too_long": _("Too many items: at most %(max_length)s."),
        "dict_type": obj, "model_type": obj, "model_attributes_type": obj, "dataclass_type": obj,
        "datetime_type": when, "datetime_parsing": when, "datetime_from_date_parsing": when,
        "datetime_object_invalid": when, "timezone_aware": when,
        "date_type": day, "date_parsing": day, "date_from_datetime_parsing": day, "date_from_datetime_inexact": day,
        "uuid_type": _("Must be a UUID."), "uuid_parsing": _("Must be a UUID."), "uuid_version": _("Must be a UUID."),
        "json_invalid": _("Not valid JSON."), "json_type": _("Not valid JSON."),
        "recursion_loop": _("Nested too deeply."),
    }


def message(kind: str, **ctx) -> str:
    """The sentence for a pydantic error type, for checks made by hand: `message("string_too_long", max_length=9)`."""
    return translate({"type": kind, "ctx": ctx})


def between(low, high) -> str:
    return _("Must be between %(low)s and %(high)s.") % {"low": low, "high": high}


def one_of(values: str) -> str:
    return _("Must be one of: %(values)s.") % {"values": values}


def bad_format() -> str:
    return message("string_pattern_mismatch")


def too_many() -> str:
    return _("Too many requests; wait a moment and try again.")


def not_found(field: str = "") -> ApiError:
    """A 404 naming what was not found (records outside the jurisdiction are "not found" too)."""
    return ApiError(404, _("Not found."), field=field, code="not_found")


def translate(error: dict) -> str:
    """One pydantic error (a dict of `errors()`) as a sentence in the active language."""
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    if kind in ("value_error", "assertion_error"):
        # Raised by our own validators, whose messages are translated already.
        message = ctx.get("error")
        return str(message) if message else _("Invalid value.")
    template = _messages().get(kind)
    if template is None:
        return _("Invalid value.")
    try:
        return template % {k: _number(v) for k, v in ctx.items()}
    except (KeyError, TypeError, ValueError):
        return template.split(":")[0] + "." if ":" in template else template


def _number(value):
    """A bound as a person writes it: 90 rather than 90.0, and 0,5 in Indonesian."""
    if isinstance(value, float) and value == value and abs(value) != float("inf"):
        if value.is_integer():
            return int(value)
        from django.utils.formats import number_format

        return number_format(value)
    return value


def pydantic_errors(errors, *, skip: int = 0) -> list[tuple[str, str]]:
    """(field, message) pairs of pydantic's `errors()`, the location as a dotted path without its first `skip`
    parts (ninja's "body"/"query" and the parameter's name)."""
    out = []
    for e in errors:
        loc = e.get("loc") or ()
        out.append((".".join(str(p) for p in loc[skip:]), translate(e)))
    return out


# --- django-ninja's handlers -----------------------------------------------------------------------------------

_FIELD_PREFIX = re.compile(r"^([a-z_][a-z0-9_.]*): (.+)$", re.S)


def install(api) -> None:
    """Replace django-ninja's default exception handlers with ones that answer the shape above."""

    @api.exception_handler(AuthenticationError)
    def _unauthorized(request, exc):
        code = getattr(exc, "code", "auth.missing")
        return response(401, auth_message(code), code=code)

    @api.exception_handler(ApiError)
    def _api_error(request, exc: ApiError):
        return response(exc.status_code, exc.message, [(exc.field, exc.message)], code=exc.code)

    @api.exception_handler(HttpError)
    def _http_error(request, exc: HttpError):
        # Errors raised as "field: message" keep naming their field.
        message = str(exc)
        status = exc.status_code
        if status == 400 and message.startswith("Cannot parse request body"):
            return response(400, _("The request body is not valid JSON."), code="bad_request")
        match = _FIELD_PREFIX.match(message)
        if match:
            return response(status, match.group(2), [(match.group(1), match.group(2))])
        return response(status, message)

    @api.exception_handler(NinjaValidationError)
    def _invalid(request, exc: NinjaValidationError):
        errors = []
        for e in exc.errors:
            loc = list(e.get("loc") or ())
            # ("body", "payload", "records", 0) -> "records.0"; ("query", "since") -> "since"
            if loc and loc[0] == "body" and len(loc) > 2:
                loc = loc[2:]
            elif loc and loc[0] in ("body", "query", "path", "header", "cookie", "form", "file"):
                loc = loc[1:]
            errors.append((".".join(str(p) for p in loc), translate(e)))
        return response(422, _("Some fields are not valid."), errors, code="validation")

    @api.exception_handler(Http404)
    def _not_found(request, exc):
        return response(404, _("Not found."), code="not_found")

    @api.exception_handler(Exception)
    def _crash(request, exc):
        log.exception("API error on %s %s", request.method, request.path)
        return response(500, _default_message(500), code="server_error")


class ApiErrorMiddleware:
    """Under /api/, an error answered by Django rather than the API (an unknown path, a method not allowed, a page
    from another middleware, a crash outside a handler) is rewritten into the API's JSON error shape. It sits first
    in MIDDLEWARE, so it also sees the 500 page Django renders for an exception in any inner layer."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        resp = self.get_response(request)
        if (resp.status_code >= 400 and request.path.startswith(API_PREFIX)
                and not resp.get("Content-Type", "").startswith("application/json")):
            new = response(resp.status_code, _default_message(resp.status_code))
            for header in ("Allow", "Retry-After", "Vary", "Content-Language"):
                if header in resp:
                    new[header] = resp[header]
            return new
        return resp

    def process_exception(self, request, exception):
        if request.path.startswith(API_PREFIX) and not isinstance(exception, Http404):
            log.exception("API error on %s %s", request.method, request.path)
            return response(500, _default_message(500), code="server_error")
        return None
