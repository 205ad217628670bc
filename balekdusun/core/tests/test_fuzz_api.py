"""Fuzzing the JSON API's other inputs (issue 13): the bodies of /planning/households, /cases, a case's status and
notes, the field app's sign-in; and every query and path parameter of every GET operation in the OpenAPI schema,
as a coordinator and as a field officer. Never a 5xx; a refused body is a 422 naming its field in the one error
shape; a good body is stored (strategies in fuzz.py)."""

import json
import uuid
from urllib.parse import quote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from balekdusun.campaigns.models import Household
from balekdusun.cases.models import Case
from balekdusun.cases.tests import conftest as cases_fixtures
from balekdusun.core.tests.fuzz import (
    CASE,
    CASE_NOTE,
    CASE_STATUS,
    FUZZ,
    HUGE_NUMBERS,
    NAUGHTY,
    PLANNING_HOUSEHOLD,
    TOKEN,
    Deep,
    assert_error_shape,
    dumps,
    good_text,
    hostile_record,
    names_field,
)
from balekdusun.visits.tests import conftest as visits_fixtures

# Fixtures of the apps' own conftest files, used here too.
open_case, rules = cases_fixtures.open_case, cases_fixtures.rules
field_setup = visits_fixtures.field_setup


def _post(client, path, body, headers):
    r = client.post(path, dumps(body), content_type="application/json", **headers)
    assert r.status_code < 500, (path, r.content[:500])
    assert r["Content-Type"].startswith("application/json"), r["Content-Type"]
    return r


def _refused(r, field):
    assert r.status_code == 422, r.content[:500]
    body = r.json()
    assert_error_shape(body)
    assert names_field(body["errors"], field), (field, body)


GOOD_PLANNING_HOUSEHOLD = st.fixed_dictionaries({"village": st.just("16.02.08.2017")}, optional={
    "dusun": good_text(60), "address": good_text(255), "client_uuid": st.uuids().map(str),
    "consent": st.booleans()}).flatmap(
    # A name is recorded only with the household's consent.
    lambda d: st.just(d) if not d.get("consent") else good_text(120).map(lambda n: {**d, "head_name": n}))


@FUZZ
@given(case=st.one_of(GOOD_PLANNING_HOUSEHOLD.map(lambda d: (None, d)),
                      GOOD_PLANNING_HOUSEHOLD.flatmap(lambda d: hostile_record(PLANNING_HOUSEHOLD, d))))
def test_fuzzed_planning_household(client, bearer, carol, case):
    want, body = case
    if "client_uuid" in body and want != "client_uuid":
        body = {**body, "client_uuid": str(uuid.uuid4())}  # a new household each time
    before = Household.objects.count()
    r = _post(client, "/api/v1/planning/households", body, bearer(carol))
    if want is None:
        assert r.status_code == 201, r.content[:500]
        assert Household.objects.filter(pk=r.json()["id"], village_id="16.02.08.2017").exists()
    else:
        _refused(r, want)
        assert Household.objects.count() == before


GOOD_CASE = st.fixed_dictionaries({
    "kind": st.sampled_from(["unpaid_wages", "information", "repatriation"]),
    "village": st.just("16.02.08.2017"), "consent": st.just(True)}, optional={
    "source": st.sampled_from(["hotline", "walk_in"]), "description": good_text(300),
    "reporter_name": good_text(120), "subject_name": good_text(120)})


@FUZZ
@given(case=st.one_of(GOOD_CASE.map(lambda d: (None, d)), GOOD_CASE.flatmap(lambda d: hostile_record(CASE, d))))
def test_fuzzed_case(client, bearer, carol, rules, case):
    want, body = case
    before = Case.objects.count()
    r = _post(client, "/api/v1/cases", body, bearer(carol))
    if want is None:
        assert r.status_code == 201, r.content[:500]
        assert Case.objects.count() == before + 1
    else:
        _refused(r, want)
        assert Case.objects.count() == before


@FUZZ
@given(status=st.just({"status": "verified"}).flatmap(lambda d: hostile_record(CASE_STATUS, d)),
       note=st.just({"text": "Dihubungi"}).flatmap(lambda d: hostile_record(CASE_NOTE, d)))
def test_fuzzed_case_status_and_note(client, bearer, carol, open_case, rules, status, note):
    case = open_case()
    headers = bearer(carol)
    _refused(_post(client, f"/api/v1/cases/{case.reference}/status", status[1], headers), status[0])
    _refused(_post(client, f"/api/v1/cases/{case.reference}/notes", note[1], headers), note[0])
    case.refresh_from_db()
    assert case.status == "new" and case.events.count() == 1  # only "opened"


@FUZZ
@given(case=st.just({"username": "bob", "password": "x"}).flatmap(lambda d: hostile_record(TOKEN, d)))
def test_fuzzed_sign_in(client, bob, case):
    want, body = case
    _refused(_post(client, "/api/v1/sync/token", body, {}), want)


@pytest.mark.parametrize("path", ["/api/v1/sync/push", "/api/v1/cases", "/api/v1/planning/households"])
def test_a_body_nested_beyond_the_reader_is_a_400(client, bearer, carol, path):
    r = client.post(path, dumps({"records": Deep(20000)}), content_type="application/json", **bearer(carol))
    assert r.status_code == 400, r.content[:300]
    assert_error_shape(r.json())


# --- every query and path parameter of every GET operation -------------------------------------------------------

QUERY_VALUES = NAUGHTY + [str(n) for n in HUGE_NUMBERS[:4]] + [
    "-1", "0", "1.5", "nan", "inf", "-inf", "1e400", "99999999999999999999999", "true", "0001-01-01", "9999-12-31",
    "2026-02-30", "16.02.08.2017", "A" * 5000, "", " ", "[]", "{}", "%", "..", "../../etc/passwd"]


def _operations():
    from django.test import Client

    schema = Client().get("/api/v1/openapi.json").json()
    out = []
    for path, item in schema["paths"].items():
        op = item.get("get")
        if op is not None:
            out.append((path, [(p["in"], p["name"]) for p in op.get("parameters", [])]))
    return out


def _encode(value: str) -> str:
    # Lone surrogates go out as the invalid UTF-8 a hostile client would send.
    return quote(value.encode("utf-8", "surrogatepass"), safe="")


@pytest.mark.parametrize("who", ["carol", "bob"])
@FUZZ
@given(data=st.data())
def test_fuzzed_get_parameters(client, bearer, request, field_setup, who, data):
    user = request.getfixturevalue(who)
    headers = bearer(user)
    for path, params in _operations():
        url, query = path, []
        for where, name in params:
            value = data.draw(st.sampled_from(QUERY_VALUES), label=f"{path} {name}")
            if where == "path":
                url = url.replace("{" + name + "}", _encode(value) or "x")
            elif data.draw(st.booleans(), label=f"send {name}"):
                query.append(f"{quote(name)}={_encode(value)}")
        full = url + ("?" + "&".join(query) if query else "")
        r = client.get(full, **headers)
        assert r.status_code < 500, (full[:300], r.status_code, r.content[:300])
        assert r["Content-Type"].startswith("application/json"), (full[:200], r["Content-Type"])
        if r.status_code >= 400:
            assert_error_shape(r.json())
        else:
            json.loads(r.content)
