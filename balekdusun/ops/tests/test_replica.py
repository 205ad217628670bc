"""DATABASE_REPLICA_URL: dashboards and exports read from the replica, everything else (and every write) from the
primary. A copy of the test database stands in for the replica; the primary then gets one more visit, so a page
that shows the copy's numbers read the replica."""

import csv
import io

import psycopg
import pytest
from django.core.cache import caches
from django.db import connection, connections

from balekdusun.core.models import AuditEntry
from balekdusun.ops import context
from balekdusun.ops.db import REPLICA, ReplicaRouter
from balekdusun.reports.tests import factories as f
from balekdusun.reports.tests.conftest import launch  # noqa: F401 - the fixture
from balekdusun.visits.models import Visit

pytestmark = pytest.mark.usefixtures("transactional_db")  # regions reloaded after a flush (conftest.py)


def _copy_postgres(settings_dict: dict, source: str, target: str) -> None:
    import os
    import subprocess

    env = {**os.environ, "PGHOST": settings_dict["HOST"] or "", "PGPORT": str(settings_dict["PORT"] or ""),
           "PGUSER": settings_dict["USER"] or "", "PGPASSWORD": settings_dict["PASSWORD"] or ""}
    env = {k: v for k, v in env.items() if v != ""}
    dump = subprocess.run(["pg_dump", "--no-owner", "--no-privileges", "-d", source], env=env, check=True,
                          capture_output=True).stdout
    subprocess.run(["psql", "-q", "-v", "ON_ERROR_STOP=1", "-d", target], input=dump, env=env, check=True,
                   capture_output=True)


@pytest.fixture
def replica(tmp_path):
    """A copy of the primary as it is now, configured as the "replica" database."""
    settings_dict = dict(connections.settings["default"])
    if connection.vendor == "sqlite":
        settings_dict["NAME"] = str(tmp_path / "replica.sqlite3")
        import sqlite3

        target = sqlite3.connect(settings_dict["NAME"])
        connection.ensure_connection()
        connection.connection.backup(target)
        target.close()
    else:
        source, settings_dict["NAME"] = connection.settings_dict["NAME"], connection.settings_dict["NAME"] + "_replica"
        connection.close()
        admin = psycopg.connect(host=settings_dict["HOST"] or None, port=settings_dict["PORT"] or None,
                                user=settings_dict["USER"] or None, password=settings_dict["PASSWORD"] or None,
                                dbname="postgres", autocommit=True)
        admin.execute(f'DROP DATABASE IF EXISTS "{settings_dict["NAME"]}"')
        admin.execute(f'CREATE DATABASE "{settings_dict["NAME"]}"')
        # A dump, not CREATE DATABASE ... TEMPLATE: a template must have no other session, and the live server's
        # thread of an earlier test keeps one open on the test database.
        _copy_postgres(settings_dict, source, settings_dict["NAME"])
    connections.settings[REPLICA] = settings_dict
    # Connect now: Django's test case refuses to open a connection to an alias it was not told about.
    connections[REPLICA].connect()
    yield settings_dict
    connections[REPLICA].close()
    del connections.settings[REPLICA]
    try:
        delattr(connections._connections, REPLICA)
    except AttributeError:
        pass
    if connection.vendor == "postgresql":
        admin.execute(f'DROP DATABASE IF EXISTS "{settings_dict["NAME"]}"')
        admin.close()


def _area_visits(client):
    for alias in ("default", "reports"):
        caches[alias].clear()
    response = client.get("/reports/area/16/")
    assert response.status_code == 200
    return response.context["fig"]["visits"]


def _export_rows(client):
    response = client.get("/reports/exports/visits.csv?codes=1")
    assert response.status_code == 200 and response.streaming
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    return len(list(csv.reader(io.StringIO(body)))) - 1


def test_dashboards_and_exports_read_the_replica_writes_go_to_the_primary(launch, replica, login, dave,  # noqa: F811
                                                                          carol):
    copied = Visit.objects.count()
    assert copied == 7
    # One more visit on the primary only.
    f.visit(launch["homes"][4], carol, f.at(f.dt.date(2023, 12, 8), 10), "met", outreach=launch["outreach"])
    assert Visit.objects.count() == copied + 1
    assert Visit.objects.using(REPLICA).count() == copied

    client = login(dave)
    assert _area_visits(client) == copied  # the replica's figure
    assert _export_rows(client) == copied  # read while streaming, after the view returned
    # The export's audit entry is a write: on the primary, not on the replica.
    assert AuditEntry.objects.filter(action="export.downloaded").count() == 1
    assert AuditEntry.objects.using(REPLICA).filter(action="export.downloaded").count() == 0
    # A page outside the reports reads the primary.
    assert client.get("/visits/").status_code == 200

    connections.settings.pop(REPLICA)  # DATABASE_REPLICA_URL unset: the primary
    try:
        assert _area_visits(client) == copied + 1
        assert _export_rows(client) == copied + 1
    finally:
        connections.settings[REPLICA] = replica


def test_router_sends_reads_to_the_replica_only_inside_report_views(replica):
    router = ReplicaRouter()
    assert router.db_for_read(Visit) is None
    token = context.replica_reads.set(True)
    try:
        assert router.db_for_read(Visit) == REPLICA
        assert router.db_for_write(Visit) == "default"
    finally:
        context.replica_reads.reset(token)
    assert router.allow_migrate(REPLICA, "visits") is False and router.allow_migrate("default", "visits") is True


def test_readyz_checks_the_replica_when_there_is_one(replica, client):
    checks = client.get("/readyz").json()["checks"]
    assert list(checks)[:3] == ["database", "replica", "cache"] and checks["replica"]["status"] == "ok"
    connections.settings.pop(REPLICA)
    try:
        assert "replica" not in client.get("/readyz").json()["checks"]
    finally:
        connections.settings[REPLICA] = replica
