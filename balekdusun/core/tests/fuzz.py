"""Shared hypothesis strategies for fuzzing the JSON API (issue 13): good values per field, and hostile values that
no field of that kind may accept (extreme numbers and dates, wrong JSON types, NUL, lone surrogates, huge strings,
deep nesting, NaN, booleans for ids).

A schema is described as {field: Kind}; `hostile(kind)` draws a value that kind must refuse, so a test knows which
field the server has to name. JSON that the standard encoder cannot write (NaN, nesting deeper than Python's
recursion limit) goes through `dumps`, which keeps markers for them.

The examples per test are few (`FUZZ`: 12 by default, derandomized so CI sees the same cases every run); raise
them locally with FUZZ_EXAMPLES=500.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

FUZZ = settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "12")), deadline=None, derandomize=True,
                suppress_health_check=list(HealthCheck), database=None)

MAX_ID = 2**63 - 1


# --- JSON that the standard encoder cannot write ----------------------------------------------------------------

@dataclass(frozen=True)
class Deep:
    """A list nested `depth` times: `[[[…]]]`."""

    depth: int


@dataclass(frozen=True)
class Raw:
    """A JSON token written as is (NaN, Infinity, 1e400, a number too long for any integer type)."""

    text: str


def dumps(value) -> str:
    """JSON text of `value`, with `Deep` and `Raw` written out (placeholders swapped in after encoding)."""
    parts: dict[str, str] = {}

    def default(obj):
        key = f"@@fuzz{len(parts)}@@"
        parts[key] = "[" * obj.depth + "]" * obj.depth if isinstance(obj, Deep) else obj.text
        return key

    text = json.dumps(value, default=default)
    for key, raw in parts.items():
        text = text.replace(json.dumps(key), raw)
    return text


# --- hostile values by kind -------------------------------------------------------------------------------------

NAUGHTY = ["a\x00b", "\x00", "\ud800", "x\udfffy", "\ud83d", "\u202eRTL", "'; DROP TABLE x;--", "<script>x</script>",
           "%s%n", "${jndi:x}", "NaN", "Infinity", "true", "null", "0x10", "1e400", "９", "\ufeff"]
NON_FINITE = [Raw("NaN"), Raw("Infinity"), Raw("-Infinity")]
# Nesting the JSON reader accepts (a body nested deeper is refused whole, 400: test_fuzz_api.py).
DEEP = [Deep(50), Deep(250), Deep(900)]
HUGE_NUMBERS = [2**63, -(2**63) - 1, 2**64, 10**40, Raw("1" * 5000), Raw("1e400"), Raw("-1e400")]
BAD_TIMES = ["0001-01-01T00:00:00+07:00", "9999-12-31T23:59:59-01:00", "1999-12-31T23:59:59+00:00",
             "2100-01-01T00:00:01+00:00", "2026-01-05T09:30:00", "2026-02-30T09:30:00+07:00",
             "2026-01-05T25:00:00+07:00", "2026-01-05T09:30:00+99:00", "yesterday", "", "2026-01-05"]


def _wrong_type(*, but_not=()) -> st.SearchStrategy:
    """A JSON value of another type than the field takes."""
    options = {
        "bool": st.booleans(),
        "int": st.integers(min_value=-(2**70), max_value=2**70),
        "float": st.floats(allow_nan=False, allow_infinity=False).filter(lambda f: f != int(f)),
        "str": st.text(max_size=20),
        "list": st.lists(st.integers(), max_size=3),
        "dict": st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
        "null": st.none(),
    }
    return st.one_of(*(s for k, s in options.items() if k not in but_not))


@dataclass(frozen=True)
class Kind:
    """What a field takes: `id` (JSON integer within lo..hi), `number` (finite number within lo..hi), `text`
    (at most `max_length` characters), `time` (ISO text with zone, 2000-2099), `choice` (one of `choices`),
    `flag` (true/false), `uuid` (UUID text), `pattern` (text matching a fixed shape; `choices` gives valid
    examples), `list` (of `item`, at most `max_length`), `object` (of `fields`)."""

    kind: str
    lo: float | None = None
    hi: float | None = None
    max_length: int | None = None
    choices: tuple = ()
    item: Kind | None = None
    fields: dict = field(default_factory=dict)
    nullable: bool = False  # null is a valid value (so never drawn as hostile)


def hostile(k: Kind) -> st.SearchStrategy:
    """A value that a field of kind `k` must refuse."""
    common = [st.sampled_from(DEEP)]
    if k.kind == "id":
        out = [st.sampled_from([True, False, 1.0, 2.5, "1", "", [1], {"id": 1}] + HUGE_NUMBERS + NON_FINITE),
               st.integers(max_value=int(k.lo) - 1) if k.lo is not None else st.nothing(),
               st.integers(min_value=int(k.hi) + 1) if k.hi is not None else st.nothing(),
               _wrong_type(but_not=("int", "null"))]
    elif k.kind == "number":
        out = [st.sampled_from(NON_FINITE + [True, False, "1.5", "", [1.0]] + HUGE_NUMBERS[:4]),
               st.floats(max_value=k.lo, exclude_max=True, allow_nan=False, allow_infinity=False),
               st.floats(min_value=k.hi, exclude_min=True, allow_nan=False, allow_infinity=False),
               _wrong_type(but_not=("int", "float", "null"))]
    elif k.kind == "text":
        out = [st.sampled_from([s for s in NAUGHTY if "\x00" in s or _lone_surrogate(s)]),
               st.integers(min_value=1, max_value=50).map(lambda n: "A" * (k.max_length + n)),
               st.just("B" * 100_000), _wrong_type(but_not=("str", "null"))]
    elif k.kind == "time":
        out = [st.sampled_from(BAD_TIMES + ["\x00", "\ud800"]), _wrong_type(but_not=("str", "null"))]
    elif k.kind == "choice":
        out = [st.sampled_from(NAUGHTY + ["MET", "other ", "x" * 500]).filter(lambda s: s.strip() not in k.choices),
               _wrong_type(but_not=("str", "null"))]
    elif k.kind == "pattern":
        out = [st.sampled_from(NAUGHTY + ["A" * 5000, "16.02.08.20171", "16-02-08-2017"]),
               _wrong_type(but_not=("str", "null"))]
    elif k.kind == "flag":
        out = [st.sampled_from([0, 1, "true", "yes", "", 1.0, [True]]), _wrong_type(but_not=("bool", "null"))]
    elif k.kind == "uuid":
        out = [st.sampled_from(["not-a-uuid", "", "0" * 33, "\ud800", str(2**128)]),
               _wrong_type(but_not=("str", "null"))]
    elif k.kind == "list":
        out = [_wrong_type(but_not=("list", "null")),
               st.just([None] * ((k.max_length or 100) + 1)) if k.max_length else st.nothing(),
               st.lists(hostile(k.item), min_size=1, max_size=2) if k.item else st.nothing()]
    elif k.kind == "object":
        out = [_wrong_type(but_not=("dict", "null")), st.just({"no_such_field": 1}),
               st.sampled_from(sorted(k.fields)).flatmap(
                   lambda name: hostile(k.fields[name]).map(lambda v: {name: v}))]
    else:
        raise ValueError(k.kind)
    strategy = st.one_of(*out, *common)
    if k.nullable:
        strategy = strategy.filter(lambda v: v is not None)
    return strategy


def _lone_surrogate(s: str) -> bool:
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def hostile_record(schema: dict[str, Kind], good: dict) -> st.SearchStrategy:
    """(field, data): `good` with one field replaced by a hostile value (or an unknown key added)."""
    def swap(name):
        return hostile(schema[name]).map(lambda v: (name, {**good, name: v}))

    unknown = st.sampled_from(["colour", "household_id", "__proto__", "constructor", "Outcome"]).map(
        lambda key: (key, {**good, key: 1}))
    return st.one_of(st.sampled_from(sorted(schema)).flatmap(swap), unknown)


# pydantic's own English (what an untranslated error would say)
_PYDANTIC_ENGLISH = re.compile(r"should|Field required|Extra inputs|Value error|Unable to|Invalid JSON")


def assert_translated(errors: list[dict]) -> None:
    """Every message is our wording in the active language (Indonesian by default), never pydantic's English."""
    for e in errors:
        assert e["message"] and not _PYDANTIC_ENGLISH.search(e["message"]), e


