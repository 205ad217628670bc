"""schemathesis: generated requests against the sync endpoints of /api/v1/openapi.json never get a 5xx."""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from balekdusun.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application).include(path_regex="^/api/v1/sync/")


@pytest.fixture(autouse=True)
def _keep_connection():
    """Like Django's test client: calling the WSGI app directly must not close the test's database connection
    at the end of each request (PostgreSQL would then fail every later query of the test)."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def auth_header(bob, field_setup):
    from balekdusun.core.models import ApiToken

    _token, key = ApiToken.issue(user=bob, name="schemathesis")
    return {"Authorization": f"Bearer {key}"}


@schema.parametrize()
@settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))
@pytest.mark.django_db
def test_no_server_errors(case, auth_header):
    response = case.call(headers=auth_header)
    assert response.status_code < 500, f"{case.method} {case.path} -> {response.status_code}: {response.text[:500]}"
    case.validate_response(response, checks=[not_a_server_error])
