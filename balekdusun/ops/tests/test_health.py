import pytest

from balekdusun import __version__
from balekdusun.ops import readiness


def test_healthz_is_cheap_and_names_the_version(client, db, django_assert_max_num_queries):
    with django_assert_max_num_queries(1):
        resp = client.get("/healthz")
    assert resp.status_code == 200
    assert resp.json()["version"] == __version__ == "0.2.0"


def test_readyz_lists_database_and_cache(client, db, monkeypatch):
    # Only the built-in checks: apps may register more (the job worker's heartbeat), tested on their own.
    monkeypatch.setattr(readiness, "_CHECKS", {})
    resp = client.get("/readyz")
    assert resp.status_code == 200
    body = resp.json()
    assert body["status"] == "ok" and body["version"] == __version__
    assert body["checks"]["database"]["status"] == "ok" and body["checks"]["cache"]["status"] == "ok"
    assert resp["Cache-Control"].startswith("max-age=0")


@pytest.fixture
def registered():
    names = []

    def add(name, fn):
        readiness.register(name, fn)
        names.append(name)

    yield add
    for name in names:
        readiness.unregister(name)


def test_a_registered_check_that_fails_makes_readyz_503(client, db, registered):
    def worker():
        raise RuntimeError("no heartbeat for 300 s")

    registered("worker", worker)
    registered("disk", lambda: "12 GB free")
    resp = client.get("/readyz")
    assert resp.status_code == 503
    checks = resp.json()["checks"]
    assert list(checks) == ["database", "cache", "worker", "disk"]
    assert checks["worker"] == {"status": "error", "detail": "RuntimeError: no heartbeat for 300 s",
                                "ms": checks["worker"]["ms"]}
    assert checks["disk"]["status"] == "ok" and checks["disk"]["detail"] == "12 GB free"
    assert resp.json()["status"] == "error"


def test_readyz_reports_a_broken_cache(client, db, monkeypatch):
    from django.core.cache import caches

    cache = caches["default"]
    monkeypatch.setattr(cache, "get", lambda *a, **k: None)
    resp = client.get("/readyz")
    assert resp.status_code == 503
    assert resp.json()["checks"]["cache"]["status"] == "error"
    assert resp.json()["checks"]["database"]["status"] == "ok"


def test_readyz_reports_a_database_that_does_not_answer(client, db, monkeypatch):
    def broken():
        raise ConnectionError("connection refused")

    monkeypatch.setattr(readiness, "check_database", broken)
    resp = client.get("/readyz")
    assert resp.status_code == 503 and resp.json()["checks"]["database"]["status"] == "error"


def test_readyz_only_answers_get(client, db):
    assert client.post("/readyz").status_code == 405


def test_a_disallowed_host_is_400_not_500(client, db):
    assert client.get("/", HTTP_HOST="evil.example").status_code == 400
    resp = client.get("/api/v1/areas", HTTP_HOST="evil.example")
    assert resp.status_code == 400 and resp.json()["code"] == "bad_request"
    assert client.get("/portal/", HTTP_HOST="evil.example").status_code == 400