def names_field(errors: list[dict], name: str) -> bool:
    """True when one of the errors is about `name` or something inside it (`materials.0.quantity`)."""
    return any(e["field"] == name or e["field"].startswith(name + ".") for e in errors)


def assert_error_shape(body: dict) -> None:
    """The one API error shape (core/apierrors.py): detail, code and a list of {field, message}, all text."""
    assert isinstance(body.get("detail"), str) and body["detail"], body
    assert isinstance(body.get("code"), str) and body["code"], body
    assert isinstance(body.get("errors"), list), body
    for e in body["errors"]:
        assert isinstance(e["field"], str) and isinstance(e["message"], str) and e["message"], body
    assert_translated(body["errors"])


# --- the schemas of the sync push (visits/schemas.py) and the API bodies --------------------------------------

ID = Kind("id", 1, MAX_ID, nullable=True)
TEXT = {n: Kind("text", max_length=n) for n in (5, 40, 60, 120, 150, 255, 1000, 4000, 20000)}

VISIT = {
    "household": ID,
    "household_uuid": Kind("uuid", nullable=True),
    "outreach": ID,
    "turf": ID,
    "visited_at": Kind("time"),
    "outcome": Kind("choice", choices=("met", "not_home", "refused", "moved", "vacant", "inaccessible")),
    "latitude": Kind("number", -90, 90, nullable=True),
    "longitude": Kind("number", -180, 180, nullable=True),
    "accuracy_m": Kind("number", 0, 100000, nullable=True),
    "met_role": Kind("choice", choices=("head", "spouse", "parent", "child", "other_member", "neighbour", "")),
    "materials": Kind("list", max_length=20, item=Kind("object", fields={
        "material_id": Kind("id", 1, MAX_ID), "quantity": Kind("id", 1, 1000)})),
    "sticker_code": TEXT[40],
    "topics": Kind("list", max_length=5, item=Kind("choice", choices=(
        "jobs", "legal_procedure", "hotline", "illegal_recruitment", "document_help"))),
    "migration": Kind("object", fields={
        "abroad": Kind("list", max_length=30, item=Kind("object", fields={
            "country": Kind("pattern"), "year": Kind("id", 1950, 2100, nullable=True),
            "procedural": Kind("flag", nullable=True), "sector": Kind("choice", choices=("other",))})),
        "returnees": Kind("id", 0, 50),
        "planning": Kind("list", max_length=30, item=Kind("object", fields={"country": Kind("pattern")}))}),
    "knowledge": Kind("object", nullable=True, fields={
        "legal_procedure": Kind("flag", nullable=True), "hotline": Kind("flag", nullable=True),
        "warning_signs": Kind("flag", nullable=True)}),
    "story": Kind("object", nullable=True, fields={"text": TEXT[4000], "consent_to_quote": Kind("flag")}),
    "followups": Kind("list", max_length=10, item=Kind("object", fields={
        "kind": Kind("choice", choices=("wants_to_apply",)), "note": TEXT[1000]})),
}

