"""A simulated field day: 20 officers of one office on 20 phones, 10 villages, then the office's books.

    .venv/bin/python bench/field_day.py [--quick] [--postgres ADMIN_URL] [--seed N]

One office, 10 villages with an outreach day each (yesterday, so no phone clock puts a visit in the server's
future), a team of two officers per village holding brochures, leaflets and sticker codes issued by the office,
60 known houses per village. Each of the 20 phones (an HTTP client thread with its own token) walks its half of
its village: about 30 doors (15 with --quick), a new house now and then (a household record, then a visit naming
it by its client UUID), materials, stickers and follow-ups where someone was met. The phone keeps an outbox and
pushes it after every door, like the field app. Against gunicorn (2 workers, gthread) on PostgreSQL:

* flaky network: 10 % of requests never reach the server, 10 % reach it but the answer is lost (the records stay
  in the outbox and go again), at random;
* phone clocks off by up to +-2 hours (each phone its own offset);
* one phone pushes every batch twice (a double tap);
* two phones of one team both visit the same house, and one of them edits a visit after it was sent (same UUID,
  other answers: kept aside as a conflict, the stored visit untouched);
* one officer's token expires at noon: the phone gets 401 `auth.expired`, signs in again (POST /sync/token) and
  delivers its outbox;
* one sticker code is put on two houses by mistake: the second is flagged, never moved.

Then the books, read in the database: every visit exactly once (lost, duplicated), every new house once, stock
reconciliation per team (issued minus what the team holds = what the visits handed out), every sticker placed
once or flagged, every follow-up a case, and the dashboards' counters equal to a rebuild from the raw rows.
Writes bench/results/field_day.json (field_day.quick.json with --quick); exits non-zero when the books do not
balance. Target: under 5 minutes of wall time on a 2-core machine.
"""

import json
import os
import random
import sys
import threading
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from http.client import HTTPConnection
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common  # noqa: E402

PHONES = 20
VILLAGES = 10
HOUSES = 60
PASSWORD = "sandi-lapangan-2026"
DISTRICT = "16.02.08"
FOLLOWUPS = ["wants_to_apply", "family_in_trouble", "broker_report", "needs_documents"]


# --- set-up and books, in child processes with Django ---------------------------------------------------------

