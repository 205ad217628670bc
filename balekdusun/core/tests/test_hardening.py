"""Hardened responses (CSP, Permissions-Policy, HSTS and the HTTPS redirect) on the portal, the field app, a staff
page and the API; `check --deploy` clean in production settings; the project's own checks stop a server with a
malformed encryption key, DEBUG on or a weak SECRET_KEY."""

import json
import subprocess
import sys

import pytest
from cryptography.fernet import Fernet

from balekdusun.core.tests.test_settings import run_cli

GOOD_SECRET = "k3Jq9-vX2pLr8sWz4TnYb6HcFmD0aGeU1oRiQ5yZtVxNwBlKjE7hP"
GOOD_KEY = Fernet.generate_key().decode()
PRODUCTION = {"BALEKDUSUN_MODE": "production", "SECRET_KEY": GOOD_SECRET, "FIELD_ENCRYPTION_KEYS": GOOD_KEY,
              "ALLOWED_HOSTS": "balekdusun.example.go.id"}
NOT_SET = ("DEBUG", "SECURE_COOKIES", "BEHIND_PROXY", "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS",
           "SECURE_HSTS_PRELOAD", "SECURE_HSTS_INCLUDE_SUBDOMAINS", "DATABASE_URL",
           # conftest sets it for Playwright's event loop; a production process must not inherit it
           "DJANGO_ALLOW_ASYNC_UNSAFE")


def _policy(header: str) -> dict[str, list[str]]:
    out = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            out[words[0]] = words[1:]
    return out


def _responses(client, bearer, login, carol):
    """(name, response) of the portal, the field app's shell, a staff page and the API."""
    return [("portal", client.get("/portal/")),
            ("field app", client.get("/field/")),
            ("api", client.get("/api/v1/cases", **bearer(carol))),
            ("staff page", login(carol).get("/cases/"))]


def test_content_security_policy_everywhere(client, bearer, login, carol):
    for name, response in _responses(client, bearer, login, carol):
        assert response.status_code == 200, name
        policy = _policy(response["Content-Security-Policy"])
        assert policy["default-src"] == ["'self'"], name
        # Scripts only from this site: no inline script without the request's nonce, no eval.
        assert policy["script-src"][0] == "'self'" and all(
            s.startswith("'nonce-") for s in policy["script-src"][1:]), (name, policy["script-src"])
        assert "'unsafe-inline'" not in policy["script-src"] and "'unsafe-eval'" not in policy["script-src"]
        assert policy["object-src"] == ["'none'"] and policy["frame-ancestors"] == ["'none'"], name
        assert "https://tile.openstreetmap.org" in policy["img-src"], name


def test_permissions_policy_opens_location_and_camera_for_the_field_app_only(client, bearer, login, carol):
    for name, response in _responses(client, bearer, login, carol):
        features = dict(item.strip().split("=", 1) for item in response["Permissions-Policy"].split(","))
        expected = "(self)" if name == "field app" else "()"
        assert features["geolocation"] == expected and features["camera"] == expected, (name, features)
        assert features["microphone"] == "()" and features["payment"] == "()", name
    # The service worker and manifest of the field app are under its path too.
    assert "geolocation=(self)" in client.get("/field/sw.js")["Permissions-Policy"]


def test_https_redirect_and_hsts_when_https_is_said(client, settings, db):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 31_536_000
    plain = client.get("/portal/")
    assert plain.status_code == 301 and plain["Location"].startswith("https://")
    secure = client.get("/portal/", secure=True)
    assert secure.status_code == 200 and secure["Strict-Transport-Security"].startswith("max-age=31536000")
    # The health check still answers the load balancer over HTTP.
    assert client.get("/healthz").status_code == 200


@pytest.mark.parametrize("env, https", [({"SECURE_COOKIES": "true"}, True), ({"BEHIND_PROXY": "true",
                                         "SECURE_COOKIES": "false"}, True), ({"SECURE_COOKIES": "false"}, False)])
def test_https_settings_follow_secure_cookies_and_behind_proxy(env, https):
    code = ("import json; from django.conf import settings as s; print(json.dumps([s.SECURE_SSL_REDIRECT, "
            "s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS]))")
    result = run_cli("shell", "-c", code, env_extra={**PRODUCTION, **env}, env_drop=NOT_SET)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == ([True, 31_536_000, True] if https
                                                                 else [False, 0, False])


def test_check_deploy_is_clean_in_production():
    result = run_cli("check", "--deploy", "--fail-level", "WARNING", env_extra=PRODUCTION, env_drop=NOT_SET)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("env, problem", [
    ({"FIELD_ENCRYPTION_KEYS": f"{GOOD_KEY},not-a-fernet-key"}, "balekdusun.E002"),
    ({"FIELD_ENCRYPTION_KEYS": "ZGVtby1hbmQtdGVzdC1vbmx5LWtleS0wMTIzNDU2Nzg="}, "balekdusun.E003"),
    ({"DEBUG": "true"}, "balekdusun.E004"),
    ({"SECRET_KEY": "short-secret"}, "balekdusun.E005"),
    ({"SECRET_KEY": "a" * 60}, "balekdusun.E005"),
])
def test_the_server_refuses_to_start_when_unsafe(env, problem):
    result = run_cli("check", env_extra={**PRODUCTION, **env}, env_drop=NOT_SET)
    assert result.returncode == 1 and problem in result.stderr, result.stdout + result.stderr
    assert "not-a-fernet-key" not in result.stderr  # a key is never printed
    # The production server process (gunicorn loads balekdusun.wsgi) stops before serving anything.
    started = subprocess.run([sys.executable, "-c", "import balekdusun.wsgi"], capture_output=True, text=True,
                             timeout=60, env={**_environ(), **PRODUCTION, **env})
    assert started.returncode != 0 and "refuses to start" in started.stderr and problem in started.stderr


def test_a_sound_production_server_starts():
    started = subprocess.run([sys.executable, "-c", "import balekdusun.wsgi; print('ready')"], capture_output=True,
                             text=True, timeout=60, env={**_environ(), **PRODUCTION})
    assert started.returncode == 0 and started.stdout.strip() == "ready", started.stderr


def _environ():
    import os

    return {k: v for k, v in os.environ.items() if k not in NOT_SET}
