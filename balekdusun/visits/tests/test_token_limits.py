"""The field app's sign-in (POST /api/v1/sync/token) cannot be brute-forced, and cannot be used to lock someone
else out: failures count per username *and* client (address + device cookie) with a doubling pause, shared with the
web login in the counters every server process sees (core/ratelimit.py, core/counters.py)."""

import json
import types

import pytest
from django.test import Client

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
    return fake


def phone(address="10.1.2.3"):
    """A phone: its own cookie jar (the device cookie) behind an address."""
    return Client(REMOTE_ADDR=address)


def sign_in(client, username, password, **extra):
    return client.post(TOKEN, json.dumps({"username": username, "password": password, **extra}),
                       content_type="application/json")


def fail(client, username, times):
    for _ in range(times):
        assert sign_in(client, username, "not-the-password").status_code == 401


def test_the_pause_starts_after_the_free_failures_and_doubles(clock, bob):
    mine = phone()
    fail(mine, "bob", core_conf.LOGIN_FREE_FAILURES)
    assert sign_in(mine, "bob", PASSWORD).status_code == 200  # five typos cost nothing
    fail(mine, "bob", core_conf.LOGIN_FREE_FAILURES + 1)
    locked = sign_in(mine, "bob", PASSWORD)
    assert locked.status_code == 429
    body = locked.json()
    assert body["detail"] and body["errors"] == [{"field": "", "message": body["detail"]}]
    assert int(locked["Retry-After"]) == core_conf.LOGIN_BACKOFF_SECONDS
    clock.now += core_conf.LOGIN_BACKOFF_SECONDS - 1
    assert sign_in(mine, "bob", PASSWORD).status_code == 429  # a refused attempt does not extend the pause
    clock.now += 1
    fail(mine, "bob", 1)  # one more failure: the pause doubles
    again = sign_in(mine, "bob", PASSWORD)
    assert again.status_code == 429 and int(again["Retry-After"]) == 2 * core_conf.LOGIN_BACKOFF_SECONDS
    clock.now += 2 * core_conf.LOGIN_BACKOFF_SECONDS
    assert sign_in(mine, "bob", PASSWORD).status_code == 200


def test_the_pause_never_exceeds_the_maximum(clock, bob):
    mine = phone()
    fail(mine, "bob", core_conf.LOGIN_FREE_FAILURES)
    for _ in range(12):
        fail(mine, "bob", 1)
        clock.now += core_conf.LOGIN_BACKOFF_MAX_SECONDS
    fail(mine, "bob", 1)
    assert int(sign_in(mine, "bob", PASSWORD)["Retry-After"]) == core_conf.LOGIN_BACKOFF_MAX_SECONDS


def test_a_stranger_flooding_a_username_does_not_stop_its_owner(clock, bob):
    """The stranger is paused; bob on his own phone (where he signed in before) is not, even behind the same
    carrier-grade NAT address."""
    mine = phone("10.1.2.3")
    assert sign_in(mine, "bob", PASSWORD).status_code == 200
    stranger = phone("10.1.2.3")
    codes = {sign_in(stranger, "bob", "guess").status_code for _ in range(40)}
    assert codes == {401, 429}
    assert sign_in(stranger, "bob", PASSWORD).status_code == 429
    # Even a flood that throws its cookie away each time (a new client per guess) does not reach bob's phone.
    for _ in range(core_conf.LOGIN_USER_LIMIT + 5):
        sign_in(phone("10.1.2.3"), "bob", "guess")
    assert sign_in(phone("10.1.2.3"), "bob", PASSWORD).status_code == 429  # a new phone waits
    assert sign_in(mine, "bob", PASSWORD).status_code == 200
    assert sign_in(mine, "bob", PASSWORD).status_code == 200


def test_throwing_away_the_cookie_does_not_give_endless_guesses(clock, bob):
    """A stranger who drops the device cookie is a new client each time; the username's count over clients it
    never used pauses them after LOGIN_USER_LIMIT failures."""
    for n in range(core_conf.LOGIN_USER_LIMIT + 1):
        assert sign_in(phone(f"10.7.0.{n}"), "bob", "guess").status_code == 401
    fresh = sign_in(phone("10.7.1.1"), "bob", PASSWORD)
    assert fresh.status_code == 429 and int(fresh["Retry-After"]) == core_conf.LOGIN_BACKOFF_SECONDS


def test_one_client_trying_many_usernames_is_paused(clock, bob):
    sprayer = phone()
    for n in range(core_conf.LOGIN_CLIENT_LIMIT + 1):
        assert sign_in(sprayer, f"guess{n}", "x").status_code == 401
    assert sign_in(sprayer, "bob", PASSWORD).status_code == 429
    # Bob's own phone behind the same address is another client.
    assert sign_in(phone(), "bob", PASSWORD).status_code == 200


def test_a_successful_sign_in_clears_the_usernames_earlier_typos(clock, bob):
    mine = phone()
    for _ in range(3):
        fail(mine, "bob", core_conf.LOGIN_FREE_FAILURES)
        assert sign_in(mine, "bob", PASSWORD).status_code == 200


def test_web_login_and_token_share_the_counters(clock, bob):
    from django.urls import reverse

    mine = phone()
    fail(mine, "bob", core_conf.LOGIN_FREE_FAILURES)
    page = mine.post(reverse("core:login"), {"username": "bob", "password": "wrong-again"})
    assert page.status_code == 200
    assert sign_in(mine, "bob", PASSWORD).status_code == 429
    page = mine.post(reverse("core:login"), {"username": "bob", "password": PASSWORD})
    assert page.status_code == 200 and "_auth_user_id" not in mine.session
    html = page.content.decode()
    assert "Too many failed sign-ins" in html or "Terlalu banyak" in html
    clock.now += core_conf.LOGIN_BACKOFF_SECONDS
    page = mine.post(reverse("core:login"), {"username": "bob", "password": PASSWORD})
    assert page.status_code == 302


def test_counters_hold_only_salted_hashes(clock, bob):
    from balekdusun.core.models import RateCounter

    mine = phone("10.1.2.3")
    fail(mine, "bob", 2)
    device = mine.cookies[ratelimit.DEVICE_COOKIE].value
    keys = list(RateCounter.objects.values_list("key", flat=True))
    assert len(keys) == 4
    assert not any("bob" in k or "10.1.2.3" in k or device in k for k in keys)


def test_openapi_documents_the_429(client, db):
    responses = client.get("/api/v1/openapi.json").json()["paths"]["/api/v1/sync/token"]["post"]["responses"]
    assert "429" in responses
