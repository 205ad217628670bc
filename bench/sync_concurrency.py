"""Many phones at once: one visit per request from 1, 8 and 32 clients, on PostgreSQL and gunicorn.

    .venv/bin/python bench/sync_concurrency.py [--quick] [--postgres ADMIN_URL] [--workers N] [--worker-class K]
                                               [--threads T] [--requests N]

Phones that sync each visit as it is saved send one visit per request. Each client is one officer with his own
token and device, sending pre-encoded pushes of one visit on a kept-alive connection, one request after the other.
Per client count: "bare" visits (form answers only: the fast path) and visits with materials, a sticker and a
follow-up (the effects path: stock ledger, sticker placed, a case opened). Then 500 stored visits are sent again,
one per request from one client (the phone that lost the answers): their server time is the time the gunicorn
worker spent on the request (access log `%(D)s`). Baselines measured in the same run on the same server: `GET
/healthz` (an empty request) at the same client count, and its server time.

Server: gunicorn as in production (`--preload`, DEBUG off), by default 3 workers of class `gthread` with 4 threads
each (see docs/field.md for why). Deadlocks: `pg_stat_database.deadlocks` of the bench database before the server
starts and after it stopped (a backend reports its count when it exits), per client count.
Targets on a 2-core machine: at 8 clients >= 400 accepted visits/s, p99 <= 100 ms, 0 deadlocks; a stored visit
re-sent answered in <= 2 ms of server time (p50).
"""

import json
import os
import random
import sys
import tempfile
import threading
import time
import uuid
from http.client import HTTPConnection
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common  # noqa: E402

VILLAGE = "16.02.08.2017"
CLIENTS = (1, 8, 32)
TOPICS = ["jobs", "legal_procedure", "hotline", "illegal_recruitment", "document_help"]


# --- set-up, in a child process with Django -------------------------------------------------------------------

def _prepare_inside(clients: int, stickers: int) -> None:
    _common.setup_django(os.environ.get("BALEKDUSUN_MODE", "production"))
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    call_command("migrate", verbosity=0)
    from balekdusun.campaigns.models import Campaign, Household, Outreach, OutreachStatus, TeamMember
    from balekdusun.core.models import ApiToken, Office, User
    from balekdusun.core.roles import Role
    from balekdusun.materials import services as materials
    from balekdusun.materials.models import Material
    from balekdusun.regions.models import Area

    for code, level, name in (("16", 1, "SUMATERA SELATAN"), ("16.02", 2, "KAB. OGAN KOMERING ILIR"),
                              ("16.02.08", 3, "Sirah Pulau Padang"), (VILLAGE, 4, "Pematang Buluran")):
        Area.objects.get_or_create(code=code, defaults={"level": level, "name": name,
                                                        "parent_id": code.rsplit(".", 1)[0] if level > 1 else None})
    office = Office.objects.create(name="BP3MI Sumatera Selatan", jurisdiction=["16"])
    coordinator = User.objects.create(username="koordinator", role=Role.COORDINATOR, office=office)
    campaign = Campaign.objects.create(office=office, name="Bench", start_date="2026-01-01")
    outreach = Outreach.objects.create(campaign=campaign, village_id=VILLAGE, date=timezone.localdate(),
                                       status=OutreachStatus.IN_PROGRESS)
    brochure = Material.objects.create(kind="brochure", title="Bekerja ke luar negeri secara resmi")
    materials.receive_stock(office=office, material=brochure, quantity=10_000_000, actor=coordinator)
    tokens, officers = [], []
    for n in range(clients):
        user = User.objects.create(username=f"petugas{n}", role=Role.OFFICER, office=office)
        TeamMember.objects.create(outreach=outreach, user=user)
        _token, key = ApiToken.issue(user=user, name=f"hp-{n}")
        tokens.append(key)
        officers.append(user)
    materials.issue_stock(outreach=outreach, material=brochure, quantity=1_000_000, officer=officers[0],
                          actor=coordinator)
    batch = materials.create_batch(office=office, size=stickers, actor=coordinator)
    materials.issue_stickers(batch=batch, outreach=outreach, count=stickers, actor=coordinator)
    Household.objects.bulk_create([Household(village_id=VILLAGE, address=f"Rumah {n}") for n in range(3000)])
    from balekdusun.reports.rebuild import rebuild

    rebuild()  # the households above were made in bulk, without the service that counts them
    with connection.cursor() as cur:
        cur.execute("ANALYZE")  # planner statistics, as autovacuum keeps them in service
    print(json.dumps({"tokens": tokens, "households": list(Household.objects.values_list("pk", flat=True)),
                      "outreach": outreach.pk, "material": brochure.pk,
                      "codes": list(batch.stickers.values_list("code", flat=True)),
                      "today": timezone.localdate().isoformat()}))


# --- the phones -----------------------------------------------------------------------------------------------

