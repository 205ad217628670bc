"""schemathesis against every operation of /api/v1/openapi.json, signed in as a coordinator and as a field officer:
no 5xx, every status code documented, every body (errors included: the one ErrorOut of core/apierrors.py)
conforming to the schema. The stateful test follows the schema's links (a case opened, then read, moved and noted)
so the operations on a case reference run with a real one. Examples are few, and derandomized: the whole file runs
in well under a minute."""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from balekdusun.wsgi import application

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
EXAMPLES = 4

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)


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
def world(bob, carol, field_setup):
    """The field day of the visits tests, a case, and bearer tokens of the coordinator and the officer."""
    from balekdusun.cases import services as cases
    from balekdusun.cases.rules import ensure_defaults
    from balekdusun.core.models import ApiToken

    ensure_defaults()
    cases.open_case(office=carol.office, kind="unpaid_wages", source="hotline", village="16.02.08.2017",
                    description="Upah ditahan", consent=True, actor=carol)
    return {user.username: {"Authorization": f"Bearer {ApiToken.issue(user=user, name='schemathesis')[1]}"}
            for user in (carol, bob)}


@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
          suppress_health_check=list(HealthCheck))
@pytest.mark.django_db
@pytest.mark.parametrize("who", ["carol", "bob"])
def test_every_operation(case, world, who):
    # Uncompressed: the WSGI transport hands over the body as the server wrote it (a real client inflates gzip).
    response = case.call(headers={**world[who], "Accept-Encoding": "identity"})
    assert response.status_code < 500, f"{case.method} {case.path} -> {response.status_code}: {response.text[:500]}"
    case.validate_response(response, checks=CHECKS)


def test_schema_names_are_unique_across_apps():
    """Two apps' schemas of one name become one component of the OpenAPI document, and one operation is then
    documented with the other's shape (visits' and materials' StickerOut were)."""
    import inspect
    from importlib import import_module

    from pydantic import BaseModel

    from balekdusun.api import ROUTERS

    owners: dict[str, set[str]] = {}
    for app in list(ROUTERS) + ["core.apierrors", "core.apitypes"]:
        module = import_module(f"balekdusun.{app}" if "." in app else f"balekdusun.{app}.api")
        for name, obj in vars(module).items():
            if inspect.isclass(obj) and issubclass(obj, BaseModel) and obj.__module__ == module.__name__:
                owners.setdefault(name, set()).add(module.__name__)
    assert {n: m for n, m in owners.items() if len(m) > 1} == {}


def test_every_operation_documents_the_error_shape(client):
    doc = client.get("/api/v1/openapi.json").json()
    error = {"$ref": "#/components/schemas/ErrorOut"}
    for path, item in doc["paths"].items():
        for method, op in item.items():
            for status in ("400", "401", "403", "404", "422", "500"):
                schema = op["responses"][status]["content"]["application/json"]["schema"]
                assert schema == error or schema["$ref"].endswith("CaseErrorOut"), (method, path, status)
    assert set(doc["components"]["schemas"]["ErrorOut"]["properties"]) == {"detail", "code", "errors"}


@pytest.mark.django_db
def test_stateful_case_workflow(world):
    """schemathesis's links mode: open a case, then read it, move it and add a note by the reference the API
    answered (links of POST /cases), as the coordinator; the same checks on every step."""
    headers = {**world["carol"], "Accept-Encoding": "identity"}
    cases = schema.include(path_regex="^/api/v1/cases")
    seen = []

    class Workflow(cases.as_state_machine()):
        def get_call_kwargs(self, case):
            return {"headers": headers}

        def validate_response(self, response, case, additional_checks=None, **kwargs):
            assert response.status_code < 500, f"{case.method} {case.path}: {response.text[:300]}"
            case.validate_response(response, checks=CHECKS)
            seen.append((case.method, case.path, response.status_code))

    Workflow.run(settings=settings(max_examples=6, stateful_step_count=4, deadline=None, derandomize=True,
                                   database=None, suppress_health_check=list(HealthCheck)))
    # The links were followed: an operation on a case reference answered for a case the API had just opened.
    assert any(path.endswith("{reference}") or "{reference}/" in path for _m, path, status in seen
               if status in (200, 201)), seen