HOUSEHOLD = {
    "village": Kind("pattern"),
    "outreach": ID,
    "turf": ID,
    "dusun": TEXT[60], "rt": TEXT[5], "rw": TEXT[5], "address": TEXT[255],
    "latitude": Kind("number", -90, 90, nullable=True),
    "longitude": Kind("number", -180, 180, nullable=True),
    "accuracy_m": Kind("number", 0, 100000, nullable=True),
    "created_at": Kind("time", nullable=True),
}

# POST /api/v1/planning/households (campaigns/api.py HouseholdIn)
PLANNING_HOUSEHOLD = {
    "village": Kind("text", max_length=13),
    "client_uuid": Kind("uuid", nullable=True),
    "dusun": TEXT[60], "rt": TEXT[5], "rw": TEXT[5], "address": TEXT[255],
    "latitude": Kind("number", -90, 90, nullable=True),
    "longitude": Kind("number", -180, 180, nullable=True),
    "head_name": TEXT[120], "phone": Kind("text", max_length=32),
    "consent": Kind("flag"),
}

# POST /api/v1/cases (cases/api.py CaseIn); `kind`, `source` … are checked by the service (a 422 on the field).
CASE = {
    "kind": Kind("text", max_length=24), "source": Kind("text", max_length=16),
    "description": TEXT[20000], "village": Kind("text", max_length=13, nullable=True),
    "reporter_name": TEXT[120], "reporter_phone": Kind("text", max_length=40),
    "reporter_relationship": TEXT[60], "subject_name": TEXT[120],
    "destination_country": Kind("text", max_length=2), "consent": Kind("flag"),
    "priority": Kind("text", max_length=8, nullable=True), "sensitivity": Kind("text", max_length=12, nullable=True),
}
CASE_STATUS = {"status": Kind("text", max_length=16), "note": TEXT[20000],
               "closure_reason": Kind("text", max_length=40, nullable=True), "referred_to": Kind("text", max_length=20)}
