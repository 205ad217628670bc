"""Sync ingest: visits pushed in batches of 500 over HTTP to gunicorn, against a raw `executemany` of the same
rows into the same table of the same database in the same run; on SQLite and on PostgreSQL.

    .venv/bin/python bench/sync_ingest.py [--quick] [--visits N] [--postgres URL] [--no-postgres]

100,000 visits (10,000 with --quick). The server runs as in production (gunicorn, production mode, DEBUG off),
with 2 sync workers; two client threads send pre-encoded batches (encoding is the phone's work, not the
server's). Visits carry the usual form answers (topics, migration profile, knowledge check), no materials,
sticker or follow-ups (those add their own ledger rows). Every visit goes through validation, content hashing,
the duplicate/conflict lookup and the reports rollup. Target: at least 0.3 of the raw rate.
Peak server memory: the largest sum of resident memory of the gunicorn master and workers, sampled every 0.2 s.
"""

import json
import os
import random
import secrets
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from http.client import HTTPConnection
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common  # noqa: E402
from cryptography.fernet import Fernet  # noqa: E402

BATCH = 500
WORKERS = 2
VILLAGE = "16.02.08.2017"
TOPICS = ["jobs", "legal_procedure", "hotline", "illegal_recruitment", "document_help"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _rss_mb(root_pid: int) -> float:
    """Resident memory of a process and all its children, in MB (from /proc)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    total, todo = 0, [root_pid]
    while todo:
        pid = todo.pop()
        todo += children.get(pid, [])
        try:
            with open(f"/proc/{pid}/status") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def prepare(env: dict) -> dict:
    """Migrate, then create the office, officer, outreach day and households (in a child process)."""
    out = subprocess.run([sys.executable, __file__, "--prepare"], env=env, capture_output=True, text=True)
    if out.returncode:
        raise SystemExit(out.stderr[-3000:])
    return json.loads(out.stdout.strip().splitlines()[-1])


def _prepare_inside() -> None:
    _common.setup_django(os.environ.get("BALEKDUSUN_MODE", "production"))
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from balekdusun.campaigns.models import Campaign, Household, Outreach, TeamMember
    from balekdusun.core.models import ApiToken, Office, User
    from balekdusun.core.roles import Role
    from balekdusun.regions.models import Area

    for code, level, name in (("16", 1, "SUMATERA SELATAN"), ("16.02", 2, "KAB. OGAN KOMERING ILIR"),
                              ("16.02.08", 3, "Sirah Pulau Padang"), (VILLAGE, 4, "Pematang Buluran")):
        Area.objects.get_or_create(code=code, defaults={"level": level, "name": name,
                                                        "parent_id": code.rsplit(".", 1)[0] if level > 1 else None})
    office, _ = Office.objects.get_or_create(name="BP3MI Sumatera Selatan", defaults={"jurisdiction": ["16"]})
    user, _ = User.objects.get_or_create(username="bench", defaults={"role": Role.OFFICER, "office": office})
    campaign, _ = Campaign.objects.get_or_create(office=office, name="Bench", defaults={"start_date": "2026-01-01"})
    outreach, _ = Outreach.objects.get_or_create(campaign=campaign, village_id=VILLAGE, date="2026-01-05")
    TeamMember.objects.get_or_create(outreach=outreach, user=user)
    if not Household.objects.exists():
        Household.objects.bulk_create([Household(village_id=VILLAGE, address=f"Rumah {n}") for n in range(2000)])
    _token, key = ApiToken.issue(user=user, name="bench")
    # Planner statistics, as a database in service has them (autovacuum on PostgreSQL): without them PostgreSQL
    # guesses the freshly filled tables are empty and scans them.
    from django.db import connection

    with connection.cursor() as cur:
        cur.execute("ANALYZE")
    ids = list(Household.objects.values_list("pk", flat=True))
    print(json.dumps({"token": key, "households": ids, "outreach": outreach.pk, "officer": user.pk}))


def make_visits(n: int, households: list[int], outreach: int) -> list[dict]:
    rng = random.Random(7)
    out = []
    for i in range(n):
        outcome = rng.choice(["met", "met", "met", "not_home", "refused", "vacant"])
        data = {"household": households[i % len(households)], "outreach": outreach,
                "visited_at": f"2026-01-05T{8 + i % 9:02d}:{i % 60:02d}:{(i // 60) % 60:02d}+07:00",
                "outcome": outcome, "latitude": round(-3.3 + rng.random() / 100, 6),
                "longitude": round(104.9 + rng.random() / 100, 6),
                "met_role": "head" if outcome == "met" else "", "topics": rng.sample(TOPICS, 2),
                "migration": {"abroad": [{"country": "MY", "sector": "plantation", "procedural": False,
                                          "year": 2022}] if i % 3 == 0 else [],
                              "returnees": i % 2, "planning": []}}
        if outcome == "met":
            data["knowledge"] = {"legal_procedure": bool(i % 2), "hotline": bool(i % 3), "warning_signs": True}
        out.append({"type": "visit", "uuid": str(uuid.UUID(int=rng.getrandbits(128), version=4)), "data": data})
    return out


def http_run(port: int, token: str, bodies: list[bytes], server_pid: int) -> tuple[float, float, dict]:
    statuses: dict = {}
    lock = threading.Lock()
    queue = list(enumerate(bodies))
    peak = {"mb": 0.0}
    stop = threading.Event()

    def sample():
        while not stop.is_set():
            peak["mb"] = max(peak["mb"], _rss_mb(server_pid))
            time.sleep(0.2)

    def client():
        conn = HTTPConnection("127.0.0.1", port, timeout=300)
        while True:
            with lock:
                if not queue:
                    break
                _i, body = queue.pop(0)
            conn.request("POST", "/api/v1/sync/push", body=body, headers={
                "Authorization": f"Bearer {token}", "Content-Type": "application/json"})
            res = conn.getresponse()
            payload = res.read()
            if res.status != 200:
                raise RuntimeError(f"HTTP {res.status}: {payload[:300]!r}")
            counts: dict = {}
            for r in json.loads(payload)["results"]:
                counts[r["status"]] = counts.get(r["status"], 0) + 1
            with lock:
                for k, v in counts.items():
                    statuses[k] = statuses.get(k, 0) + v
        conn.close()

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    start = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(WORKERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - start
    stop.set()
    sampler.join()
    return elapsed, peak["mb"], statuses


def raw_run(env: dict, visits: list[dict], meta: dict) -> tuple[float, float]:
    """Delete what the HTTP run stored and insert the same rows with executemany (child process)."""
    path = Path(tempfile.mkstemp(suffix=".json")[1])
    path.write_text(json.dumps({"visits": visits, "meta": meta}))
    try:
        out = subprocess.run([sys.executable, __file__, "--raw", str(path)], env=env, capture_output=True, text=True)
    finally:
        path.unlink()
    if out.returncode:
        raise SystemExit(out.stderr[-3000:])
    raw, service = out.stdout.strip().splitlines()[-1].split()
    return float(raw), float(service)


def _raw_inside(path: str) -> None:
    _common.setup_django(os.environ.get("BALEKDUSUN_MODE", "production"))
    from django.db import connection, transaction
    from django.utils import timezone

    from balekdusun.visits.models import Visit
    from balekdusun.visits.schemas import VisitIn, content_hash

    spec = json.loads(Path(path).read_text())
    meta = spec["meta"]
    now = timezone.now()
    rows = []
    for rec in spec["visits"]:
        model = VisitIn.model_validate(rec["data"])
        rows.append((rec["uuid"] if connection.vendor == "postgresql" else rec["uuid"].replace("-", ""),
                     rec["data"]["household"], VILLAGE, meta["outreach"], meta["officer"], model.visited_at,
                     model.outcome, model.latitude, model.longitude, json.dumps(model.data()),
                     content_hash("visit", model), now))
    table = Visit._meta.db_table
    cols = "uuid, household_id, village_id, outreach_id, officer_id, visited_at, outcome, latitude, longitude, " \
           "data, content_hash, received_at"
    sql = f"INSERT INTO {table} ({cols}) VALUES ({', '.join(['%s'] * 12)})"
    with connection.cursor() as cur:
        cur.execute(f"DELETE FROM {table}")
    start = time.perf_counter()
    for i in range(0, len(rows), BATCH):
        with transaction.atomic(), connection.cursor() as cur:
            cur.executemany(sql, rows[i:i + BATCH])
    elapsed = time.perf_counter() - start
    assert Visit.objects.count() == len(rows)

    # Diagnostic: the push service itself, in-process, with the reports rollup switched off.
    from balekdusun.core.models import User
    from balekdusun.reports import rollups
    from balekdusun.visits import services

    with connection.cursor() as cur:
        cur.execute(f"DELETE FROM {table}")
    rollups.visit_recorded = lambda visit: None
    rollups.visits_recorded = lambda visits, **kw: None
    rollups.first_visits = lambda households, **kw: {}
    user = User.objects.get(pk=meta["officer"])
    start = time.perf_counter()
    for i in range(0, len(spec["visits"]), BATCH):
        services.push(user=user, records=spec["visits"][i:i + BATCH])
    service_elapsed = time.perf_counter() - start
    assert Visit.objects.count() == len(rows)
    print(elapsed, service_elapsed)


def run_db(label: str, url: str, n: int) -> list[dict]:
    env = {**os.environ, "DATABASE_URL": url, "BALEKDUSUN_MODE": "production", "DEBUG": "0",
           # Production settings must pass the project's checks (core/checks.py) or the server refuses to start.
           "SECRET_KEY": secrets.token_urlsafe(50), "FIELD_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
           "SECURE_COOKIES": "0", "PYTHONPATH": str(_common.ROOT)}
    meta = prepare(env)
    visits = make_visits(n, meta["households"], meta["outreach"])
    bodies = [json.dumps({"records": visits[i:i + BATCH]}).encode() for i in range(0, n, BATCH)]
    port = _free_port()
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "balekdusun.wsgi", "-w", str(WORKERS), "-b",
         f"127.0.0.1:{port}", "--timeout", "300", "--log-level", "warning", "--preload"],
        env=env, cwd=_common.ROOT)
    try:
        # The app is loaded before the workers fork (--preload, as the README runs it); wait until they answer.
        for _ in range(300):
            try:
                conn = HTTPConnection("127.0.0.1", port, timeout=5)
                conn.request("GET", "/healthz")
                if conn.getresponse().status == 200:
                    break
            except OSError:
                time.sleep(0.1)
        elapsed, peak_mb, statuses = http_run(port, meta["token"], bodies, server.pid)
        # Sending the first batch again stores nothing new.
        _e, _p, again = http_run(port, meta["token"], bodies[:1], server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert statuses.get("created") == n, statuses
    assert again == {"duplicate": min(BATCH, n)}, again
    raw, service = raw_run(env, visits, meta)
    http_rate, raw_rate = n / elapsed, n / raw
    print(f"{label}: HTTP {http_rate:,.0f} visits/s, raw {raw_rate:,.0f} rows/s, peak server {peak_mb:.0f} MB")
    return [
        _common.figure(f"{label}: visits ingested over HTTP", http_rate, "rows/s", baseline=raw_rate,
                       target="ratio >= 0.3", ok=http_rate / raw_rate >= 0.3),
        _common.figure(f"{label}: raw executemany", raw_rate, "rows/s"),
        _common.figure(f"{label}: diagnostic, push service in-process, rollups off", n / service, "rows/s",
                       baseline=raw_rate),
        _common.figure(f"{label}: peak server memory (master + {WORKERS} workers)", peak_mb, "MB"),
    ]


def main() -> None:
    p = _common.parser(__doc__.split("\n\n")[0])
    p.add_argument("--visits", type=int, default=None)
    p.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432/postgres",
                   help="server to create (and drop) the bench_sync database on")
    p.add_argument("--no-postgres", action="store_true")
    p.add_argument("--prepare", action="store_true", help=argparse_hidden())
    p.add_argument("--raw", help=argparse_hidden())
    args = p.parse_args()
    if args.prepare:
        return _prepare_inside()
    if args.raw:
        return _raw_inside(args.raw)
    n = args.visits or (10_000 if args.quick else 100_000)
    figures = []
    with tempfile.TemporaryDirectory() as tmp:
        figures += run_db("SQLite", f"sqlite:///{tmp}/bench_sync.sqlite3", n)
    if not args.no_postgres:
        figures += _with_postgres(args.postgres, n)
    _common.report("sync_ingest", figures, visits=n, batch=BATCH, workers=WORKERS)


def _with_postgres(admin_url: str, n: int) -> list[dict]:
    import psycopg

    try:
        admin = psycopg.connect(admin_url.replace("postgres://", "postgresql://"), autocommit=True)
    except psycopg.OperationalError as exc:
        print(f"PostgreSQL not reachable ({exc}); skipped")
        return []
    base = admin_url.rsplit("/", 1)[0]
    with admin:
        admin.execute("DROP DATABASE IF EXISTS bench_sync")
        admin.execute("CREATE DATABASE bench_sync")
        try:
            return run_db("PostgreSQL", f"{base}/bench_sync", n)
        finally:
            admin.execute("DROP DATABASE IF EXISTS bench_sync WITH (FORCE)")


def argparse_hidden():
    import argparse

    return argparse.SUPPRESS


if __name__ == "__main__":
    main()
