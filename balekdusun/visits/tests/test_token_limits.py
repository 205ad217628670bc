"""The field app's sign-in (POST /api/v1/sync/token) cannot be brute-forced: failed attempts are limited per
username and per client address, with the web login's counters (core/ratelimit.py)."""

import json
import types

import pytest
from django.core.cache import cache

from balekdusun.core import conf as core_conf
from balekdusun.core import ratelimit
from conftest import PASSWORD

TOKEN = "/api/v1/sync/token"


@pytest.fixture
def clock(monkeypatch):
    """A clock the limiter reads instead of the real one; `clock.now += seconds` moves time on."""
    fake = types.SimpleNamespace(now=1_700_000_000.0)
    fake.time = lambda: fake.now
    monkeypatch.setattr(ratelimit, "time", fake)
    cache.clear()
    yield fake
    cache.clear()


def sign_in(client, username, password, address="10.1.2.3"):
    return client.post(TOKEN, json.dumps({"username": username, "password": password}),
                       content_type="application/json", REMOTE_ADDR=address)


def test_wrong_passwords_lock_the_username_until_the_window_ends(client, clock, bob, carol):
    limit = core_conf.LOGIN_USER_LIMIT
    for _ in range(limit):
        assert sign_in(client, "bob", "not-the-password").status_code == 401
    locked = sign_in(client, "bob", PASSWORD)
    assert locked.status_code == 429
    body = locked.json()
    assert body["detail"] and body["errors"] == [{"field": "", "message": body["detail"]}]
    assert int(locked["Retry-After"]) == core_conf.LOGIN_WINDOW_SECONDS
    # Another officer, even from the same address, signs in as usual.
    assert sign_in(client, "carol", PASSWORD).status_code == 200
    # Waiting counts down; a locked attempt does not extend the pause.
    clock.now += 600
    again = sign_in(client, "bob", PASSWORD)
    assert again.status_code == 429 and int(again["Retry-After"]) == core_conf.LOGIN_WINDOW_SECONDS - 600
    clock.now += core_conf.LOGIN_WINDOW_SECONDS - 600
    assert sign_in(client, "bob", PASSWORD).status_code == 200


def test_one_address_trying_many_usernames_is_paused(client, clock, bob):
    for n in range(core_conf.LOGIN_CLIENT_LIMIT):
        assert sign_in(client, f"guess{n}", "x").status_code == 401
    assert sign_in(client, "bob", PASSWORD).status_code == 429
    # The same officer from another address is not affected by that client's pause.
    assert sign_in(client, "bob", PASSWORD, address="10.9.9.9").status_code == 200


def test_a_successful_sign_in_clears_the_usernames_earlier_typos(client, clock, bob):
    for _ in range(core_conf.LOGIN_USER_LIMIT - 1):
        assert sign_in(client, "bob", "typo").status_code == 401
    assert sign_in(client, "bob", PASSWORD).status_code == 200
    for _ in range(core_conf.LOGIN_USER_LIMIT - 1):
        assert sign_in(client, "bob", "typo").status_code == 401
    assert sign_in(client, "bob", PASSWORD).status_code == 200


def test_web_login_and_token_share_the_counters(client, clock, bob):
    from django.urls import reverse

    for _ in range(core_conf.LOGIN_USER_LIMIT - 1):
        assert sign_in(client, "bob", "wrong").status_code == 401
    page = client.post(reverse("core:login"), {"username": "bob", "password": "wrong-again"},
                       REMOTE_ADDR="10.1.2.3")
    assert page.status_code == 200
    assert sign_in(client, "bob", PASSWORD).status_code == 429
    page = client.post(reverse("core:login"), {"username": "bob", "password": PASSWORD}, REMOTE_ADDR="10.1.2.3")
    assert page.status_code == 200 and "_auth_user_id" not in client.session
    html = page.content.decode()
    assert "Too many failed sign-ins" in html or "Terlalu banyak" in html
    clock.now += core_conf.LOGIN_WINDOW_SECONDS
    page = client.post(reverse("core:login"), {"username": "bob", "password": PASSWORD}, REMOTE_ADDR="10.1.2.3")
    assert page.status_code == 302


def test_openapi_documents_the_429(client, db):
    responses = client.get("/api/v1/openapi.json").json()["paths"]["/api/v1/sync/token"]["post"]["responses"]
    assert "429" in responses
