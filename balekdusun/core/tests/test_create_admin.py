"""`balekdusun create_admin`: the first national administrator, non-interactive, refusing weak passwords."""

import io

import pytest
from django.core.management import CommandError, call_command

from balekdusun.core.models import AuditEntry, User
from balekdusun.core.roles import Role

STRONG = "Sungai-Musi-2026-kuat"


def run(*args, stdin=None, **options):
    out = io.StringIO()
    if stdin is not None:
        import sys

        old, sys.stdin = sys.stdin, io.StringIO(stdin)
        try:
            call_command("create_admin", *args, stdout=out, **options)
        finally:
            sys.stdin = old
    else:
        call_command("create_admin", *args, stdout=out, **options)
    return out.getvalue()


@pytest.fixture
def admin_env(monkeypatch):
    for name in ("ADMIN_USERNAME", "ADMIN_EMAIL", "ADMIN_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_creates_a_national_administrator_from_the_environment(db, admin_env):
    admin_env.setenv("ADMIN_USERNAME", "it-nasional")
    admin_env.setenv("ADMIN_EMAIL", "it@bp3mi.example.go.id")
    admin_env.setenv("ADMIN_PASSWORD", STRONG)
    out = run()
    user = User.objects.get(username="it-nasional")
    assert user.role == Role.ADMIN and user.office is None and user.is_staff and user.is_superuser
    assert user.email == "it@bp3mi.example.go.id" and user.check_password(STRONG)
    assert "created" in out and STRONG not in out
    entry = AuditEntry.objects.get(action="user.created", object_id=str(user.pk))
    assert entry.actor is None and entry.data == {"role": "admin", "via": "create_admin"}


def test_options_win_and_the_password_can_come_from_standard_input(db, admin_env):
    admin_env.setenv("ADMIN_USERNAME", "ignored")
    run("--username", "kepala-it", "--password-stdin", stdin=STRONG + "\n")
    assert User.objects.get(username="kepala-it").check_password(STRONG)
    assert not User.objects.filter(username="ignored").exists()


def test_the_new_administrator_can_sign_in(db, admin_env, client):
    admin_env.setenv("ADMIN_PASSWORD", STRONG)
    run("--username", "it-nasional")
    assert client.login(username="it-nasional", password=STRONG)


@pytest.mark.parametrize("password, reason", [
    ("short1", "too short"),
    ("password123", "too common"),
    ("12345678901234", "entirely numeric"),
    ("it-nasional-1", "too similar"),
])
def test_refuses_a_weak_password_and_creates_nothing(db, admin_env, password, reason):
    admin_env.setenv("ADMIN_PASSWORD", password)
    with pytest.raises(CommandError, match=f"^password: .*{reason}"):
        run("--username", "it-nasional")
    assert not User.objects.filter(username="it-nasional").exists()
    assert not AuditEntry.objects.filter(action="user.created").exists()


@pytest.mark.parametrize("args, env, message", [
    ((), {"ADMIN_PASSWORD": STRONG}, "^username: give --username"),
    (("--username", "it nasional!"), {"ADMIN_PASSWORD": STRONG}, "^username: use at most"),
    (("--username", "x" * 151), {"ADMIN_PASSWORD": STRONG}, "^username: use at most"),
    (("--username", "it-nasional"), {}, "^password: set ADMIN_PASSWORD"),
    (("--username", "it-nasional", "--email", "not-an-address"), {"ADMIN_PASSWORD": STRONG}, "^email: "),
])
def test_bad_input_names_the_field(db, admin_env, args, env, message):
    for key, value in env.items():
        admin_env.setenv(key, value)
    with pytest.raises(CommandError, match=message):
        run(*args)
    assert not User.objects.exists()


def test_refuses_a_taken_username_whatever_its_case(db, admin_env, alice):
    admin_env.setenv("ADMIN_PASSWORD", STRONG)
    with pytest.raises(CommandError, match="^username: 'ALICE' is already taken"):
        run("--username", "ALICE")
    assert User.objects.filter(role=Role.ADMIN).count() == 1


def test_if_missing_does_nothing_when_an_administrator_exists(db, admin_env, alice):
    admin_env.setenv("ADMIN_PASSWORD", STRONG)
    out = run("--username", "second", "--if-missing")
    assert "already exists" in out
    assert not User.objects.filter(username="second").exists()


def test_if_missing_creates_the_first(db, admin_env, offices, carol):
    admin_env.setenv("ADMIN_PASSWORD", STRONG)
    run("--username", "first", "--if-missing")
    assert User.objects.get(username="first").role == Role.ADMIN


def test_the_cli_exits_non_zero_on_a_weak_password(tmp_path):
    from balekdusun.core.tests.test_settings import run_cli

    result = run_cli("create_admin", "--username", "it", env_extra={
        "BALEKDUSUN_MODE": "demo", "DATABASE_URL": f"sqlite:///{tmp_path / 'x.sqlite3'}", "ADMIN_PASSWORD": "abc"})
    assert result.returncode == 1
    assert "password:" in result.stderr and "Traceback" not in result.stderr
