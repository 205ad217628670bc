"""Every error under /api/ is JSON of one shape, and a bad bearer token is a 401 on every method (docs/field.md).

A phone whose token expired must be told 401 (so the field app asks for a sign-in and keeps its outbox), never the
session's "CSRF check Failed" 403, which the app would retry forever."""

import datetime as dt
import json

import pytest
from django.test import Client
from django.utils import timezone

from balekdusun.core.models import ApiToken

PUSH = "/api/v1/sync/push"
PULL = "/api/v1/sync/pull"


def assert_shape(resp, status, code=None):
    assert resp.status_code == status, resp.content
    assert resp["Content-Type"].startswith("application/json"), resp["Content-Type"]
    body = resp.json()
    assert isinstance(body["detail"], str) and body["detail"]
    assert isinstance(body["code"], str) and body["code"]
    assert body["errors"] and all(set(e) == {"field", "message"} and isinstance(e["message"], str)
                                  for e in body["errors"])
    if code is not None:
        assert body["code"] == code, body
    return body


def _push(client, **headers):
    return client.post(PUSH, json.dumps({"records": []}), content_type="application/json", **headers)


@pytest.fixture
def tokens(bob):
    _active, active = ApiToken.issue(user=bob, name="phone")
    _old, expired = ApiToken.issue(user=bob, name="old", expires_at=timezone.now() - dt.timedelta(minutes=1))
    revoked_token, revoked = ApiToken.issue(user=bob, name="lost phone")
    revoked_token.revoked_at = timezone.now()
    revoked_token.save()
    return {"active": active, "expired": expired, "revoked": revoked, "forged": "bd_" + "x" * 40}


@pytest.mark.parametrize(("kind", "code"), [("expired", "auth.expired"), ("revoked", "auth.revoked"),
                                            ("forged", "auth.invalid")])
def test_bad_token_is_401_on_post_and_get(tokens, kind, code):
    # A CSRF-enforcing client, as a phone's fetch is: before the fix the POST got 403 "CSRF check Failed".
    client = Client(enforce_csrf_checks=True)
    headers = {"HTTP_AUTHORIZATION": f"Bearer {tokens[kind]}"}
    body = assert_shape(_push(client, **headers), 401, code)
    assert body["errors"] == [{"field": "", "message": body["detail"]}]
    assert_shape(client.get(PULL, **headers), 401, code)
    assert_shape(client.get("/api/v1/me", **headers), 401, code)


def test_bad_token_wins_over_a_signed_in_session(client, carol, tokens):
    # A browser session does not rescue a request that carries a bad token: the token decides.
    client.force_login(carol)
    assert_shape(client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {tokens['expired']}"), 401, "auth.expired")
    assert_shape(client.get("/api/v1/me", HTTP_AUTHORIZATION="Basic Ym9iOnNlY3JldA=="), 401, "auth.invalid")


def test_active_token_needs_no_csrf(tokens):
    client = Client(enforce_csrf_checks=True)
    resp = _push(client, HTTP_AUTHORIZATION=f"Bearer {tokens['active']}")
    assert resp.status_code == 200 and resp.json() == {"results": []}


def test_no_credentials_is_401_on_post(db):
    client = Client(enforce_csrf_checks=True)
    assert_shape(_push(client), 401, "auth.missing")


def test_session_write_still_needs_csrf(carol):
    client = Client(enforce_csrf_checks=True)
    client.force_login(carol)
    assert_shape(_push(client), 403, "auth.csrf")
    # With the token of the session's CSRF cookie the same write goes through.
    client.get("/visits/")
    csrf = client.cookies["csrftoken"].value
    resp = _push(client, HTTP_X_CSRFTOKEN=csrf)
    assert resp.status_code == 200, resp.content


def test_not_found_and_method_not_allowed_are_json(client, bearer, bob):
    h = bearer(bob)
    assert_shape(client.get("/api/v1/no-such-thing", **h), 404, "not_found")
    assert_shape(client.get("/api/no-such-version/", **h), 404, "not_found")
    resp = client.get(PUSH, **h)
    assert_shape(resp, 405, "method_not_allowed")
    assert "POST" in resp["Allow"]
    body = assert_shape(client.get("/api/v1/planning/turfs/999999", **h), 404, "not_found")
    assert body["errors"][0]["field"] == "turf_id"


def test_validation_error_names_fields_in_indonesian_by_default(client, bearer, bob):
    resp = client.post(PUSH, json.dumps({"records": "all of them"}), content_type="application/json", **bearer(bob))
    body = assert_shape(resp, 422, "validation")
    assert body["errors"] == [{"field": "records", "message": "Harus berupa daftar."}]
    assert body["detail"] == "Beberapa isian tidak valid."


def test_validation_error_in_english_when_chosen(client, bearer, bob):
    client.cookies["django_language"] = "en"
    resp = client.post(PUSH, json.dumps({"records": []}) [:-1], content_type="application/json", **bearer(bob))
    assert assert_shape(resp, 400, "bad_request")["detail"] == "The request body is not valid JSON."
    resp = client.get(PULL + "?pending=-1", **bearer(bob))
    body = assert_shape(resp, 422, "validation")
    assert body["errors"] == [{"field": "pending", "message": "Must be 0 or more."}]


def test_push_record_errors_are_translated(client, bearer, bob):
    record = {"type": "visit", "uuid": "0b7cf2d8-3f7a-4ad1-9a52-1a0f3c1b7e10",
              "data": {"household": "satu", "visited_at": "2026-01-05T09:30:00", "outcome": "met", "x": 1}}
    resp = client.post(PUSH, json.dumps({"records": [record]}), content_type="application/json", **bearer(bob))
    errors = {e["field"]: e["message"] for e in resp.json()["results"][0]["errors"]}
    assert errors == {"household": "Harus berupa bilangan bulat.",
                      "visited_at": "Perlu zona waktu, misalnya 2023-12-07T09:30:00+07:00.",
                      "x": "Isian tidak dikenal."}


def test_server_error_is_json(bearer, bob, monkeypatch):
    from balekdusun.visits import services

    def crash(**kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(services, "push", crash)
    client = Client(raise_request_exception=False)
    resp = client.post(PUSH, json.dumps({"records": []}), content_type="application/json", **bearer(bob))
    body = assert_shape(resp, 500, "server_error")
    assert "boom" not in resp.content.decode()
    assert body["detail"].startswith("Server")


def test_error_from_django_outside_the_api_is_json(client, bob):
    # A signed-in user without an office gets the middleware's page everywhere else, the JSON shape under /api/.
    bob.office = None
    bob.save(update_fields=["office"])
    client.force_login(bob)
    assert_shape(client.get("/api/v1/me"), 403)
    assert client.get("/visits/")["Content-Type"].startswith("text/html")
