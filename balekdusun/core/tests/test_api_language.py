"""Validation errors of the API come back in the user's language, never pydantic's English (issue 13).

The user's language is the one chosen with the site's language switch (the cookie the field app, served from the
same site, carries too); Indonesian otherwise. A phone's Accept-Language is not followed: many phones in the
villages are set to English, and the programme speaks Indonesian first (core/middleware.py)."""

import json
import uuid

import pytest
from django.utils import translation

from balekdusun.core import apierrors
from balekdusun.core.tests.fuzz import assert_translated

PUSH = "/api/v1/sync/push"
RECORD = {"type": "visit", "uuid": str(uuid.uuid4()),
          "data": {"household": True, "visited_at": "9999-12-31T23:59:59-01:00", "outcome": "gone",
                   "latitude": 91, "longitude": "104", "topics": "jobs", "materials": [{"quantity": 0}],
                   "story": {"text": "a\x00b"}, "colour": "red"}}


def _errors(client, headers, **extra):
    resp = client.post(PUSH, json.dumps({"records": [RECORD]}), content_type="application/json", **headers, **extra)
    assert resp.status_code == 200
    return resp, {e["field"]: e["message"] for e in resp.json()["results"][0]["errors"]}


def test_record_errors_in_indonesian_by_default_even_when_the_phone_asks_for_english(client, bearer, bob):
    resp, errors = _errors(client, bearer(bob), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert resp["Content-Language"] == "id"
    assert errors["household"] == "Harus berupa bilangan bulat."
    assert errors["colour"] == "Isian tidak dikenal."
    assert errors["materials.0.material_id"] == "Wajib diisi."
    assert errors["latitude"] == "Paling banyak 90."  # a bound as a person writes it, not 90.0
    assert set(errors) == {"household", "visited_at", "outcome", "latitude", "longitude", "topics",
                           "materials.0.material_id", "materials.0.quantity", "story.text", "colour"}
    assert_translated([{"field": f, "message": m} for f, m in errors.items()])


def test_record_errors_in_english_when_the_user_chose_english(client, bearer, bob):
    client.cookies["django_language"] = "en"
    resp, errors = _errors(client, bearer(bob))
    assert resp["Content-Language"] == "en"
    assert errors["household"] == "Must be a whole number."
    assert errors["colour"] == "Unknown field."
    assert errors["latitude"] == "Must be 90 or less."
    assert errors["story.text"] == "Must not contain NUL characters."


@pytest.mark.parametrize("kind", sorted(apierrors._messages()))
def test_every_pydantic_error_type_has_an_indonesian_sentence(kind):
    """Each error type the API rewrites has its Indonesian text in the catalogue (not the English msgid)."""
    ctx = {"min_length": 1, "max_length": 2, "gt": 0, "ge": 0, "lt": 9, "le": 9}
    with translation.override("en"):
        english = apierrors.message(kind, **ctx)
    with translation.override("id"):
        indonesian = apierrors.message(kind, **ctx)
    assert indonesian != english, kind
    assert_translated([{"field": "", "message": indonesian}])


def test_request_level_validation_is_indonesian(client, bearer, bob):
    resp = client.get("/api/v1/sync/pull?pending=lots&failing=-1", **bearer(bob))
    assert resp.status_code == 422
    body = resp.json()
    assert {e["field"]: e["message"] for e in body["errors"]} == {
        "pending": "Harus berupa bilangan bulat.", "failing": "Paling sedikit 0."}
    assert body["detail"] == "Beberapa isian tidak valid."
