"""Faults while a phone pushes: workers killed mid-request and database connections cut, nothing lost or doubled.

    .venv/bin/python bench/faults.py [--quick] [--visits N] [--postgres ADMIN_URL]

gunicorn with 2 sync workers on PostgreSQL (a database of its own, created on the server of ADMIN_URL and dropped
afterwards). A client pushes 20,000 visits (2,000 with --quick) in batches of 100, one visit in ten with
materials, a sticker and a follow-up (stock ledger rows, a sticker placed, a case). Meanwhile the script, in turn,
kills a worker with SIGKILL while a request is in flight (gunicorn starts another) and terminates every database
backend of the bench database with `pg_terminate_backend` (the server's connections die mid-statement; Django
opens new ones). The client does what the field app does: a batch whose request failed (connection reset, 5xx)
is sent again later, records answered `invalid` with a retry message stay in its outbox and go again, and
`created`/`duplicate` leave it.

At the end the books are checked in the database: every visit sent is stored (lost = sent - stored), none twice
(duplicated = visits, hand-out ledger rows, placed stickers or cases beyond one per visit), a last re-send of
everything answers `duplicate` for all, and the rollup counters equal a rebuild from the raw rows
(`reports.rebuild.compute`). Exits non-zero unless lost = 0, duplicated = 0 and the rollups agree.
"""

import json
import os
import random
import signal
import sys
import threading
import time
from http.client import HTTPConnection
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common  # noqa: E402
import sync_concurrency  # noqa: E402

BATCH = 100
WORKERS = 2
EFFECTS_EVERY = 10
# The words of the two `invalid` answers a plain retry cures (visits/services.py), in Indonesian (the default).
RETRY = "dicoba lagi"


def _check_inside(sent_path: str) -> None:
    """The books, read in the database: lost, duplicated, rollups against a rebuild."""
    _common.setup_django(os.environ.get("BALEKDUSUN_MODE", "production"))
    from uuid import UUID

    from django.db.models import Count

    from balekdusun.cases.models import Case
    from balekdusun.materials.models import Sticker, StockMove
    from balekdusun.reports import rebuild
    from balekdusun.reports.models import RollupCounter
    from balekdusun.visits.models import Visit

    sent = {UUID(u) for u in json.loads(Path(sent_path).read_text())}
    stored = list(Visit.objects.values_list("uuid", flat=True))
    handouts = StockMove.objects.filter(kind="handed_out", visit__isnull=False).values("visit", "material").annotate(
        n=Count("id")).filter(n__gt=1).count()
    stickers = Sticker.objects.filter(placed_by_visit__isnull=False).values("placed_by_visit").annotate(
        n=Count("id")).filter(n__gt=1).count()
    cases = Case.objects.filter(visit__isnull=False).values("visit", "kind").annotate(n=Count("id")).filter(
        n__gt=1).count()
    incremental = {(r.area_code, r.period, r.key): r.value for r in RollupCounter.objects.exclude(value=0)}
    rebuilt = {(a, d, k): v for (a, _p, _l, d, k), v in rebuild.compute().rows().items() if v}
    wrong = [str(key) for key in set(incremental) | set(rebuilt) if incremental.get(key) != rebuilt.get(key)]
    print(json.dumps({"stored": len(stored), "lost": len(sent - set(stored)), "unknown": len(set(stored) - sent),
                      "duplicated": (len(stored) - len(set(stored))) + handouts + stickers + cases,
                      "duplicated_detail": {"visits": len(stored) - len(set(stored)), "handouts": handouts,
                                            "stickers": stickers, "cases": cases},
                      "rollup_rows": len(incremental), "rollups_wrong": len(wrong), "rollups_wrong_sample": wrong[:5],
                      "cases": Case.objects.filter(visit__isnull=False).count()}))


class Phone:
    """The client: an outbox of batches, sent again until every record is created or duplicate."""

    def __init__(self, port: int, token: str, records: list[dict]):
        self.port, self.token = port, token
        self.outbox = [records[i:i + BATCH] for i in range(0, len(records), BATCH)]
        self.counts = {"created": 0, "duplicate": 0, "conflict": 0, "invalid_retried": 0, "failed_requests": 0}
        self.in_flight = threading.Event()
        self.invalid_other: list = []

    def send(self, batch: list[dict]) -> list[dict] | None:
        body = json.dumps({"records": batch, "device": {"id": "hp-faults", "pending": len(batch)}}).encode()
        try:
            conn = HTTPConnection("127.0.0.1", self.port, timeout=60)
            self.in_flight.set()
            conn.request("POST", "/api/v1/sync/push", body=body, headers={
                "Authorization": f"Bearer {self.token}", "Content-Type": "application/json"})
            res = conn.getresponse()
            payload = res.read()
            conn.close()
        except OSError:
            return None
        finally:
            self.in_flight.clear()
        if res.status != 200:
            return None
        return json.loads(payload)["results"]

    def run(self) -> None:
        while self.outbox:
            batch = self.outbox.pop(0)
            results = self.send(batch)
            if results is None:
                self.counts["failed_requests"] += 1
                self.outbox.append(batch)  # the field app keeps it and retries
                time.sleep(0.05)
                continue
            again = []
            for record, result in zip(batch, results, strict=True):
                status = result["status"]
                if status in ("created", "duplicate", "conflict"):
                    self.counts[status] += 1
                elif any(RETRY in e.get("message", "") for e in result.get("errors", [])):
                    # "Could not be stored; will retry." / "... it will be retried.": a database fault.
                    self.counts["invalid_retried"] += 1
                    again.append(record)
                else:
                    self.invalid_other.append(result)
            if again:
                self.outbox.append(again)


