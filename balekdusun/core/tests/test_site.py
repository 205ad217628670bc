from io import StringIO

import pytest
from django.core.management import call_command


def test_healthz_reports_database(client, db):
    resp = client.get("/healthz")
    assert resp.status_code == 200
    assert resp.json()["database"] == "ok"


def test_no_missing_migrations(db):
    out = StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)
    except SystemExit as exc:  # makemigrations --check exits 1 when a model change has no migration
        pytest.fail(f"Model changes without a migration:\n{out.getvalue()}") if exc.code else None


def test_interface_is_indonesian_by_default_with_english_available(login, bob):
    client = login(bob)
    html = client.get("/").content.decode()
    assert 'lang="id"' in html and "Keluar" in html
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    html = client.get("/").content.decode()
    assert 'lang="en"' in html and "Sign out" in html


def test_navigation_follows_role(login, bob, dave):
    assert "/audit/" not in login(bob).get("/").content.decode()
    assert "/audit/" in login(dave).get("/").content.decode()


def test_openapi_schema_is_served(client, db):
    resp = client.get("/api/v1/openapi.json")
    assert resp.status_code == 200
    assert "/api/v1/areas" in resp.json()["paths"]


def test_expired_form_gets_a_friendly_page(db):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    resp = client.post("/accounts/login/", {"username": "x", "password": "y"})
    assert resp.status_code == 403
    assert "kedaluwarsa" in resp.content.decode()
