"""`balekdusun demo --addr HOST:PORT` points sticker links at the address it serves and allows that host."""

import pytest
from django.core.management import CommandError, call_command

from balekdusun.core.management.commands import demo
from balekdusun.materials.sheets import short_address, sticker_url


@pytest.fixture
def served(monkeypatch, settings):
    settings.SITE_URL = settings.SITE_URL  # an override the test's end undoes (the command sets settings)
    calls = []
    monkeypatch.setattr(demo, "call_command", lambda *args, **kw: calls.append(args))
    monkeypatch.setattr(demo, "seed_all", lambda stdout=None: {})
    return calls


def test_addr_sets_site_url_and_allowed_hosts(served, client, db, settings):
    call_command("demo", "--addr", "192.168.1.20:8123", "--skip-regions")
    assert ("runserver", "192.168.1.20:8123") in served
    assert settings.SITE_URL == "http://192.168.1.20:8123"
    assert sticker_url("K7M2Q9X") == "http://192.168.1.20:8123/s/K7M2Q9X"
    assert short_address() == "192.168.1.20:8123/s/"
    assert client.get("/healthz", HTTP_HOST="192.168.1.20:8123").status_code == 200
    assert client.get("/healthz", HTTP_HOST="192.168.1.21:8123").status_code == 400


def test_all_interfaces_use_the_lan_address(served, settings, monkeypatch):
    monkeypatch.setattr(demo, "_lan_address", lambda: "10.1.2.3")
    call_command("demo", "--addr", "0.0.0.0:8000", "--skip-regions")
    assert settings.SITE_URL == "http://10.1.2.3:8000" and "10.1.2.3" in settings.ALLOWED_HOSTS
    assert "0.0.0.0" not in settings.ALLOWED_HOSTS


def test_public_url_of_an_https_proxy(served, settings):
    call_command("demo", "--addr", "127.0.0.1:8000", "--public-url", "https://192.168.1.20:8443/", "--skip-regions")
    assert settings.SITE_URL == "https://192.168.1.20:8443"
    assert "192.168.1.20" in settings.ALLOWED_HOSTS
    assert "https://192.168.1.20:8443" in settings.CSRF_TRUSTED_ORIGINS


@pytest.mark.parametrize("args, message", [
    (["--addr", "8000"], "--addr must look like HOST:PORT"),
    (["--addr", "host:port"], "--addr must look like HOST:PORT"),
    (["--public-url", "ftp://x"], "--public-url must look like"),
    (["--public-url", "192.168.1.20:8443"], "--public-url must look like"),
])
def test_bad_addresses_are_named(served, args, message):
    with pytest.raises(CommandError, match=message):
        call_command("demo", *args, "--skip-regions")
    assert served == []  # nothing migrated or served
