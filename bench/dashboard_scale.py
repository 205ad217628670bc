"""Dashboards at national scale: bulk-generate a national dataset (83,762 villages from load_regions,
10,000,000 visits, 2,000,000 households, 200,000 cases, and their rollups), then time the national, province
and village dashboard pages against an empty request (/healthz) to the same gunicorn server in the same run,
on SQLite and PostgreSQL; and a full CSV export of the visits with the server worker's peak memory.

    .venv/bin/python bench/dashboard_scale.py [--quick [--with-postgres]] [--postgres URL] [--skip-postgres]
                                              [--skip-sqlite] [--keep]

--quick: 1,000,000 visits, 200,000 households, 20,000 cases, SQLite only (--with-postgres: both). Target: each
dashboard within 5x the empty request. Results: bench/results/dashboard_scale.json (full run),
dashboard_scale.postgres.json (full, --skip-sqlite), dashboard_scale.sqlite.json (full, --skip-postgres),
dashboard_scale.quick.json, dashboard_scale.quick-postgres.json. Rows are generated with a fixed seed and written with executemany (SQLite) or COPY
(PostgreSQL), never through the ORM one row at a time. The rollups are computed while generating, with the
same contribution rules the write path uses (`balekdusun.reports.rollups`), and written in bulk.
"""

import json
import math
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common  # noqa: E402

SEED = 20231207
FULL = {"visits": 10_000_000, "households": 2_000_000, "cases": 200_000}
QUICK = {"visits": 1_000_000, "households": 200_000, "cases": 20_000}
TINY = {"visits": 20_000, "households": 4_000, "cases": 400}  # --tiny: a smoke test of the script itself
HOUSEHOLDS_PER_VILLAGE = 24
OFFICERS = 60
REPEATS = 40
MAP_IN_VIEW = 100_000  # "the page stays responsive with 100,000 points in view"
MAP_REPEATS = 15
OUTCOMES = [("met", 62), ("not_home", 22), ("refused", 5), ("moved", 3), ("vacant", 6), ("inaccessible", 2)]
COUNTRIES = [("MY", 40), ("HK", 14), ("TW", 16), ("JP", 10), ("SG", 6), ("KR", 5), ("SA", 6), ("KH", 3)]
CAMPAIGN_START = date(2023, 12, 4)
CAMPAIGN_WEEKS = 100


def pick(rng, weighted):
    total = sum(w for _v, w in weighted)
    x = rng.uniform(0, total)
    for value, weight in weighted:
        x -= weight
        if x <= 0:
            return value
    return weighted[-1][0]


# --- generating -----------------------------------------------------------------------------------------------

def data_variants(rng, n=400):
    """A pool of Visit.data documents (the field app's shape) to draw from: JSON built once, not per row."""
    out = []
    for _ in range(n):
        outcome = pick(rng, OUTCOMES)
        data = {}
        if outcome == "met":
            abroad = [{"country": (c := pick(rng, COUNTRIES)), "sector": "plantation" if c == "MY" else "other",
                       "procedural": rng.random() < .65, "year": rng.randint(2015, 2024)}
                      for _ in range(1 if rng.random() < .3 else 0)]
            data = {"met_role": "head", "topics": ["hotline", "legal_procedure"],
                    "materials": [{"material_id": 1, "quantity": 1}],
                    "migration": {"abroad": abroad, "returnees": int(rng.random() < .1),
                                  "planning": [{"when": "within_1_year", "country": "MY"}] if rng.random() < .1 else []},
                    "knowledge": {"legal_procedure": rng.random() < .4, "hotline": rng.random() < .3,
                                  "warning_signs": rng.random() < .5}}
        out.append((outcome, data, json.dumps(data, separators=(",", ":"))))
    return out


