"""Upgrades: a database made by an older release (fixtures/upgrade/, built by tools/upgrade_fixture.py from its
own code with the demo data) migrates to the current code; then the dashboard rollups equal a rebuild from the raw
rows, no row is lost and the main pages serve. On SQLite always, on PostgreSQL when DATABASE_URL is PostgreSQL."""

import gzip
import json
import shutil
from pathlib import Path

import pytest

from balekdusun.core.tests import production

pytestmark = [pytest.mark.xdist_group("production")]
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "upgrade"
RELEASES = sorted(path.name.removesuffix(".json") for path in FIXTURES.glob("v*.json"))
# Tables whose rows a migration may legitimately add (new models' permissions and types) or that are checked
# otherwise (the rollups, against a rebuild).
COUNTS_MAY_CHANGE = {"auth_permission", "django_content_type", "django_migrations", "reports_rollupcounter",
                     "django_session"}

CHECK = """
import json
from django.apps import apps
from django.core.management import call_command
from django.test import Client
from balekdusun.core.models import User
from balekdusun.reports.tests.factories import snapshot

from django.db.migrations.recorder import MigrationRecorder
applied = [MigrationRecorder.Migration.objects.count()]
call_command("migrate", interactive=False, verbosity=0)
applied.append(MigrationRecorder.Migration.objects.count())
counts = {m._meta.db_table: m.objects.count() for m in apps.get_models()}
kept = snapshot()
call_command("rebuild_rollups", verbosity=0)
rebuilt = snapshot()
pages = {}
for username, paths in {
    "kepala.sumsel": ["/", "/reports/", "/reports/exports/", "/planning/", "/planning/outreach/", "/visits/",
                      "/cases/", "/materials/", "/audit/", "/users/"],
    "koordinator.sumsel": ["/planning/migration/", "/planning/campaigns/"],
    "petugas.sumsel": ["/field/"],
    "admin": ["/admin/"],
}.items():
    client = Client()
    client.force_login(User.objects.get(username=username))
    for path in paths:
        pages[f"{username} {path}"] = client.get(path, follow=True).status_code
client = Client()
for path in ["/portal/", "/healthz", "/accounts/login/"]:
    pages[f"anonymous {path}"] = client.get(path).status_code
print(json.dumps({"applied": applied, "counts": counts, "kept": len(kept), "same": kept == rebuilt,
                  "differ": sorted(str(k) for k in set(kept.items()) ^ set(rebuilt.items()))[:10], "pages": pages}))
"""


def load_postgres_dump(database_url: str, dump: Path) -> None:
    """Run a plain pg_dump script through psycopg (no psql needed): statements as they come, each COPY block
    through the COPY protocol; psql's own commands (lines starting with a backslash) are skipped."""
    import psycopg

    with psycopg.connect(database_url, autocommit=True) as conn, gzip.open(dump, "rt", encoding="utf-8") as lines:
        statements: list[str] = []
        for line in lines:
            if line.startswith("COPY ") and line.rstrip().endswith("FROM stdin;"):
                if statements:
                    conn.execute("".join(statements))
                    statements = []
                with conn.cursor().copy(line.rstrip().rstrip(";")) as copy:
                    for row in lines:
                        if row == "\\.\n":
                            break
                        copy.write(row)
            elif not line.startswith("\\"):
                statements.append(line)
        if "".join(statements).strip():
            conn.execute("".join(statements))


# The engine of this run: CI runs the suite once on SQLite and once with DATABASE_URL on PostgreSQL.
ENGINE = "postgresql" if production.on_postgres() else "sqlite"


@pytest.mark.parametrize("release", RELEASES)
def test_an_older_release_upgrades(release, tmp_path):
    manifest = json.loads((FIXTURES / f"{release}.json").read_text())
    with production.scratch_database(tmp_path, "upgrade") as url:
        if ENGINE == "sqlite":
            with gzip.open(FIXTURES / f"{release}.sqlite3.gz", "rb") as src, \
                    Path(url.removeprefix("sqlite:///")).open("wb") as dst:
                shutil.copyfileobj(src, dst)
        else:
            load_postgres_dump(url, FIXTURES / f"{release}.pg.sql.gz")
        # The release sealed its text with the demo mode's built-in key (tools/upgrade_fixture.py).
        env = production.environment(tmp_path, url, BALEKDUSUN_MODE="demo", BEHIND_PROXY="0",
                                     ALLOWED_HOSTS="testserver", OTP_REQUIRED_ROLES="")
        for key in ("SECRET_KEY", "FIELD_ENCRYPTION_KEYS", "STATIC_ROOT"):
            env.pop(key)
        result = json.loads(production.run_python(env, CHECK).strip().splitlines()[-1])

    # The current code has migrations the release did not: the upgrade applied them.
    before, after = result["applied"]
    assert before > 30 and after > before
    assert result["kept"] > 100, "the fixture holds rollups"
    assert result["same"], f"rollups differ from a rebuild after the upgrade: {result['differ']}"
    lost = {table: (before, result["counts"].get(table)) for table, before in manifest["rows"].items()
            if table not in COUNTS_MAY_CHANGE and result["counts"].get(table) != before}
    assert lost == {}, "rows changed in the upgrade (table: before, after)"
    assert manifest["rows"]["visits_visit"] > 0 and manifest["rows"]["cases_case"] > 0
    assert {page: status for page, status in result["pages"].items() if status != 200} == {}


def test_the_fixtures_name_their_release():
    assert "v0.1.0" in RELEASES
    for release in RELEASES:
        manifest = json.loads((FIXTURES / f"{release}.json").read_text())
        assert f"v{manifest['version']}" == release and len(manifest["commit"]) == 40
        assert (FIXTURES / f"{release}.sqlite3.gz").exists() and (FIXTURES / f"{release}.pg.sql.gz").exists()
