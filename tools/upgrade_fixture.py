"""Build the database fixtures of the upgrade test from an older release.

    .venv/bin/python tools/upgrade_fixture.py [--commit 37847f4] [--postgres postgres://postgres@127.0.0.1:5432/postgres]

Checks the release out in a temporary git worktree, runs ITS code (migrate, the regions of the tests, the demo
data) against a fresh database, and writes into balekdusun/core/tests/fixtures/upgrade/:

  v<version>.sqlite3.gz   the SQLite database, compressed
  v<version>.pg.sql.gz    a plain pg_dump of the same on PostgreSQL (with --postgres, or when one answers on
                          127.0.0.1:5432), without owners or privileges so it loads into any database
  v<version>.json         the release's commit, the row count of every table and how the fixture was made

balekdusun/core/tests/test_upgrade.py loads them into a fresh database, migrates with the current code and
checks that the rollups equal a rebuild and that the main pages serve. Run this tool again at each release
(and keep the older fixtures while upgrades from them are supported).

The release's own code runs in the current virtualenv (its dependencies are a subset of today's); the demo
mode's built-in encryption key seals its text fields, so the test reads them back in demo mode.
"""

import argparse
import gzip
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "balekdusun" / "core" / "tests" / "fixtures" / "upgrade"
RELEASES = {"37847f4": "0.1.0"}

BUILD = """
import json, sys
import balekdusun
assert balekdusun.__file__.startswith(sys.argv[1]), balekdusun.__file__  # the release's code, not today's
import django
django.setup()
from django.apps import apps
from django.core.management import call_command
from conftest import load_test_regions

call_command("migrate", interactive=False, verbosity=0)
load_test_regions()
call_command("demo", "--no-serve", "--skip-regions", verbosity=0, stdout=open("/dev/null", "w"))
counts = {m._meta.db_table: m.objects.count() for m in apps.get_models()}
print(json.dumps(counts))
"""


def run_release(worktree: Path, database_url: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "SECRET_KEY", "FIELD_ENCRYPTION_KEYS",
                                                           "REDIS_URL", "DEBUG", "BALEKDUSUN_MODE"}}
    env.update({"PYTHONPATH": str(worktree), "BALEKDUSUN_MODE": "demo", "DEBUG": "0",
                "DJANGO_SETTINGS_MODULE": "balekdusun.settings", "DATABASE_URL": database_url})
    out = subprocess.run([sys.executable, "-c", BUILD, str(worktree)], cwd=worktree, env=env, capture_output=True,
                         text=True, timeout=1800)
    if out.returncode:
        sys.exit(f"the release's code failed:\n{out.stderr[-4000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def postgres_answers() -> bool:
    with socket.socket() as s:
        s.settimeout(2)
        return s.connect_ex(("127.0.0.1", 5432)) == 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--commit", default="37847f4", help="The release's commit (default: v0.1.0, 37847f4).")
    parser.add_argument("--version", default=None, help="Its version number (known for the commits of RELEASES).")
    parser.add_argument("--postgres", default=None,
                        help="Admin URL of a PostgreSQL server (database `postgres`); default: 127.0.0.1:5432 "
                             "as user postgres when it answers, else no PostgreSQL dump.")
    args = parser.parse_args()
    version = args.version or RELEASES.get(args.commit)
    if not version:
        sys.exit(f"--version: give the version number of {args.commit}")
    admin = args.postgres or ("postgres://postgres@127.0.0.1:5432/postgres" if postgres_answers() else None)

    OUT.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="upgrade-fixture-"))
    worktree = tmp / "release"
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(worktree), args.commit], check=True,
                   capture_output=True)
    try:
        manifest = {"version": version, "commit": subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", args.commit], capture_output=True, text=True,
            check=True).stdout.strip(), "made_by": "tools/upgrade_fixture.py",
            "content": "migrate, the test region set (conftest.load_test_regions), `demo --no-serve --skip-regions`",
            "mode": "demo (the built-in demo encryption key)"}

        sqlite = tmp / "release.sqlite3"
        manifest["rows"] = run_release(worktree, f"sqlite:///{sqlite}")
        import sqlite3

        compact = tmp / "compact.sqlite3"
        with sqlite3.connect(sqlite) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.execute(f"VACUUM INTO '{compact}'")
        with compact.open("rb") as src, gzip.open(OUT / f"v{version}.sqlite3.gz", "wb", compresslevel=9) as dst:
            shutil.copyfileobj(src, dst)
        print(f"wrote {OUT / f'v{version}.sqlite3.gz'}")

        if admin:
            import psycopg

            url = urlsplit(admin)
            name = f"upgrade_fixture_{os.getpid()}"
            with psycopg.connect(admin, autocommit=True) as conn:
                conn.execute(f'CREATE DATABASE "{name}"')
            try:
                target = urlunsplit(url._replace(path="/" + name))
                pg_rows = run_release(worktree, target)
                if pg_rows != manifest["rows"]:
                    sys.exit("the PostgreSQL build differs from the SQLite one: "
                             f"{set(pg_rows.items()) ^ set(manifest['rows'].items())}")
                dump = subprocess.run(["pg_dump", "--no-owner", "--no-privileges", "--no-comments",
                                       "--dbname", target], capture_output=True, check=True).stdout
                with gzip.open(OUT / f"v{version}.pg.sql.gz", "wb", compresslevel=9) as dst:
                    dst.write(dump)
                manifest["postgres"] = subprocess.run(["pg_dump", "--version"], capture_output=True, text=True,
                                                      check=True).stdout.strip()
                print(f"wrote {OUT / f'v{version}.pg.sql.gz'}")
            finally:
                with psycopg.connect(admin, autocommit=True) as conn:
                    conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        (OUT / f"v{version}.json").write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n")
        print(f"wrote {OUT / f'v{version}.json'}")
    finally:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(worktree)], capture_output=True)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