def _prepare_inside() -> None:
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
                              (DISTRICT, 3, "Sirah Pulau Padang")):
        Area.objects.create(code=code, level=level, name=name, parent_id=code.rsplit(".", 1)[0] if level > 1 else None)
    villages = [f"{DISTRICT}.{2001 + n}" for n in range(VILLAGES)]
    Area.objects.bulk_create([Area(code=c, level=4, name=f"Desa {n + 1}", parent_id=DISTRICT)
                              for n, c in enumerate(villages)])
    office = Office.objects.create(name="BP3MI Sumatera Selatan", jurisdiction=["16"])
    coordinator = User.objects.create(username="koordinator", role=Role.COORDINATOR, office=office)
    day = timezone.localdate() - timedelta(days=1)
    campaign = Campaign.objects.create(office=office, name="Hari lapangan", start_date=day)
    brochure = Material.objects.create(kind="brochure", title="Bekerja ke luar negeri secara resmi")
    leaflet = Material.objects.create(kind="leaflet", title="Kenali calo")
    for m in (brochure, leaflet):
        materials.receive_stock(office=office, material=m, quantity=5000, actor=coordinator)
    batch = materials.create_batch(office=office, size=VILLAGES * 40, actor=coordinator)
    phones = []
    for v, village in enumerate(villages):
        outreach = Outreach.objects.create(campaign=campaign, village_id=village, date=day,
                                           status=OutreachStatus.IN_PROGRESS)
        team = []
        for k in range(PHONES // VILLAGES):
            user = User.objects.create(username=f"petugas{v * 2 + k}", role=Role.OFFICER, office=office)
            TeamMember.objects.create(outreach=outreach, user=user)
            team.append(user)
        for m, q in ((brochure, 80), (leaflet, 80)):
            materials.issue_stock(outreach=outreach, material=m, quantity=q, officer=team[0], actor=coordinator)
        materials.issue_stickers(batch=batch, outreach=outreach, count=40, actor=coordinator)
        codes = list(batch.stickers.filter(outreach=outreach).order_by("code").values_list("code", flat=True))
        houses = [h.pk for h in Household.objects.bulk_create(
            [Household(village_id=village, dusun="I", rt=f"{1 + n // 20:03d}", address=f"Rumah {n + 1}",
                       latitude=-3.3 + v * 0.01 + n * 0.0002, longitude=104.9) for n in range(HOUSES)])]
        for k, user in enumerate(team):
            _token, key = ApiToken.issue(user=user, name="Aplikasi lapangan: hp")
            phones.append({"username": user.username, "token": key, "village": village, "outreach": outreach.pk,
                           "houses": houses[k::2], "shared_house": houses[0], "codes": codes[k::2]})
    phones[0]["password"] = PASSWORD
    first = User.objects.get(username=phones[0]["username"])
    first.set_password(PASSWORD)
    first.save(update_fields=["password"])
    from balekdusun.reports.rebuild import rebuild

    rebuild()  # the houses above were made in bulk, without the service that counts them
    with connection.cursor() as cur:
        cur.execute("ANALYZE")
    print(json.dumps({"phones": phones, "day": day.isoformat(), "materials": [brochure.pk, leaflet.pk],
                      "issued": {"brochure": 80, "leaflet": 80}}))


def _books_inside(path: str) -> None:
    _common.setup_django(os.environ.get("BALEKDUSUN_MODE", "production"))
    from collections import Counter
    from uuid import UUID

    from django.db.models import Count

    from balekdusun.campaigns.models import Outreach
    from balekdusun.cases.models import Case
    from balekdusun.materials import ledger
    from balekdusun.materials.models import Material, Sticker, StickerConflict
    from balekdusun.reports import rebuild
    from balekdusun.reports.models import RollupCounter
    from balekdusun.visits.models import HouseholdReceipt, SyncConflict, Visit

    spec = json.loads(Path(path).read_text())
    sent = {UUID(u): rec for u, rec in spec["visits"].items()}  # the version each phone sent first
    stored = list(Visit.objects.values_list("uuid", flat=True))
    visits = {v.uuid: v for v in Visit.objects.all()}
    books: dict = {"visits_sent": len(sent), "visits_stored": len(stored),
                   "lost": len(set(sent) - set(stored)), "unknown": len(set(stored) - set(sent)),
                   "duplicated": len(stored) - len(set(stored))}
    # Stored as first sent (the edit came later and is kept aside).
    books["visits_changed"] = sum(1 for u, rec in sent.items() if u in visits
                                  and visits[u].outcome != rec["data"]["outcome"])
    receipts = list(HouseholdReceipt.objects.values_list("uuid", flat=True))
    books["new_houses_sent"] = len(spec["households"])
    books["new_houses_lost"] = len({UUID(u) for u in spec["households"]} - set(receipts))
    books["new_houses_duplicated"] = len(receipts) - len(set(receipts))
    # Stock reconciliation per team: issued minus what the team still holds = what its visits handed out.
    handed: Counter = Counter()
    for rec in sent.values():
        for line in rec["data"].get("materials", []):
            handed[(rec["data"]["outreach"], line["material_id"])] += line["quantity"]
    mismatched = []
    for outreach in Outreach.objects.all():
        for material in Material.objects.all():
            issued = spec["issued"]
            expected = handed[(outreach.pk, material.pk)]
            out = issued[material.kind] - ledger.team_stock_of(outreach, material)
            if out != expected:
                mismatched.append([outreach.village_id, material.kind, out, expected])
    books["teams_stock_mismatched"] = len(mismatched)
    books["stock_mismatch_sample"] = mismatched[:3]
    books["materials_handed_out"] = sum(handed.values())
    # Every sticker code used at a door: placed on that house by that visit, or the visit flagged and listed.
    unplaced = flagged = 0
    for u, rec in sent.items():
        code = rec["data"].get("sticker_code")
        if not code or u not in visits:
            continue
        visit = visits[u]
        sticker = Sticker.objects.filter(code=code).first()
        if sticker is not None and sticker.placed_by_visit_id == visit.pk and sticker.household_id == visit.household_id:
            continue
        if "sticker.already_placed" in visit.data.get("flags", []) and StickerConflict.objects.filter(
                visit=visit).exists():
            flagged += 1
            continue
        unplaced += 1
    books["stickers_used"] = sum(1 for rec in sent.values() if rec["data"].get("sticker_code"))
    books["stickers_flagged"] = flagged
    books["stickers_neither_placed_nor_flagged"] = unplaced
    books["stickers_placed"] = Sticker.objects.filter(status="placed").count()
    # Every follow-up a case, once.
    asked = Counter()
    for u, rec in sent.items():
        asked[u] += len(rec["data"].get("followups", []))
    cases = Counter(Case.objects.filter(visit__isnull=False).values_list("visit__uuid", flat=True))
    books["followups"] = sum(asked.values())
    books["cases_from_visits"] = sum(cases.values())
    books["followups_without_case"] = sum(max(0, n - cases.get(u, 0)) for u, n in asked.items())
    books["cases_doubled"] = Case.objects.filter(visit__isnull=False).values("visit", "kind", "description").annotate(
        n=Count("id")).filter(n__gt=1).count()
    books["conflicts_kept"] = SyncConflict.objects.count()
    incremental = {(r.area_code, r.period, r.key): r.value for r in RollupCounter.objects.exclude(value=0)}
    rebuilt = {(a, d, k): v for (a, _p, _l, d, k), v in rebuild.compute().rows().items() if v}
    wrong = [str(k) for k in set(incremental) | set(rebuilt) if incremental.get(k) != rebuilt.get(k)]
    books["dashboard_counters"] = len(incremental)
    books["dashboard_counters_differing_from_rebuild"] = len(wrong)
    books["sample_differing"] = wrong[:3]
    books["visits_flagged_clock"] = sum(1 for v in visits.values() if v.data.get("flags") and any(
        f.startswith("visit.") for f in v.data["flags"]))
    print(json.dumps(books, default=str))


# --- the phones -----------------------------------------------------------------------------------------------

class Phone(threading.Thread):
    def __init__(self, n: int, spec: dict, port: int, meta: dict, rng: random.Random, stats: dict, lock):
        super().__init__()
        self.n, self.spec, self.port, self.meta, self.stats, self.lock = n, spec, port, meta, stats, lock
        self.rng = random.Random(rng.random())
        self.token = spec["token"]
        self.clock = timedelta(minutes=self.rng.uniform(-120, 120))  # this phone's wrong clock
        self.outbox: dict[str, dict] = {}  # uuid -> record, in the order made
        self.double_tap = n == 1
        self.sent_first: dict[str, dict] = {}
        self.households: dict[str, dict] = {}
        self.noon = threading.Event()
        self.error: str | None = None

    def count(self, key: str, n: int = 1) -> None:
        with self.lock:
            self.stats[key] = self.stats.get(key, 0) + n

    # --- making records ---
    def visit(self, when: datetime, house: int | None = None, house_uuid: str | None = None) -> dict:
        rng = self.rng
        outcome = rng.choices(["met", "not_home", "refused", "vacant"], weights=[6, 2, 1, 1])[0]
        data = {"outreach": self.spec["outreach"], "visited_at": (when + self.clock).isoformat(),
                "outcome": outcome, "latitude": round(-3.3 + rng.random() / 100, 6),
                "longitude": round(104.9 + rng.random() / 100, 6), "met_role": "head" if outcome == "met" else "",
                "topics": rng.sample(["jobs", "legal_procedure", "hotline", "illegal_recruitment"], 2),
                "migration": {"abroad": [{"country": rng.choice(["MY", "SA", "TW", "HK"]), "sector": "plantation",
                                          "procedural": rng.random() < 0.5, "year": 2023}]
                              if rng.random() < 0.3 else [], "returnees": rng.randint(0, 1), "planning": []}}
        if house is not None:
            data["household"] = house
        else:
            data["household_uuid"] = house_uuid
        if outcome == "met":
            data["knowledge"] = {"legal_procedure": rng.random() < 0.6, "hotline": rng.random() < 0.4,
                                 "warning_signs": rng.random() < 0.5}
            if rng.random() < 0.5:
                data["materials"] = [{"material_id": m, "quantity": rng.randint(1, 2)}
                                     for m in rng.sample(self.meta["materials"], rng.randint(1, 2))]
            if self.spec["codes"] and rng.random() < 0.5:
                data["sticker_code"] = self.spec["codes"].pop()
            if rng.random() < 0.15:
                data["followups"] = [{"kind": rng.choice(FOLLOWUPS), "note": "Dicatat di pintu"}]
        return {"type": "visit", "uuid": str(uuid.UUID(int=self.rng.getrandbits(128), version=4)), "data": data}

    def record(self, rec: dict) -> None:
        self.outbox[rec["uuid"]] = rec
        if rec["type"] == "visit":
            self.sent_first.setdefault(rec["uuid"], json.loads(json.dumps(rec)))
        else:
            self.households[rec["uuid"]] = rec

    # --- sync ---
    def request(self, method: str, path: str, body: dict | None, token: str | None) -> tuple[int, dict] | None:
        """None when the network dropped the request or its answer."""
        roll = self.rng.random()
        if roll < 0.10:
            self.count("requests_dropped")
            return None
        conn = HTTPConnection("127.0.0.1", self.port, timeout=60)
        headers = {"Content-Type": "application/json"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        try:
            conn.request(method, path, body=json.dumps(body).encode() if body is not None else None, headers=headers)
            res = conn.getresponse()
            payload = json.loads(res.read() or b"{}")
        except OSError:
            self.count("requests_failed")
            return None
        finally:
            conn.close()
        self.count("requests")
        if roll < 0.20:
            self.count("answers_lost")
            return None
        return res.status, payload

    def sync(self, *, reliable: bool = False) -> None:
        if not self.outbox:
            return
        # Households first, like the field app.
        records = sorted(self.outbox.values(), key=lambda r: r["type"] != "household")[:500]
        for _ in range(2 if self.double_tap else 1):
            answer = self.request("POST", "/api/v1/sync/push", {"records": records, "device": {
                "id": f"hp-{self.n}", "pending": len(self.outbox)}}, self.token) if not reliable else \
                self._reliable_push(records)
            if answer is None:
                continue
            status, payload = answer
            if status == 401:
                self.count("sign_in_asked")
                assert payload.get("code", "").startswith("auth."), payload
                self.sign_in()
                return
            if status != 200:
                raise RuntimeError(f"phone {self.n}: HTTP {status} {payload}")
            for r in payload["results"]:
                self.count(f"answer_{r['status']}")
                if r["status"] in ("created", "duplicate", "conflict"):
                    self.outbox.pop(r["uuid"], None)
                else:
                    raise RuntimeError(f"phone {self.n}: refused {r}")

    def _reliable_push(self, records):
        conn = HTTPConnection("127.0.0.1", self.port, timeout=60)
        conn.request("POST", "/api/v1/sync/push", body=json.dumps({"records": records}).encode(),
                     headers={"Content-Type": "application/json", "Authorization": f"Bearer {self.token}"})
        res = conn.getresponse()
        out = res.status, json.loads(res.read())
        conn.close()
        return out

    def sign_in(self) -> None:
        for _ in range(20):
            answer = self.request("POST", "/api/v1/sync/token", {"username": self.spec["username"],
                                                                  "password": self.spec["password"],
                                                                  "device_name": f"hp-{self.n}"}, None)
            if answer is not None and answer[0] == 200:
                self.token = answer[1]["token"]
                self.count("signed_in_again")
                return
        raise RuntimeError("could not sign in again")

    # --- the day ---
    def run(self) -> None:
        try:
            self.walk()
        except Exception as exc:  # noqa: BLE001 - reported by the main thread
            self.error = f"phone {self.n}: {exc!r}"

    def walk(self) -> None:
        rng, spec = self.rng, self.spec
        day = date.fromisoformat(self.meta["day"])
        start = datetime(day.year, day.month, day.day, 1, 0, tzinfo=UTC)  # 08:00 WIB
        houses = list(spec["houses"][:self.meta["doors"]])
        shared = spec["shared_house"]  # the first door of phone 2; phone 3 of the same team knocks there too
        if self.n == 3:
            houses.insert(len(houses) // 3, shared)
        doors = len(houses)
        sent_shared = None
        for i, house in enumerate(houses):
            when = start + timedelta(minutes=480 * i / doors)
            if i == doors // 2 and self.n == 0:
                self.meta["expire_noon"](spec)  # noon
            if rng.random() < 0.1:
                hh = str(uuid.UUID(int=rng.getrandbits(128), version=4))
                self.record({"type": "household", "uuid": hh, "data": {
                    "village": spec["village"], "outreach": spec["outreach"], "dusun": "II", "rt": "004",
                    "address": f"Rumah baru {self.n}-{i}", "latitude": -3.31, "longitude": 104.91}})
                self.record(self.visit(when, house_uuid=hh))
            rec = self.visit(when, house)
            misplaced = (self.n == 2 and house == shared) or (self.n == 3 and i == doors - 1)
            if misplaced:
                # One sticker code ends up on two houses (phone 2's first door, phone 3's last): one is placed,
                # the other visit flagged, never moved.
                rec["data"].update(outcome="met", met_role="head", sticker_code=self.meta["misplaced_code"],
                                   knowledge={"legal_procedure": True, "hotline": True, "warning_signs": True})
            self.record(rec)
            if self.n == 2 and house == shared:
                sent_shared = rec
            self.sync()
            if sent_shared is not None and i == doors // 3:
                # The officer edits a visit already sent: same UUID, other answers (kept aside as a conflict).
                edited = json.loads(json.dumps(sent_shared))
                edited["data"]["topics"] = ["document_help"]
                self.outbox[edited["uuid"]] = edited
                sent_shared = None
            time.sleep(rng.uniform(0, 0.01))
        for _ in range(200):  # end of the day: the outbox goes out once there is signal
            if not self.outbox:
                break
            self.sync()
        if self.outbox:
            self.sync(reliable=True)
        assert not self.outbox, f"phone {self.n} still holds {len(self.outbox)} records"


def run(url: str, args) -> tuple[list[dict], dict]:
    env = _common.production_env(url)
    meta = _common.run_child(__file__, "--prepare", env)
    meta["doors"] = 15 if args.quick else 30
    rng = random.Random(args.seed)
    stats: dict = {}
    lock = threading.Lock()

    def expire(spec):
        import hashlib

        import psycopg

        with psycopg.connect(url.replace("postgres://", "postgresql://"), autocommit=True) as conn:
            digest = hashlib.sha256(spec["token"].encode()).hexdigest()
            n = conn.execute("UPDATE core_apitoken SET expires_at = now() - interval '1 second' "
                             "WHERE key_hash = %s", [digest]).rowcount
        with lock:
            stats["tokens_expired_at_noon"] = stats.get("tokens_expired_at_noon", 0) + n

    meta["expire_noon"] = expire
    deadlocks_before = _common.pg_deadlocks(url)
    meta["misplaced_code"] = meta["phones"][2]["codes"].pop(0)
    with _common.gunicorn(env, workers=2, worker_class="gthread", threads=4) as (port, _server), \
            _common.timer() as took:
        phones = [Phone(n, spec, port, meta, rng, stats, lock) for n, spec in enumerate(meta["phones"])]
        for p in phones:
            p.start()
        for p in phones:
            p.join()
        day_seconds = took()
    time.sleep(0.5)  # the server's backends report their statistics as they exit
    stats["deadlocks"] = _common.pg_deadlocks(url) - deadlocks_before
    errors = [p.error for p in phones if p.error]
    if errors:
        raise SystemExit("\n".join(errors))
    spec_path = _common.RESULTS / ".field-day-sent.json"
    spec_path.write_text(json.dumps({
        "visits": {u: rec for p in phones for u, rec in p.sent_first.items()},
        "households": [u for p in phones for u in p.households], "issued": meta["issued"]}))
    try:
        books = _common.run_child(__file__, "--books", env, str(spec_path))
    finally:
        spec_path.unlink(missing_ok=True)
    return _figures(books, stats, day_seconds), {"books": books, "network": stats}


def _figures(books: dict, stats: dict, day_seconds: float) -> list[dict]:
    f = _common.figure
    checks = {
        "lost": books["lost"] + books["new_houses_lost"],
        "duplicated": books["duplicated"] + books["new_houses_duplicated"] + books["cases_doubled"],
    }
    return [
        f("visits sent (distinct)", books["visits_sent"], ""),
        f("visits stored", books["visits_stored"], "", target=f"= {books['visits_sent']}",
          ok=books["visits_stored"] == books["visits_sent"]),
        f("new houses sent", books["new_houses_sent"], ""),
        f("lost (visits and new houses)", checks["lost"], "", target="0", ok=checks["lost"] == 0),
        f("duplicated (visits, new houses, cases)", checks["duplicated"], "", target="0", ok=checks["duplicated"] == 0),
        f("visits changed by a later edit", books["visits_changed"], "", target="0", ok=books["visits_changed"] == 0),
        f("edits kept aside as conflicts", books["conflicts_kept"], "", target=">= 1", ok=books["conflicts_kept"] >= 1),
        f("requests sent", stats.get("requests", 0), ""),
        f("requests dropped by the network", stats.get("requests_dropped", 0), ""),
        f("answers lost by the network", stats.get("answers_lost", 0), ""),
        f("records answered duplicate (retries, double taps)", stats.get("answer_duplicate", 0), ""),
        f("sign-ins asked after the noon expiry", stats.get("sign_in_asked", 0), "", target=">= 1",
          ok=stats.get("sign_in_asked", 0) >= 1),
        f("phones signed in again", stats.get("signed_in_again", 0), "", target=">= 1",
          ok=stats.get("signed_in_again", 0) >= 1),
        f("materials handed out", books["materials_handed_out"], ""),
        f("teams whose stock does not reconcile", books["teams_stock_mismatched"], "", target="0",
          ok=books["teams_stock_mismatched"] == 0),
        f("sticker codes used at doors", books["stickers_used"], ""),
        f("stickers flagged (already on another house)", books["stickers_flagged"], "", target=">= 1",
          ok=books["stickers_flagged"] >= 1),
        f("stickers neither placed nor flagged", books["stickers_neither_placed_nor_flagged"], "", target="0",
          ok=books["stickers_neither_placed_nor_flagged"] == 0),
        f("follow-ups asked", books["followups"], ""),
        f("follow-ups without a case", books["followups_without_case"], "", target="0",
          ok=books["followups_without_case"] == 0),
        f("dashboard counters differing from a rebuild", books["dashboard_counters_differing_from_rebuild"], "",
          target="0", ok=books["dashboard_counters_differing_from_rebuild"] == 0),
        f("PostgreSQL deadlocks", stats["deadlocks"], "", target="0", ok=stats["deadlocks"] == 0),
        f("wall time of the day", day_seconds, "s", target="< 300", ok=day_seconds < 300),
    ]


def main() -> None:
    p = _common.parser(__doc__.split("\n\n")[0])
    p.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432/postgres",
                   help="server to create (and drop) the bench_field_day database on")
    p.add_argument("--seed", type=int, default=20261205)
    p.add_argument("--prepare", action="store_true", help=_hidden())
    p.add_argument("--books", help=_hidden())
    args = p.parse_args()
    if args.prepare:
        return _prepare_inside()
    if args.books:
        return _books_inside(args.books)
    with _common.timer() as took, _common.postgres_database(args.postgres, "bench_field_day") as url:
        if url is None:
            raise SystemExit("this benchmark needs PostgreSQL")
        figures, extra = run(url, args)
        wall = took()
    figures.append(_common.figure("wall time, set-up and books included", wall, "s", target="< 300", ok=wall < 300))
    _common.report("field_day" + (".quick" if args.quick else ""), figures, **extra)
    if not all(f["met"] for f in figures if f["met"] is not None):
        raise SystemExit("FAILED: the books of the day do not balance")


def _hidden():
    import argparse

    return argparse.SUPPRESS


if __name__ == "__main__":
    main()