class Visits:
    """Visit records for the run: each household visited once at most, each sticker code used once."""

    def __init__(self, meta: dict):
        self.meta = meta
        self.rng = random.Random(13)
        self.households = list(meta["households"])
        self.codes = list(meta["codes"])
        self.n = 0

    def make(self, *, effects: bool) -> dict:
        i, self.n = self.n, self.n + 1
        outcome = "met" if effects else self.rng.choice(["met", "met", "not_home", "refused", "vacant"])
        data = {"household": self.households[i % len(self.households)], "outreach": self.meta["outreach"],
                "visited_at": f"{self.meta['today']}T{8 + i % 4:02d}:{i % 60:02d}:{(i // 60) % 60:02d}+07:00",
                "outcome": outcome, "latitude": round(-3.3 + self.rng.random() / 100, 6),
                "longitude": round(104.9 + self.rng.random() / 100, 6),
                "met_role": "head" if outcome == "met" else "", "topics": self.rng.sample(TOPICS, 2),
                "migration": {"abroad": [{"country": "MY", "sector": "plantation", "procedural": False,
                                          "year": 2022}] if i % 3 == 0 else [], "returnees": i % 2, "planning": []}}
        if outcome == "met":
            data["knowledge"] = {"legal_procedure": bool(i % 2), "hotline": bool(i % 3), "warning_signs": True}
        if effects:
            data["materials"] = [{"material_id": self.meta["material"], "quantity": 1 + i % 2}]
            data["sticker_code"] = self.codes.pop()
            data["followups"] = [{"kind": "broker_report", "note": "Ada calo menawarkan kerja ke Malaysia"}]
        return {"type": "visit", "uuid": str(uuid.UUID(int=self.rng.getrandbits(128), version=4)), "data": data}


def push_body(record: dict, client: int) -> bytes:
    return json.dumps({"records": [record], "device": {"id": f"hp-{client}", "pending": 1, "failing": 0,
                                                        "app_version": "bench"}}).encode()


def drive(port: int, clients: int, work: list[list], tokens: list[str], *, method: str = "POST",
          path: str = "/api/v1/sync/push") -> dict:
    """Each client sends its list of bodies one after the other; returns wall time, latencies, statuses."""
    latencies: list[float] = []
    statuses: dict[str, int] = {}
    errors: list[str] = []
    lock = threading.Lock()
    barrier = threading.Barrier(clients + 1)

    def client(n: int):
        conn = HTTPConnection("127.0.0.1", port, timeout=120)
        headers = {"Authorization": f"Bearer {tokens[n]}", "Content-Type": "application/json"}
        mine, counts = [], {}
        barrier.wait()
        for body in work[n]:
            started = time.perf_counter()
            try:
                conn.request(method, path, body=body, headers=headers)
                res = conn.getresponse()
                payload = res.read()
            except ConnectionError:  # a kept-alive connection the server closed meanwhile: open another
                conn.close()
                conn = HTTPConnection("127.0.0.1", port, timeout=120)
                conn.request(method, path, body=body, headers=headers)
                res = conn.getresponse()
                payload = res.read()
            mine.append(time.perf_counter() - started)
            if res.status != 200:
                with lock:
                    errors.append(f"HTTP {res.status}: {payload[:200]!r}")
                continue
            if method == "POST":
                for r in json.loads(payload)["results"]:
                    counts[r["status"]] = counts.get(r["status"], 0) + 1
            else:
                counts["ok"] = counts.get("ok", 0) + 1
            if res.getheader("Connection", "").lower() == "close":
                conn.close()
                conn = HTTPConnection("127.0.0.1", port, timeout=120)
        conn.close()
        with lock:
            latencies.extend(mine)
            for k, v in counts.items():
                statuses[k] = statuses.get(k, 0) + v

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for t in threads:
        t.start()
    barrier.wait()
    started = time.perf_counter()
    for t in threads:
        t.join()
    wall = time.perf_counter() - started
    if errors:
        raise SystemExit(f"{len(errors)} failed requests, e.g. {errors[:3]}")
    return {"wall": wall, "latencies": latencies, "statuses": statuses}


def server_times(log: Path, path: str, method: str = "POST") -> list[float]:
    """Server time (ms) of each logged request to `path`, from the access log; the log is emptied."""
    out = []
    for line in log.read_text().splitlines():
        parts = line.split()
        if len(parts) == 4 and parts[2] == method and parts[3] == path:
            out.append(int(parts[1]) / 1000)
    log.write_text("")
    return out


# --- the run --------------------------------------------------------------------------------------------------