CASE_NOTE = {"text": TEXT[20000]}
TOKEN = {"username": TEXT[150], "password": Kind("text", max_length=256), "device_name": TEXT[60]}


# --- good values ------------------------------------------------------------------------------------------------

def good_text(max_size: int) -> st.SearchStrategy:
    """Printable text a person might type (Indonesian, emoji, spaces), never NUL or a lone surrogate."""
    return st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=max_size)


def good_visit(household_id: int, outreach_id: int, today: str, material_id: int | None = None):
    """`data` of a visit that must be stored (household and outreach of the test's field day)."""
    position = st.one_of(st.just({}), st.fixed_dictionaries({
        "latitude": st.floats(-90, 90), "longitude": st.floats(-180, 180),
        "accuracy_m": st.floats(0, 100000)}))
    return st.fixed_dictionaries({
        "household": st.just(household_id),
        "outreach": st.just(outreach_id),
        "visited_at": st.sampled_from([f"{today}T00:30:00+07:00", f"{today}T01:05:59+08:00",
                                       f"{today}T00:00:00Z"]),
        "outcome": st.sampled_from(VISIT["outcome"].choices),
    }, optional={
        "topics": st.lists(st.sampled_from(VISIT["topics"].item.choices), max_size=5),
        "migration": st.fixed_dictionaries({}, optional={
            "returnees": st.integers(0, 50),
            "abroad": st.lists(st.fixed_dictionaries({"country": st.sampled_from(["MY", "SA", "TW", "HK"])}, optional={
                "year": st.integers(1950, 2100) | st.none(), "procedural": st.booleans() | st.none(),
                "sector": st.sampled_from(["caregiver", "fishing", "other"])}), max_size=3)}),
        "knowledge": st.fixed_dictionaries({}, optional={"hotline": st.booleans() | st.none(),
                                                         "warning_signs": st.booleans()}),
        "story": st.fixed_dictionaries({"text": good_text(200)}, optional={"consent_to_quote": st.booleans()}),
        "met_role": st.sampled_from(VISIT["met_role"].choices),
        "sticker_code": good_text(40),
    }).flatmap(lambda d: position.map(lambda p: {**d, **p}))
