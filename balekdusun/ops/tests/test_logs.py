import json
import logging

import pytest

from balekdusun.ops.logs import JsonFormatter, RequestContextFilter


@pytest.fixture
def json_lines():
    """Every record of every logger during the test, formatted as the LOG_FORMAT=json handler does."""
    lines = []

    class Capture(logging.Handler):
        def emit(self, record):
            lines.append(json.loads(self.format(record)))

    handler = Capture(level=logging.DEBUG)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestContextFilter())
    root, access = logging.getLogger(), logging.getLogger("balekdusun.request")
    old = root.level, access.level
    root.addHandler(handler)
    access.addHandler(handler)
    access.propagate = False
    root.setLevel(logging.DEBUG)
    access.setLevel(logging.INFO)
    yield lines
    root.removeHandler(handler)
    access.removeHandler(handler)
    access.propagate = True
    root.setLevel(old[0])
    access.setLevel(old[1])


def test_request_id_is_kept_from_the_proxy_or_made(client, db):
    resp = client.get("/healthz", HTTP_X_REQUEST_ID="abc-123")
    assert resp["X-Request-ID"] == "abc-123"
    made = client.get("/healthz", HTTP_X_REQUEST_ID="<script>" + "x" * 100)["X-Request-ID"]
    assert len(made) == 32 and made.isalnum()
    assert client.get("/healthz")["X-Request-ID"] != client.get("/healthz")["X-Request-ID"]


def test_access_line_has_request_and_user_id_and_no_personal_data(client, db, json_lines, login, carol):
    client = login(carol)
    secret_name = "Siti Nurhaliza Binti Ahmad"
    resp = client.post("/planning/villages/16.02.08.2017/households/",
                       {"h-head_name": secret_name, "h-phone": "081234567890", "h-consent": "on",
                        "h-address": "Jalan Siti Nurhaliza 4"}, HTTP_X_REQUEST_ID="req-42")
    assert resp.status_code in (200, 302)
    from balekdusun.campaigns.models import Household

    assert Household.objects.filter(head_name=secret_name).exists()  # the name reached the server
    client.get(f"/reports/?search={secret_name}", HTTP_X_REQUEST_ID="req-43")
    text = "\n".join(json.dumps(line) for line in json_lines)
    assert json_lines, "the requests logged nothing"
    assert "Siti" not in text and "Nurhaliza" not in text and "081234567890" not in text
    access = [line for line in json_lines if line["logger"] == "balekdusun.request"]
    assert {line["request_id"] for line in access} >= {"req-42", "req-43"}
    assert all(line["user_id"] == carol.pk for line in access if line["request_id"] in ("req-42", "req-43"))
    posted = next(line for line in access if line["request_id"] == "req-42")
    assert posted["route"] == "campaigns:households" and posted["method"] == "POST"
    line = next(line for line in access if line["request_id"] == "req-43")
    assert line["method"] == "GET" and isinstance(line["status"], int) and line["duration_ms"] >= 0
    assert ":" in line["route"] and "search" not in line["route"]


def test_an_exception_logs_its_type_and_place_not_its_message(json_lines):
    log = logging.getLogger("balekdusun.test")
    try:
        raise ValueError('duplicate key (head_name)=(Siti Nurhaliza)')
    except ValueError:
        log.exception("saving a household failed")
    line = json_lines[-1]
    assert line["exception"] == "ValueError" and line["level"] == "ERROR"
    assert any("test_an_exception_logs_its_type" in frame for frame in line["stack"])
    assert "Siti" not in json.dumps(line)
    assert line["request_id"] is None and line["user_id"] is None


def test_log_format_json_configures_the_handler():
    from balekdusun.ops.logs import logging_config

    config = logging_config(fmt="json", level="INFO")
    assert config["handlers"]["console"]["formatter"] == "json"
    assert config["loggers"]["balekdusun.request"]["level"] == "INFO"
    assert "formatter" not in logging_config(fmt="text", level="INFO")["handlers"]["console"]


def test_sentry_is_off_without_dsn_and_scrubs_personal_data(settings):
    from balekdusun.ops import sentry

    settings.SENTRY_DSN = ""
    assert sentry.init_from_settings() is False
    event = {"request": {"url": "https://x/planning/", "data": {"head_name": "Siti"}, "query_string": "q=Siti",
                         "cookies": {"sessionid": "s"}, "headers": {"Cookie": "s"}},
             "user": {"username": "carol"}, "message": "boom"}
    scrubbed = sentry.scrub(event)
    assert "Siti" not in json.dumps(scrubbed) and "carol" not in json.dumps(scrubbed)
    assert scrubbed["request"]["url"] == "https://x/planning/" and scrubbed["message"] == "boom"
