import os
import subprocess
import sys
import uuid

import pytest
from prometheus_client.parser import text_string_to_metric_families

from balekdusun.ops import metrics

TOKEN = "metrics-secret-0123456789"


def _scrape(client, **headers) -> dict:
    resp = client.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}", **headers)
    assert resp.status_code == 200, resp.content
    out = {}
    for family in text_string_to_metric_families(resp.content.decode()):
        for sample in family.samples:
            out[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return out


def _value(samples, name, **labels):
    return samples.get((name, tuple(sorted(labels.items()))), 0.0)


@pytest.fixture
def token(settings):
    settings.METRICS_TOKEN = TOKEN
    settings.METRICS_ALLOWED_IPS = []


def test_metrics_closed_without_configuration(client, db, settings):
    settings.METRICS_TOKEN, settings.METRICS_ALLOWED_IPS = "", []
    assert client.get("/metrics").status_code == 403
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer anything").status_code == 403


def test_metrics_need_the_bearer_token(client, db, token):
    assert client.get("/metrics").status_code == 401
    resp = client.get("/metrics", HTTP_AUTHORIZATION="Bearer wrong")
    assert resp.status_code == 401 and resp["WWW-Authenticate"].startswith("Bearer")
    assert client.get("/metrics", HTTP_AUTHORIZATION=f"Basic {TOKEN}").status_code == 401
    assert client.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}").status_code == 200


def test_metrics_by_address(client, db, settings):
    settings.METRICS_TOKEN, settings.METRICS_ALLOWED_IPS = "", ["10.0.0.0/8", "192.168.1.5"]
    assert client.get("/metrics", REMOTE_ADDR="10.2.3.4").status_code == 200
    assert client.get("/metrics", REMOTE_ADDR="192.168.1.5").status_code == 200
    assert client.get("/metrics", REMOTE_ADDR="192.168.1.6").status_code == 403
    settings.METRICS_TOKEN = TOKEN  # both set: both must hold
    assert client.get("/metrics", REMOTE_ADDR="10.2.3.4").status_code == 401
    assert client.get("/metrics", REMOTE_ADDR="10.2.3.4", HTTP_AUTHORIZATION=f"Bearer {TOKEN}").status_code == 200
    assert client.get("/metrics", REMOTE_ADDR="8.8.8.8", HTTP_AUTHORIZATION=f"Bearer {TOKEN}").status_code != 200


def test_request_latency_by_route_name(client, db, token):
    before = _scrape(client)
    for _ in range(3):
        client.get("/healthz")
    client.get("/no/such/page/")
    after = _scrape(client)
    name = "balekdusun_http_request_duration_seconds_count"
    assert _value(after, name, route="core:healthz", method="GET") - \
        _value(before, name, route="core:healthz", method="GET") == 3
    assert _value(after, name, route="unmatched", method="GET") - \
        _value(before, name, route="unmatched", method="GET") == 1
    total = "balekdusun_http_requests_total"
    assert _value(after, total, route="core:healthz", method="GET", status="2xx") - \
        _value(before, total, route="core:healthz", method="GET", status="2xx") == 3
    # The route's name, never the address with its ids.
    assert not any("/no/such" in str(labels) for _name, labels in after)


def test_login_failures_are_counted(client, db, token, bob):
    before = _value(_scrape(client), "balekdusun_login_failures_total")
    client.post("/accounts/login/", {"username": "bob", "password": "wrong-password-1"})
    client.post("/accounts/login/", {"username": "nobody", "password": "wrong-password-2"})
    assert _value(_scrape(client), "balekdusun_login_failures_total") - before == 2


def test_sync_records_by_status(client, db, token, bob, login):
    from balekdusun.core.models import ApiToken  # noqa: F401 - the push needs the app loaded

    before = _scrape(client)
    client = login(bob)
    good = {"uuid": str(uuid.uuid4()), "type": "visit", "data": {}}
    resp = client.post("/api/v1/sync/push", {"records": [good, {"uuid": "not-a-uuid", "type": "visit"}]},
                       content_type="application/json")
    assert resp.status_code == 200
    statuses = [r["status"] for r in resp.json()["results"]]
    after = _scrape(client)
    for status in set(statuses):
        assert _value(after, "balekdusun_sync_records_total", status=status) - \
            _value(before, "balekdusun_sync_records_total", status=status) == statuses.count(status)
    assert "invalid" in statuses


def test_job_queue_figures_come_from_registered_sources(client, db, token):
    metrics.register_queue("jobs", lambda: {"default": (7, 42.5), "reports": (0, 0)})
    metrics.register_queue("broken", lambda: 1 / 0)
    try:
        samples = _scrape(client)
    finally:
        metrics.unregister_queue("jobs")
        metrics.unregister_queue("broken")
    assert _value(samples, "balekdusun_job_queue_length", queue="default") == 7
    assert _value(samples, "balekdusun_job_queue_oldest_age_seconds", queue="default") == 42.5
    assert ("balekdusun_job_queue_length", (("queue", "reports"),)) in samples
    assert _value(samples, "balekdusun_job_queue_source_errors") == 1


MULTIPROCESS = """
import os, sys
from balekdusun.ops import metrics
metrics.SYNC_RECORDS.labels(status="created").inc(int(sys.argv[1]))
"""


def test_multiprocess_mode_sums_the_workers_and_child_exit_is_importable(tmp_path):
    """Two worker processes write their figures to PROMETHEUS_MULTIPROC_DIR; /metrics's exposition sums them."""
    env = {**os.environ, "PROMETHEUS_MULTIPROC_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "balekdusun.settings"}
    for n in ("3", "4"):
        subprocess.run([sys.executable, "-c", MULTIPROCESS, n], env=env, check=True)
    reader = ("from balekdusun.ops import metrics; import sys; "
              "sys.stdout.write(metrics.exposition().decode())")
    text = subprocess.run([sys.executable, "-c", reader], env=env, check=True, capture_output=True,
                          text=True).stdout
    assert 'balekdusun_sync_records_total{status="created"} 7.0' in text

    from balekdusun.ops.metrics import child_exit

    class Worker:
        pid = 999_999

    child_exit(None, Worker())  # gunicorn's hook: callable with (server, worker)
