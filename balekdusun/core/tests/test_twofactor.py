"""Second factor (core/twofactor.py): TOTP with recovery codes, required of the roles in OTP_REQUIRED_ROLES, at
the web sign-in and at the field app's device sign-in (never at a sync)."""

import json
import re
import time

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from balekdusun.core.models import AuditEntry
from conftest import PASSWORD

pytestmark = pytest.mark.django_db
STAFF = frozenset({"admin", "head", "coordinator"})


@pytest.fixture(autouse=True)
def _required(settings):
    settings.OTP_REQUIRED_ROLES = STAFF


def code_for(device, offset=0):
    """The code the user's app shows `offset` steps from now."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + offset * device.step
    return f"{totp.token():06d}"


def password_sign_in(client, user):
    response = client.post(reverse("core:login"), {"username": user.username, "password": PASSWORD,
                                                   "next": "/cases/"})
    assert response.status_code == 302
    return response


def enrol(client, user):
    """Sign in with the password and set up the app; the recovery codes shown."""
    password_sign_in(client, user)
    assert client.get(reverse("core:otp_setup")).status_code == 200
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    page = client.post(reverse("core:otp_setup"), {"code": code_for(device)})
    assert page.status_code == 200
    return re.findall(r"<li><code>([a-z2-7]{4}-[a-z2-7]{4})</code></li>", page.content.decode())


def test_a_head_must_set_up_the_second_factor_before_any_page(client, dave):
    response = password_sign_in(client, dave)
    assert response["Location"] == "/cases/"
    page = client.get("/cases/")
    assert page.status_code == 302 and page["Location"] == reverse("core:otp_setup") + "?next=/cases/"
    setup = client.get(reverse("core:otp_setup")).content.decode()
    secret = TOTPDevice.objects.get(user=dave, confirmed=False).bin_key
    from base64 import b32encode

    assert b32encode(secret).decode()[:4] in setup and reverse("core:otp_qr") in setup
    qr = client.get(reverse("core:otp_qr"))
    assert qr["Content-Type"] == "image/svg+xml" and b"<svg" in qr.content and "no-store" in qr["Cache-Control"]
    # The API refuses the half-signed-in session too.
    api = client.get("/api/v1/me")
    assert api.status_code == 403 and api.json()["code"] == "auth.second_factor"


def test_enrolment_shows_ten_recovery_codes_once_and_opens_the_pages(client, dave):
    codes = enrol(client, dave)
    assert len(codes) == 10 and len(set(codes)) == 10
    assert StaticToken.objects.filter(device__user=dave).count() == 10
    assert TOTPDevice.objects.get(user=dave).confirmed
    assert client.get("/cases/").status_code == 200
    assert AuditEntry.objects.filter(action="auth.second_factor_on", actor=dave).exists()
    # The setup page now shows the state, never the codes again.
    page = client.get(reverse("core:otp_setup")).content.decode()
    assert not any(code in page for code in codes) and "10" in page
    assert client.get(reverse("core:otp_qr")).status_code == 404


def test_a_wrong_code_at_enrolment_is_a_field_error(client, dave):
    password_sign_in(client, dave)
    client.get(reverse("core:otp_setup"))
    response = client.post(reverse("core:otp_setup"), {"code": "12ab"})
    assert response.status_code == 422 and 'class="field invalid"' in response.content.decode()
    device = TOTPDevice.objects.get(user=dave)
    wrong = f"{(int(code_for(device)) + 1) % 1_000_000:06d}"
    assert client.post(reverse("core:otp_setup"), {"code": wrong}).status_code == 422
    assert not TOTPDevice.objects.get(user=dave).confirmed and client.get("/cases/").status_code == 302


def test_the_next_sign_in_asks_the_code_and_counts_wrong_ones(client, dave, monkeypatch):
    from balekdusun.core import conf

    enrol(client, dave)
    device = TOTPDevice.objects.get(user=dave)
    later = Client()
    password_sign_in(later, dave)
    page = later.get("/cases/")
    assert page["Location"] == reverse("core:otp_verify") + "?next=/cases/"
    monkeypatch.setattr(conf, "LOGIN_FREE_FAILURES", 2)
    for _ in range(2):
        assert later.post(reverse("core:otp_verify"), {"code": "000000", "next": "/cases/"}).status_code == 422
    assert later.get("/cases/").status_code == 302
    assert later.post(reverse("core:otp_verify"), {"code": "000001"}).status_code == 422
    # Past the free failures the pause holds even for the right code.
    paused = later.post(reverse("core:otp_verify"), {"code": code_for(device, 1), "next": "/cases/"})
    assert paused.status_code == 429


def test_a_right_code_opens_the_session(client, dave):
    enrol(client, dave)
    device = TOTPDevice.objects.get(user=dave)
    later = Client()
    password_sign_in(later, dave)
    response = later.post(reverse("core:otp_verify"), {"code": code_for(device, 1), "next": "/cases/"})
    assert response.status_code == 302 and response["Location"] == "/cases/"
    assert later.get("/cases/").status_code == 200
    # A foreign `next` is not followed.
    again = Client()
    password_sign_in(again, dave)
    response = again.post(reverse("core:otp_verify"), {"code": code_for(device, 1), "next": "https://evil.example/"})
    assert response.status_code in (302, 422)
    assert "evil" not in response.get("Location", "")


def test_a_recovery_code_works_once(client, dave):
    codes = enrol(client, dave)
    later = Client()
    password_sign_in(later, dave)
    response = later.post(reverse("core:otp_verify"), {"code": codes[0].upper(), "next": "/cases/"})
    assert response.status_code == 302 and later.get("/cases/").status_code == 200
    assert AuditEntry.objects.filter(action="auth.recovery_code_used").count() == 1
    third = Client()
    password_sign_in(third, dave)
    assert third.post(reverse("core:otp_verify"), {"code": codes[0]}).status_code == 422
    assert StaticToken.objects.filter(device__user=dave).count() == 9


def test_new_recovery_codes_replace_the_old_ones(client, dave):
    codes = enrol(client, dave)
    page = client.post(reverse("core:otp_codes"))
    fresh = re.findall(r"<li><code>([a-z2-7]{4}-[a-z2-7]{4})</code></li>", page.content.decode())
    assert len(fresh) == 10 and not set(fresh) & set(codes)
    assert StaticToken.objects.filter(device__user=dave).count() == 10


def test_a_head_resets_a_lost_phone_only_in_their_office(client, dave, carol, jane):
    helper = Client()
    enrol(helper, carol)
    enrol(client, dave)
    response = client.post(reverse("core:otp_reset", args=[jane.pk]))
    assert response.status_code == 404
    response = client.post(reverse("core:otp_reset", args=[carol.pk]))
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=carol).exists()
    assert not StaticToken.objects.filter(device__user=carol).exists()
    assert AuditEntry.objects.filter(action="auth.second_factor_reset", actor=dave).exists()


def test_roles_without_the_requirement_sign_in_with_the_password(client, bob):
    password_sign_in(client, bob)
    assert client.get("/cases/").status_code == 200
    page = client.get(reverse("core:otp_setup"))
    assert page.status_code == 200 and 'name="code"' not in page.content.decode()
    assert not TOTPDevice.objects.filter(user=bob).exists()


# --- the field app's device sign-in -----------------------------------------------------------------------------

TOKEN = "/api/v1/sync/token"


def device_sign_in(client, username, **extra):
    return client.post(TOKEN, json.dumps({"username": username, "password": PASSWORD, **extra}),
                       content_type="application/json")


def test_device_sign_in_asks_the_second_factor_of_a_coordinator(client, carol, settings):
    # django-otp also makes a device wait 1 s after a wrong code (its own throttle); not the subject here.
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    first = device_sign_in(client, "carol")
    assert first.status_code == 403 and first.json()["code"] == "auth.second_factor_setup"
    enrol(Client(), carol)
    device = TOTPDevice.objects.get(user=carol)
    asked = device_sign_in(client, "carol")
    assert asked.status_code == 401 and asked.json()["code"] == "auth.second_factor"
    assert asked.json()["errors"][0]["field"] == "otp"
    wrong = device_sign_in(client, "carol", otp="123")
    assert wrong.status_code == 401 and wrong.json()["code"] == "auth.second_factor_wrong"
    ok = device_sign_in(client, "carol", otp=code_for(device, 1))
    assert ok.status_code == 200
    # Syncs with the token never ask again.
    headers = {"HTTP_AUTHORIZATION": f"Bearer {ok.json()['token']}"}
    assert client.get("/api/v1/sync/pull", **headers).status_code == 200


def test_device_sign_in_of_an_officer_asks_only_if_the_role_requires_it(client, bob, settings):
    assert device_sign_in(client, "bob").status_code == 200
    settings.OTP_REQUIRED_ROLES = STAFF | {"officer"}
    assert device_sign_in(client, "bob").json()["code"] == "auth.second_factor_setup"