class Generator:
    def __init__(self, scale, villages):
        from balekdusun.reports import rollups

        self.rollups = rollups
        self.scale = scale
        self.rng = random.Random(SEED)
        n_villages = min(len(villages), max(1, scale["households"] // HOUSEHOLDS_PER_VILLAGE))
        self.villages = sorted(self.rng.sample(villages, n_villages))
        self.variants = data_variants(self.rng)
        self.parts = {}
        self.upper = Counter()  # rollup rows above village level: (code, parent, level, period, key) -> n

    def parts_of(self, i, first_visit, first_met):
        key = (i, first_visit, first_met)
        if key not in self.parts:
            outcome, data, _text = self.variants[i]

            class V:
                pass

            v = V()
            v.outcome, v.data = outcome, data
            self.parts[key] = self.rollups.visit_parts(v, first_visit=first_visit, first_met=first_met)
        return self.parts[key]

    def position(self, code):
        """A synthetic position for a village (region data has no centroids): stable per code."""
        r = random.Random(code)
        regency = random.Random(code[:5])
        return (regency.uniform(-8.5, 3.5) + r.uniform(-.15, .15), regency.uniform(96, 140) + r.uniform(-.15, .15))

    def run(self, write_households, write_visits, write_rollups):
        rng, scale = self.rng, self.scale
        visits_per_household = scale["visits"] / scale["households"]
        hh_id = visit_id = 0
        hh_buf, v_buf, r_buf = [], [], []
        per_village = scale["households"] // len(self.villages)
        extra = scale["households"] - per_village * len(self.villages)
        visits_left = scale["visits"]
        for vi, village in enumerate(self.villages):
            lat0, lon0 = self.position(village)
            n_hh = per_village + (1 if vi < extra else 0)
            week0 = CAMPAIGN_START + timedelta(weeks=rng.randrange(CAMPAIGN_WEEKS - 8))
            days = [week0 + timedelta(days=rng.randrange(3)), week0 + timedelta(weeks=rng.randint(2, 6))]
            cells = Counter()
            for _ in range(n_hh):
                hh_id += 1
                lat, lon = lat0 + rng.gauss(0, .004), lon0 + rng.gauss(0, .004)
                created = datetime(days[0].year, days[0].month, days[0].day, 1, 0, tzinfo=UTC)
                hh_buf.append((hh_id, village, lat, lon, created))
                cells[(self.rollups.week_of(days[0]), "households")] += 1
                n_visits = int(visits_per_household) + (rng.random() < visits_per_household % 1)
                n_visits = min(n_visits, visits_left)
                visits_left -= n_visits
                seen_met = False
                for k in range(n_visits):
                    visit_id += 1
                    day = days[0] if k == 0 else days[1] + timedelta(weeks=2 * (k - 1))
                    at = datetime(day.year, day.month, day.day, 1 + (k % 8), rng.randrange(60), rng.randrange(60),
                                  tzinfo=UTC)
                    variant = rng.randrange(len(self.variants))
                    outcome, _data, text = self.variants[variant]
                    first_met = outcome == "met" and not seen_met
                    seen_met = seen_met or outcome == "met"
                    week = self.rollups.week_of(at)
                    for key, n in self.parts_of(variant, k == 0, first_met).items():
                        cells[(week, key)] += n
                    if outcome == "met":
                        cells[(week, "materials.handed_out")] += 1
                        cells[(week, "materials.m1")] += 1
                    v_buf.append((visit_id, uuid.UUID(int=rng.getrandbits(128), version=4), hh_id, village,
                                  1 + (hh_id % OFFICERS), at, outcome, lat, lon, text))
            levels = self.rollups.levels(village)
            code, parent, level = levels[0]
            totals = Counter()
            for (week, key), n in cells.items():
                r_buf.append((code, parent, level, week, key, n))
                totals[key] += n
                for up_code, up_parent, up_level in levels[1:]:
                    self.upper[(up_code, up_parent, up_level, week, key)] += n
            for key, n in totals.items():
                r_buf.append((code, parent, level, TOTAL, key, n))
                for up_code, up_parent, up_level in levels[1:]:
                    self.upper[(up_code, up_parent, up_level, TOTAL, key)] += n
            if len(v_buf) >= 50_000:
                write_households(hh_buf)
                write_visits(v_buf)
                write_rollups(r_buf)
                hh_buf, v_buf, r_buf = [], [], []
        write_households(hh_buf)
        write_visits(v_buf)
        write_rollups(r_buf)
        return hh_id, visit_id

    def cases(self, write_cases, office_id, now):
        """Cases in the active villages: a third closed, the rest open with due dates around today."""
        rng = self.rng
        buf = []
        for i in range(1, self.scale["cases"] + 1):
            village = self.villages[rng.randrange(len(self.villages))]
            created = datetime.combine(CAMPAIGN_START + timedelta(days=rng.randrange(CAMPAIGN_WEEKS * 7)),
                                       datetime.min.time(), tzinfo=UTC)
            closed = rng.random() < .33
            due = now + timedelta(days=rng.randint(-60, 30))
            status = "closed" if closed else pick(rng, [("new", 3), ("verified", 2), ("in_progress", 4)])
            closed_at = created + timedelta(days=rng.randint(1, 40)) if closed else None
            buf.append((i, f"BN{i:08d}", office_id, "information", "visit", status, village, village,
                        due, created, closed_at))
            week = self.rollups.week_of(created)
            rows = [(week, "cases.opened", 1, True)]
            if closed:
                rows.append((self.rollups.week_of(closed_at), "cases.closed", 1, True))
            else:
                rows.append((self.rollups.local_date(due), "cases.open_by_due", 1, False))
            for period, key, n, total in rows:
                for code, parent, level in self.rollups.levels(village):
                    self.upper[(code, parent, level, period, key)] += n
                    if total:
                        self.upper[(code, parent, level, TOTAL, key)] += n
            if len(buf) >= 20_000:
                write_cases(buf)
                buf = []
        write_cases(buf)


TOTAL = date(1, 1, 1)


# --- writing ----------------------------------------------------------------------------------------------------

class Writer:
    """Rows for one table: the given columns per row, every other column a constant (its default)."""

    def __init__(self, model, given: list[str]):
        from django.db import connection
        from django.utils import timezone

        self.connection = connection
        self.table = model._meta.db_table
        fields = [f for f in model._meta.concrete_fields]
        by_column = {f.column: f for f in fields}
        self.const = {}
        for f in fields:
            if f.column in given or (f.primary_key and f.get_internal_type() in ("AutoField", "BigAutoField")):
                continue
            if f.has_default():
                value = f.get_default()
            elif f.null:
                value = None
            elif f.get_internal_type() == "DateTimeField":
                value = timezone.now()
            else:
                value = ""
            self.const[f.column] = f.get_db_prep_save(value, connection)
        self.given = given
        self.fields = [by_column[c] for c in given]
        self.columns = given + list(self.const)
        self.postgres = connection.vendor == "postgresql"

    def _value(self, f, v):
        if v is None:
            return None
        if isinstance(v, datetime):
            return v if self.postgres else v.strftime("%Y-%m-%d %H:%M:%S")
        if isinstance(v, date):
            return v if self.postgres else v.isoformat()
        if isinstance(v, uuid.UUID):
            return v if self.postgres else v.hex
        return v

    def write(self, rows):
        if not rows:
            return
        const = list(self.const.values())
        cols = ", ".join(self.connection.ops.quote_name(c) for c in self.columns)
        with self.connection.cursor() as cur:
            if self.postgres:
                raw = cur.cursor if hasattr(cur, "cursor") else cur
                with raw.copy(f"COPY {self.table} ({cols}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row([*row, *const])
            else:
                marks = ", ".join(["%s"] * len(self.columns))
                cur.executemany(f"INSERT INTO {self.table} ({cols}) VALUES ({marks})",
                                [[self._value(None, v) for v in row] + const for row in rows])


def drop_indexes(connection, tables) -> list[str]:
    """Drop the non-constraint indexes of `tables`; return the statements that rebuild them."""
    out = []
    with connection.cursor() as cur:
        for table in tables:
            if connection.vendor == "sqlite":
                cur.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = %s "
                            "AND sql IS NOT NULL", [table])
            else:
                cur.execute("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s AND indexname NOT IN "
                            "(SELECT conname FROM pg_constraint)", [table])
            for name, sql in cur.fetchall():
                cur.execute(f'DROP INDEX "{name}"')
                out.append(sql)
    return out


# --- the server ---------------------------------------------------------------------------------------------------

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(url, port, cache_seconds):
    env = {**os.environ, "DATABASE_URL": url, "REPORTS_DASHBOARD_CACHE_SECONDS": str(cache_seconds), "BALEKDUSUN_MODE": "demo", "DEBUG": "0", "LOG_LEVEL": "ERROR",
           "DJANGO_SETTINGS_MODULE": "balekdusun.settings"}
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    log = Path(tempfile.gettempdir()) / f"dashboard_scale_gunicorn_{port}.log"
    print(f"server log: {log}", flush=True)
    proc = subprocess.Popen([gunicorn, "balekdusun.wsgi", "-w", "1", "-b", f"127.0.0.1:{port}", "--timeout", "900",
                             "--log-level", "error", "--error-logfile", str(log)], cwd=_common.ROOT, env=env,
                            start_new_session=True)
    for _ in range(300):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2).read()
            return proc
        except OSError:
            time.sleep(.2)
    proc.kill()
    raise RuntimeError("gunicorn did not start")


def worker_pid(server):
    out = subprocess.run(["pgrep", "-P", str(server.pid)], capture_output=True, text=True).stdout.split()
    return int(out[0]) if out else server.pid


def peak_rss_mb(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def get(port, path, cookie=None, *, lines=False):
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}")
    if cookie:
        req.add_header("Cookie", f"sessionid={cookie}")
    start = time.perf_counter()
    with urllib.request.urlopen(req, timeout=900) as r:
        size = count = 0
        while chunk := r.read(1 << 16):
            size += len(chunk)
            if lines:
                count += chunk.count(b"\n")
        status = r.status
        if r.geturl() != f"http://127.0.0.1:{port}{path}":
            raise RuntimeError(f"{path}: redirected to {r.geturl()}")
    elapsed = time.perf_counter() - start
    if status != 200:
        raise RuntimeError(f"{path}: HTTP {status}")
    return (elapsed, size, count) if lines else (elapsed, size)


def timed(port, requests, repeats=REPEATS):
    """Median seconds of each (path, cookie), measured in alternating rounds (one request of each per round), so
    that a busy spell of a shared machine weighs on the empty request and the pages alike."""
    for path, cookie in requests:
        get(port, path, cookie)  # warm-up
    samples = [[] for _ in requests]
    for _ in range(repeats):
        for times, (path, cookie) in zip(samples, requests, strict=True):
            times.append(get(port, path, cookie)[0])
    return [statistics.median(times) for times in samples]


def session_for(user):
    """A signed-in session as the login view makes it (the server's engine and first backend)."""
    from importlib import import_module

    from django.conf import settings

    s = import_module(settings.SESSION_ENGINE).SessionStore()
    s["_auth_user_id"] = str(user.pk)
    s["_auth_user_backend"] = settings.AUTHENTICATION_BACKENDS[0]
    s["_auth_user_hash"] = user.get_session_auth_hash()
    s.create()
    return s.session_key


# --- one database -------------------------------------------------------------------------------------------------

def worker(url: str, scale: dict, label: str) -> list[dict]:
    os.environ["DATABASE_URL"] = url
    # The sessions made here must be valid on the server: both sign with the same key.
    os.environ["SECRET_KEY"] = "bench-dashboard-scale-not-a-secret-" + "x" * 20
    _common.setup_django("test")
    from io import StringIO

    from django.core.management import call_command
    from django.db import connection, transaction

    from balekdusun.campaigns.models import Household
    from balekdusun.cases.models import Case
    from balekdusun.core.models import Office, User
    from balekdusun.regions.models import Area
    from balekdusun.reports.models import RollupCounter
    from balekdusun.visits.models import Visit

    figures = []
    call_command("migrate", verbosity=0)
    with _common.timer() as t:
        call_command("load_regions", quiet=True, stdout=StringIO())
    print(f"[{label}] regions loaded in {t():.0f} s", flush=True)
    villages = list(Area.objects.filter(level=4).values_list("code", flat=True))
    office = Office.objects.create(name="BP3MI Sumatera Selatan", short_name="BP3MI Sumsel", jurisdiction=["16"])
    admin = User.objects.create(username="admin", role="admin", is_staff=True, is_superuser=True)
    head = User.objects.create(username="kepala", role="head", office=office)
    for i in range(1, OFFICERS + 1):
        User.objects.create(username=f"petugas{i}", role="officer", office=office)
    # The generator numbers officers 1..OFFICERS: map them onto the real users.
    officer_ids = list(User.objects.filter(role="officer").order_by("id").values_list("id", flat=True))

    gen = Generator(scale, villages)
    hh = Writer(Household, ["id", "village_id", "latitude", "longitude", "created_at"])
    vw = Writer(Visit, ["id", "uuid", "household_id", "village_id", "officer_id", "visited_at", "outcome", "latitude",
                        "longitude", "data"])
    rw = Writer(RollupCounter, ["area_code", "parent_code", "level", "period", "key", "value"])
    cw = Writer(Case, ["id", "reference", "office_id", "kind", "source", "status", "village_id", "area_code",
                       "due_at", "created_at", "closed_at"])

    def visits_out(rows):
        vw.write([(*r[:4], officer_ids[r[4] % len(officer_ids)], *r[5:]) for r in rows])

    tables = [m._meta.db_table for m in (Household, Visit, Case, RollupCounter)]
    with _common.timer() as t:
        if connection.vendor == "sqlite":
            with connection.cursor() as cur:
                cur.execute("PRAGMA synchronous = OFF")
                cur.execute("PRAGMA cache_size = -2000000")  # 2 GB page cache for the load
        with transaction.atomic():
            # Bulk-load practice: secondary indexes are dropped during the load and built once afterwards.
            indexes = drop_indexes(connection, tables)
            n_hh, n_visits = gen.run(hh.write, visits_out, rw.write)
            gen.cases(cw.write, office.pk, datetime.now(UTC))
            rw.write([(*k, v) for k, v in gen.upper.items()])
        # After the commit: PostgreSQL refuses CREATE INDEX while deferred foreign-key checks are pending.
        print(f"[{label}] rows written in {t():.0f} s; building {len(indexes)} indexes", flush=True)
        with connection.cursor() as cur:
            for sql in indexes:
                cur.execute(sql)
    generated = t()
    if connection.vendor == "postgresql":
        with connection.cursor() as cur:
            for model in (Household, Visit, Case):
                for sql in connection.ops.sequence_reset_sql(__import__("django.core.management.color",
                                                                        fromlist=["x"]).no_style(), [model]):
                    cur.execute(sql)
            cur.execute("ANALYZE")
    else:
        with connection.cursor() as cur:
            cur.execute("ANALYZE")
    n_rollups = RollupCounter.objects.count()
    print(f"[{label}] generated {n_hh:,} households, {n_visits:,} visits, {scale['cases']:,} cases, "
          f"{n_rollups:,} rollup rows in {generated:.0f} s", flush=True)
    figures.append(_common.figure(f"{label}: generate + bulk load", generated, "s"))

    # A village with visits in province 16 (Sumatera Selatan), for the head's village dashboard.
    village = next((v for v in gen.villages if v.startswith("16.")), gen.villages[0])
    province = village.split(".")[0]
    office.jurisdiction = [province]
    office.save()
    cookie_admin, cookie_head = session_for(admin), session_for(head)
    # The map with MAP_IN_VIEW households in view: the whole country's latitudes, from the west up to the
    # longitude of the MAP_IN_VIEW-th household counted from the west (at zoom 6 the API answers with clusters).
    in_view = min(MAP_IN_VIEW, n_hh)
    east = (Household.objects.order_by("longitude").values_list("longitude", flat=True)[in_view - 1])
    east = math.ceil(east * 1e6) / 1e6  # as written in the URL, not below the last household's longitude
    bbox = f"94,-11,{east:.6f},6"
    in_view = Household.objects.filter(longitude__lte=east, longitude__gte=94, latitude__gte=-11,
                                       latitude__lte=6).count()
    connection.close()

    pages = [("national dashboard", "/reports/national/", cookie_admin),
             ("province dashboard", f"/reports/area/{province}/", cookie_head),
             ("village dashboard", f"/reports/area/{village}/", cookie_head)]
    # First computed on every request (no cache), then as served (figures cached 30 s per area).
    for cache_seconds, how in [(0, "computed per request"), (30, "cached 30 s")]:
        port = free_port()
        server = start_server(url, port, cache_seconds)
        try:
            # The home page, for reading the ratios: the cheapest signed-in page (session, user, menu, frame).
            empty, home, *values = timed(port, [("/healthz", None), ("/", cookie_head),
                                                *[(path, cookie) for _name, path, cookie in pages]])
            figures.append(_common.figure(f"{label}: empty request (/healthz), {how} run", empty * 1000, "ms"))
            figures.append(_common.figure(f"{label}: signed-in home page, {how} run", home * 1000, "ms",
                                          baseline=empty * 1000))
            for (name, _path, _cookie), value in zip(pages, values, strict=True):
                figures.append(_common.figure(f"{label}: {name}, {how}", value * 1000, "ms", baseline=empty * 1000,
                                              target="<= 5x empty request", ok=value <= 5 * empty))
            if cache_seconds:
                continue
            # The map: the API call a pan or zoom makes (households clustered on the server) and the page a
            # national administrator opens (it reads the bounds of every household).
            empty_map, map_api, map_page = timed(port, [("/healthz", None),
                                                        (f"/api/v1/reports/map?bbox={bbox}&zoom=6", cookie_admin),
                                                        ("/reports/map/", cookie_admin)], repeats=MAP_REPEATS)
            figures.append(_common.figure(f"{label}: map API, {in_view:,} households in view (clusters)",
                                          map_api * 1000, "ms", baseline=empty_map * 1000,
                                          target="<= 100 ms", ok=map_api <= .1))
            figures.append(_common.figure(f"{label}: map page, national ({n_hh:,} households)", map_page * 1000,
                                          "ms", baseline=empty_map * 1000))
            before = peak_rss_mb(worker_pid(server))
            seconds, size, count = get(port, "/reports/exports/visits.csv", cookie_admin, lines=True)
            peak = peak_rss_mb(worker_pid(server))
            if count != n_visits + 1:
                raise RuntimeError(f"export has {count} lines for {n_visits} visits; see the server log")
            figures.append(_common.figure(f"{label}: CSV export of {n_visits:,} visits", seconds, "s"))
            figures.append(_common.figure(f"{label}: export rows per second", n_visits / seconds, "rows/s"))
            figures.append(_common.figure(f"{label}: server worker peak RSS during export", peak, "MB",
                                          baseline=before, target="flat (streamed)", ok=peak - before < 200))
            print(f"[{label}] export {size / 2**20:.0f} MB in {seconds:.0f} s, worker RSS {before:.0f} -> "
                  f"{peak:.0f} MB", flush=True)
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
    return figures


def main():
    p = _common.parser(__doc__.split("\n\n")[0])
    p.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432/postgres",
                   help="Server URL; a database bench_dashboard is created (and dropped) on it.")
    p.add_argument("--skip-postgres", action="store_true")
    p.add_argument("--skip-sqlite", action="store_true", help="PostgreSQL only (a full run takes long).")
    p.add_argument("--with-postgres", action="store_true", help="Also PostgreSQL in a --quick run.")
    p.add_argument("--keep", action="store_true", help="Keep the generated databases.")
    p.add_argument("--tiny", action="store_true", help=argparse_hidden())
    p.add_argument("--worker", nargs=2, metavar=("URL", "LABEL"), help=argparse_hidden())
    args = p.parse_args()
    scale = TINY if args.tiny else QUICK if args.quick else FULL
    if args.worker:
        print(json.dumps(worker(args.worker[0], scale, args.worker[1])), file=sys.stderr)
        return
    runs = []
    tmp = Path(tempfile.mkdtemp(prefix="bench_dashboard_"))
    if not args.skip_sqlite:
        runs.append((f"sqlite:///{tmp / 'bench.sqlite3'}", "SQLite"))
    pg_db = None
    if (not args.quick and not args.tiny and not args.skip_postgres) or args.with_postgres or args.skip_sqlite:
        base, _, _name = args.postgres.rpartition("/")
        pg_db = "bench_dashboard"
        _pg(args.postgres, f"DROP DATABASE IF EXISTS {pg_db}")
        _pg(args.postgres, f"CREATE DATABASE {pg_db}")
        runs.append((f"{base}/{pg_db}", "PostgreSQL"))
    figures = []
    try:
        for url, label in runs:
            flags = ["--quick"] if args.quick else ["--tiny"] if args.tiny else []
            proc = subprocess.run([sys.executable, __file__, *flags, "--worker", url, label], stderr=subprocess.PIPE,
                                  text=True)
            if proc.returncode != 0:
                print(proc.stderr[-4000:], file=sys.stderr)
                raise SystemExit(f"{label} run failed")
            figures += json.loads(proc.stderr.strip().splitlines()[-1])
    finally:
        if not args.keep:
            for f in tmp.glob("*"):
                f.unlink()
            tmp.rmdir()
            if pg_db:
                _pg(args.postgres, f"DROP DATABASE IF EXISTS {pg_db}")
    if args.tiny:
        print(json.dumps(figures, indent=1))
        return
    # One file per kind of run, so a quick run does not replace the last full one.
    suffix = ((".quick" + ("-postgres" if pg_db else "")) if args.quick
              else ".postgres" if args.skip_sqlite else ".sqlite" if not pg_db else "")
    _common.report(f"dashboard_scale{suffix}", figures, scale=scale, quick=args.quick)


def argparse_hidden():
    import argparse

    return argparse.SUPPRESS


def _pg(url, sql):
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(sql)


if __name__ == "__main__":
    main()
