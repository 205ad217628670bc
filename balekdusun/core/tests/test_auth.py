import datetime as dt

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from balekdusun.core.models import ApiToken, AuditEntry
from conftest import PASSWORD


def test_login_failure_does_not_reveal_whether_user_exists(client, bob):
    wrong_password = client.post(reverse("core:login"), {"username": "bob", "password": "nope-nope-nope"})
    no_such_user = client.post(reverse("core:login"), {"username": "nobody", "password": "nope-nope-nope"})
    assert wrong_password.status_code == no_such_user.status_code == 200
    assert "Username or password is wrong." in wrong_password.content.decode() or \
        "salah" in wrong_password.content.decode()
    # Same message either way (the CSRF token differs between responses, so compare the error block).
    def errors(resp):
        html = resp.content.decode()
        return html[html.index('class="errors"'):html.index("</div>", html.index('class="errors"'))]
    assert errors(wrong_password) == errors(no_such_user)


def test_login_logout_and_password_change(client, bob):
    resp = client.post(reverse("core:login"), {"username": "bob", "password": PASSWORD})
    assert resp.status_code == 302
    assert client.get(reverse("core:home")).status_code == 200
    resp = client.post(reverse("core:password_change"), {
        "old_password": PASSWORD, "new_password1": "another-long-secret-42", "new_password2": "another-long-secret-42"})
    assert resp.status_code == 302
    bob.refresh_from_db()
    assert bob.check_password("another-long-secret-42")
    client.post(reverse("core:logout"))
    assert client.get(reverse("core:home")).status_code == 302


def test_password_change_rejects_weak_password(login, bob):
    client = login(bob)
    resp = client.post(reverse("core:password_change"), {
        "old_password": PASSWORD, "new_password1": "123", "new_password2": "123"})
    assert resp.status_code == 200
    assert "new_password2" in resp.context["form"].errors
    bob.refresh_from_db()
    assert bob.check_password(PASSWORD)


def test_home_requires_login(client, db):
    resp = client.get(reverse("core:home"))
    assert resp.status_code == 302 and reverse("core:login") in resp["Location"]


def test_user_without_office_gets_a_clear_page(client, offices):
    from balekdusun.core.models import User

    user = User.objects.create_user("orphan", password=PASSWORD, role="officer")  # skipped full_clean on purpose
    client.force_login(user)
    resp = client.get(reverse("core:home"))
    assert resp.status_code == 403
    assert "not linked to an office" in resp.content.decode() or "belum terhubung" in resp.content.decode()
    assert client.get(reverse("api:me")).status_code == 403


def test_bearer_token_lifecycle(client, login, bob):
    resp = login(bob).post(reverse("core:tokens"), {"name": "HP Dewi", "days": "30"})
    key = resp.context["new_key"]
    assert key.startswith("bd_")
    token = ApiToken.objects.get(user=bob)
    assert token.key_hash != key and key not in token.key_hash  # only the hash is stored
    client.logout()
    headers = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    me = client.get(reverse("api:me"), **headers)
    assert me.status_code == 200 and me.json()["username"] == "bob" and me.json()["jurisdiction"] == ["16"]
    login(bob).post(reverse("core:revoke_token", args=[token.pk]))
    client.logout()
    assert client.get(reverse("api:me"), **headers).status_code == 401
    assert AuditEntry.objects.filter(action="token.revoked", actor=bob).count() == 1


def test_expired_and_unknown_tokens_are_refused(client, bob):
    token, key = ApiToken.issue(user=bob, name="old", expires_at=timezone.now() - dt.timedelta(minutes=1))
    resp = client.get(reverse("api:me"), HTTP_AUTHORIZATION=f"Bearer {key}")
    assert resp.status_code == 401
    assert resp.json()["code"] == "auth.expired"
    assert client.get(reverse("api:me"), HTTP_AUTHORIZATION="Bearer bd_madeup").status_code == 401
    assert client.get(reverse("api:me")).status_code == 401


def test_token_form_errors_name_the_field(login, bob):
    resp = login(bob).post(reverse("core:tokens"), {"name": "", "days": "0"})
    assert resp.status_code == 422
    assert set(resp.context["form"].errors) == {"name", "days"}
    assert not ApiToken.objects.exists()


def test_create_token_command(bob, capsys):
    call_command("create_token", "bob", "--name", "script", "--days", "7")
    key = capsys.readouterr().out.strip()
    token = ApiToken.objects.get(key_hash=ApiToken.hash_key(key))
    assert token.user == bob and token.expires_at is not None


def test_create_token_command_unknown_user(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="No user named 'ghost'"):
        call_command("create_token", "ghost")