def _workers(master: int) -> list[int]:
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    if int(fh.read().rsplit(")", 1)[1].split()[1]) == master:
                        out.append(int(entry))
            except (OSError, IndexError, ValueError):
                pass
    return out


def inject(phone: Phone, master: int, url: str, stop: threading.Event, every: float, faults: dict) -> None:
    """Alternately kill a worker mid-request and terminate the bench database's backends."""
    import psycopg

    rng = random.Random(5)
    admin = psycopg.connect(url.replace("postgres://", "postgresql://"), autocommit=True)
    turn = 0
    while not stop.wait(every):
        if not phone.in_flight.wait(5):
            continue
        time.sleep(rng.uniform(0.0, 0.05))  # somewhere inside the request
        if turn % 2 == 0:
            workers = _workers(master)
            if workers:
                os.kill(rng.choice(workers), signal.SIGKILL)
                faults["workers_killed"] += 1
        else:
            n = admin.execute("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                              "WHERE datname = current_database() AND pid <> pg_backend_pid()").fetchone()[0]
            faults["db_terminations"] += 1
            faults["backends_terminated"] += n
        turn += 1
    admin.close()


def run(url: str, n: int) -> tuple[list[dict], dict]:
    # The server logs each fault it survives with its traceback; only the figures matter here.
    env = {**_common.production_env(url), "LOG_LEVEL": "CRITICAL"}
    meta = _common.run_child(sync_concurrency.__file__, "--prepare", env, "1", str(n // EFFECTS_EVERY + 10))
    visits = sync_concurrency.Visits(meta)
    records = [visits.make(effects=i % EFFECTS_EVERY == 0) for i in range(n)]
    faults = {"workers_killed": 0, "db_terminations": 0, "backends_terminated": 0}
    with _common.gunicorn(env, workers=WORKERS, timeout=60) as (port, server), _common.timer() as took:
        phone = Phone(port, meta["tokens"][0], records)
        stop = threading.Event()
        injector = threading.Thread(target=inject, args=(phone, server.pid, url, stop, 1.0 if n <= 5000 else 2.0,
                                                         faults))
        injector.start()
        try:
            phone.run()
        finally:
            stop.set()
            injector.join()
        push_seconds = took()
        # Everything once more, without faults: each record must be known.
        _common.wait_ready(port)
        final = Phone(port, meta["tokens"][0], records)
        final.run()
    sent_path = Path(_common.RESULTS) / ".faults-sent.json"
    sent_path.write_text(json.dumps([r["uuid"] for r in records]))
    try:
        books = _common.run_child(__file__, "--check", env, str(sent_path))
    finally:
        sent_path.unlink(missing_ok=True)
    c = phone.counts
    print(f"{n} visits in {push_seconds:.1f} s; faults {faults}; answers {c}; books {books}")
    ok_lost, ok_dup = books["lost"] == 0, books["duplicated"] == 0
    ok_final = final.counts["duplicate"] == n
    ok_rollups = books["rollups_wrong"] == 0
    figures = [
        _common.figure("visits sent", n, ""),
        _common.figure("created", c["created"], ""),
        _common.figure("duplicate (answered to a retry)", c["duplicate"], ""),
        _common.figure("conflict", c["conflict"], "", target="0", ok=c["conflict"] == 0),
        _common.figure("records invalid for a fault, sent again", c["invalid_retried"], ""),
        _common.figure("records invalid otherwise", len(phone.invalid_other), "", target="0",
                       ok=not phone.invalid_other),
        _common.figure("failed requests, batch sent again", c["failed_requests"], ""),
        _common.figure("workers killed mid-request", faults["workers_killed"], ""),
        _common.figure("database backends terminated", faults["backends_terminated"], ""),
        _common.figure("lost", books["lost"], "", target="0", ok=ok_lost),
        _common.figure("duplicated (visits, hand-outs, stickers, cases)", books["duplicated"], "", target="0",
                       ok=ok_dup),
        _common.figure("final re-send of everything answered duplicate", final.counts["duplicate"], "",
                       target=f"= {n}", ok=ok_final),
        _common.figure("rollup counters differing from a rebuild", books["rollups_wrong"], "", target="0",
                       ok=ok_rollups),
        _common.figure("push time with faults", push_seconds, "s", baseline=None),
    ]
    ok = ok_lost and ok_dup and ok_final and ok_rollups and c["conflict"] == 0 and not phone.invalid_other
    return figures, {"ok": ok, "faults": faults, "answers": c, "books": books,
                     "invalid_other_sample": phone.invalid_other[:3]}


def main() -> None:
    p = _common.parser(__doc__.split("\n\n")[0])
    p.add_argument("--visits", type=int, default=None)
    p.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432/postgres",
                   help="server to create (and drop) the bench_faults database on")
    p.add_argument("--check", help=sync_concurrency._hidden())
    args = p.parse_args()
    if args.check:
        return _check_inside(args.check)
    n = args.visits or (2_000 if args.quick else 20_000)
    name = "bench_faults" + ("_quick" if args.quick else "")
    with _common.postgres_database(args.postgres, name) as url:
        if url is None:
            raise SystemExit("this benchmark needs PostgreSQL")
        figures, extra = run(url, n)
    _common.report("faults" + (".quick" if args.quick else ""), figures, visits=n, batch=BATCH, workers=WORKERS,
                   **extra)
    if not extra["ok"]:
        raise SystemExit("FAILED: visits lost or duplicated, or rollups differ from a rebuild")


if __name__ == "__main__":
    main()