def run(url: str, args, requests: int) -> tuple[list[dict], dict]:
    env = _common.production_env(url)
    stickers = requests * len(CLIENTS) + 10
    meta = _common.run_child(__file__, "--prepare", env, str(max(CLIENTS)), str(stickers))
    visits = Visits(meta)
    tokens = meta["tokens"]
    figures, detail = [], {}
    stored_bodies: list[bytes] = []
    log = Path(tempfile.mkstemp(suffix=".log")[1])
    try:
        for clients in CLIENTS:
            per_client = max(1, requests // clients)
            before = _common.pg_deadlocks(url)
            with _common.gunicorn(env, workers=args.workers, worker_class=args.worker_class, threads=args.threads,
                                  access_log=log) as (port, _server):
                # Warm every worker (imports, the database connection, prepared statements), then the baseline.
                drive(port, clients, [[b""] * 20 for _ in range(clients)], tokens, method="GET", path="/healthz")
                base = drive(port, clients, [[b""] * per_client for _ in range(clients)], tokens, method="GET",
                             path="/healthz")
                base_rate = clients * per_client / base["wall"]
                for kind in ("bare", "effects"):
                    records = [[visits.make(effects=kind == "effects") for _ in range(per_client)]
                               for _ in range(clients)]
                    work = [[push_body(r, n) for r in records[n]] for n in range(clients)]
                    if kind == "bare":
                        stored_bodies += [push_body(r, 0) for rs in records for r in rs]
                    res = drive(port, clients, work, tokens)
                    sent = clients * per_client
                    assert res["statuses"] == {"created": sent}, res["statuses"]
                    rate = sent / res["wall"]
                    p50 = _common.percentile(res["latencies"], 50) * 1000
                    p99 = _common.percentile(res["latencies"], 99) * 1000
                    st = server_times(log, "/api/v1/sync/push")
                    label = f"{clients} client{'s' if clients > 1 else ''}, {kind}"
                    print(f"{label}: {rate:,.0f} visits/s, p50 {p50:.1f} ms, p99 {p99:.1f} ms "
                          f"(server p50 {_common.percentile(st, 50):.1f} ms)")
                    target = clients == 8
                    figures += [
                        _common.figure(f"{label}: accepted visits", rate, "/s", baseline=base_rate,
                                       target=">= 400" if target else "", ok=rate >= 400 if target else None),
                        _common.figure(f"{label}: latency p50", p50, "ms"),
                        _common.figure(f"{label}: latency p99", p99, "ms", target="<= 100" if target else "",
                                       ok=p99 <= 100 if target else None),
                        _common.figure(f"{label}: server time p50", _common.percentile(st, 50), "ms"),
                    ]
                    detail[label] = {"visits": sent, "wall_s": round(res["wall"], 3), "rate": round(rate, 1),
                                     "p50_ms": round(p50, 2), "p99_ms": round(p99, 2)}
                if clients == 1:
                    # The phone that lost its answers sends 500 stored visits again, one per request.
                    again = (stored_bodies * (1 + 500 // max(1, len(stored_bodies))))[:500]
                    server_times(log, "/healthz", "GET")
                    res = drive(port, 1, [again], tokens)
                    assert res["statuses"] == {"duplicate": len(again)}, res["statuses"]
                    st = server_times(log, "/api/v1/sync/push")
                    drive(port, 1, [[b""] * 200], tokens, method="GET", path="/healthz")
                    empty = server_times(log, "/healthz", "GET")
                    st50, st99 = _common.percentile(st, 50), _common.percentile(st, 99)
                    print(f"500 stored visits re-sent: {res['wall']:.2f} s, server p50 {st50:.2f} ms, p99 {st99:.2f} ms")
                    figures += [
                        _common.figure("500 stored visits re-sent, one per request: total", res["wall"], "s"),
                        _common.figure("stored visit re-sent: server time p50", st50, "ms",
                                       baseline=_common.percentile(empty, 50), target="<= 2", ok=st50 <= 2),
                        _common.figure("stored visit re-sent: server time p99", st99, "ms",
                                       baseline=_common.percentile(empty, 99)),
                    ]
            time.sleep(0.5)  # the workers' backends report their statistics as they exit
            deadlocks = _common.pg_deadlocks(url) - before
            figures.append(_common.figure(f"{clients} client{'s' if clients > 1 else ''}: deadlocks", deadlocks, "",
                                          target="0", ok=deadlocks == 0))
    finally:
        log.unlink(missing_ok=True)
    return figures, detail


def main() -> None:
    p = _common.parser(__doc__.split("\n\n")[0])
    p.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432/postgres",
                   help="server to create (and drop) the bench_sync_concurrency database on")
    p.add_argument("--workers", type=int, default=3)
    p.add_argument("--worker-class", default="gthread")
    p.add_argument("--threads", type=int, default=4)
    p.add_argument("--requests", type=int, default=None, help="visits per client count and kind")
    p.add_argument("--prepare", nargs=2, help=_hidden())
    args = p.parse_args()
    if args.prepare:
        return _prepare_inside(int(args.prepare[0]), int(args.prepare[1]))
    requests = args.requests or (96 if args.quick else 640)
    with _common.postgres_database(args.postgres, "bench_sync_concurrency") as url:
        if url is None:
            raise SystemExit("this benchmark needs PostgreSQL")
        with _common.timer() as took:
            figures, detail = run(url, args, requests)
    _common.report("sync_concurrency" + (".quick" if args.quick else ""), figures, requests=requests,
                   server={"workers": args.workers, "worker_class": args.worker_class, "threads": args.threads},
                   runs=detail, seconds=round(took(), 1))


def _hidden():
    import argparse

    return argparse.SUPPRESS


if __name__ == "__main__":
    main()
