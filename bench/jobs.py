"""Background jobs under load: a large household import and a visits export run as jobs by `balekdusun worker`
(a separate process), while a signed-in viewer keeps opening the dashboard on a gunicorn server.

    .venv/bin/python bench/jobs.py [--quick | --tiny] [--postgres URL]

Full: 50,000-row import, 10,000,000-visit export. --quick: 50,000 rows and 1,000,000 visits. --tiny: 5,000 rows
and 20,000 visits (a smoke test of the script). Figures: the import's and the export's time as jobs, and the p95
of a dashboard request while the export runs against its p95 with the worker idle, measured in the same run
(target: within 2x). The worker runs as `balekdusun worker` does by default (CPU
priority lowered by 10). Writes bench/results/jobs.json (jobs.tiny.json for --tiny; .postgres before .json on
PostgreSQL). SQLite in a temporary folder
unless --postgres names a server (a fresh database `bench_jobs` is made and dropped there).
"""

import os
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common  # noqa: E402

SCALES = {"full": (50_000, 10_000_000), "quick": (50_000, 1_000_000), "tiny": (5_000, 20_000)}
VILLAGE = "16.02.08.2017"
IDLE_REQUESTS = 60
PAUSE = 0.1  # between dashboard requests: a steady stream of users, not a saturating loop (both phases alike)
SECRET = "bench-jobs-not-a-secret-" + "x" * 30


def household_csv(path: Path, rows: int) -> None:
    with open(path, "w", encoding="utf-8") as out:
        out.write("dusun,rt,rw,address,latitude,longitude\n")
        for i in range(rows):
            out.write(f"Dusun {i % 9 + 1},{i % 30 + 1:03d},{i % 5 + 1:03d},Rumah nomor {i + 1},"
                      f"-3.{2000 + i % 7000:04d},104.{8000 + i % 900:04d}\n")


def seed(visits: int):
    """Regions of Sumatera Selatan, one office and coordinator, `visits` visits (bulk, not through the push)."""
    from balekdusun.campaigns.models import Household
    from balekdusun.core.models import Office, User
    from balekdusun.regions import loader, search
    from balekdusun.reports.rebuild import rebuild
    from balekdusun.visits.models import Visit

    base, villages, postal = loader.read_lokal()
    base = {c: n for c, n in base.items() if c.count(".") < 2 or c.startswith("16.")}
    villages = {c: n for c, n in villages.items() if c.startswith("16.02.")}
    loader.load_areas(list(loader.area_rows(base, villages, postal)))
    search.invalidate()
    office = Office.objects.create(name="BP3MI Sumatera Selatan", short_name="BP3MI Sumsel", jurisdiction=["16"])
    # Staff roles must sign in with a second factor; an officer imports and a viewer exports and reads dashboards.
    officer = User.objects.create(username="petugas", role="officer", office=office)
    user = User.objects.create(username="pemantau", role="viewer", office=office)
    codes = sorted(villages)[:200]
    households = Household.objects.bulk_create(Household(village_id=codes[i % len(codes)], address=f"Rumah {i}")
                                               for i in range(2000))
    start = datetime(2024, 1, 1, tzinfo=UTC)
    batch = []
    for i in range(visits):
        h = households[i % len(households)]
        batch.append(Visit(uuid=uuid.uuid4(), household_id=h.pk, village_id=h.village_id, officer=user,
                           outcome="met" if i % 3 else "absent", visited_at=start + timedelta(seconds=i * 30),
                           content_hash="x", data={"topics": ["hotline"], "materials": [{"quantity": 2}]}))
        if len(batch) == 10_000:
            Visit.objects.bulk_create(batch)
            batch = []
    Visit.objects.bulk_create(batch)
    rebuild()
    return officer, user


def wait_job(job_id, seconds=3600) -> float:
    from balekdusun.jobs.models import Job

    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        job = Job.objects.get(pk=job_id)
        if job.finished:
            if job.status != "done":
                raise SystemExit(f"job {job.kind} failed: {job.error} {job.errors[:3]}")
            return time.perf_counter() - start
        time.sleep(0.2)
    raise SystemExit(f"job {job_id} did not finish")


def main():
    p = _common.parser(__doc__.split("\n")[0])
    p.add_argument("--tiny", action="store_true", help="A smoke test of the script (5,000 rows, 20,000 visits).")
    p.add_argument("--postgres", default="", help="postgres://... of a server to run on instead of SQLite.")
    args = p.parse_args()
    scale = "tiny" if args.tiny else "quick" if args.quick else "full"
    rows, visits = SCALES[scale]
    tmp = Path(tempfile.mkdtemp(prefix="bench-jobs-"))
    if args.postgres:
        import contextlib

        db = _common.postgres_database(args.postgres, "bench_jobs")
    else:
        import contextlib

        db = contextlib.nullcontext(f"sqlite:///{tmp / 'bench.sqlite3'}")
    with db as url:
        if url is None:
            raise SystemExit("PostgreSQL not reachable")
        from cryptography.fernet import Fernet

        env = {**_common.production_env(url), "SECRET_KEY": SECRET, "MEDIA_ROOT": str(tmp / "media"),
               "FIELD_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
               "JOBS_PROGRESS_DIR": str(tmp / "progress"), "REPORTS_DASHBOARD_CACHE_SECONDS": "0",
               "STATIC_ROOT": str(tmp / "static"), "LOG_LEVEL": "ERROR"}
        os.environ.update({k: env[k] for k in ("DATABASE_URL", "SECRET_KEY", "MEDIA_ROOT", "JOBS_PROGRESS_DIR",
                                               "FIELD_ENCRYPTION_KEYS")})
        _common.setup_django("test")
        from django.core.files import File
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        with _common.timer() as t:
            officer, user = seed(visits)
        print(f"seeded {visits:,} visits in {t():.0f} s", flush=True)
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from dashboard_scale import get, session_for

        cookie = session_for(user)
        path = tmp / "rumah.csv"
        household_csv(path, rows)
        from balekdusun.jobs import services

        figures = []
        subprocess.run([sys.executable, "-m", "balekdusun", "collectstatic", "--noinput", "-v", "0"], env=env,
                       cwd=_common.ROOT, check=True)
        with _common.gunicorn(env, workers=2) as (port, _server):
            dashboard = "/reports/area/16/"
            for _ in range(5):
                get(port, dashboard, cookie)
            idle = []
            for _ in range(IDLE_REQUESTS):
                idle.append(get(port, dashboard, cookie)[0])
                time.sleep(PAUSE)
            idle_p95 = _common.percentile(idle, 95)
            worker = subprocess.Popen([sys.executable, "-m", "balekdusun", "worker", "--no-schedule",
                                       "--interval", "0.2"], env=env, cwd=_common.ROOT)
            try:
                with open(path, "rb") as f:
                    job = services.start(kind="import_households", owner=officer, upload=File(f, name="rumah.csv"),
                                         params={"village": VILLAGE}, title="bench")
                import_s = wait_job(job.pk)
                job = services.start(kind="export", owner=user, title="bench",
                                     params={"dataset": "visits", "fmt": "csv", "form": {}})
                during, done = [], threading.Event()

                def watch():
                    try:
                        wait_job(job.pk)
                    finally:
                        done.set()

                watcher = threading.Thread(target=watch)
                started = time.perf_counter()
                watcher.start()
                while not done.is_set():
                    during.append(get(port, dashboard, cookie)[0])
                    time.sleep(PAUSE)
                export_s = time.perf_counter() - started
                watcher.join()
            finally:
                worker.terminate()
                worker.wait(30)
        from balekdusun.jobs.models import Job

        export_job = Job.objects.get(pk=job.pk)
        if export_job.status != "done" or export_job.summary.get("rows") != visits:
            raise SystemExit(f"export wrote {export_job.summary} rows, expected {visits}")
        during_p95 = _common.percentile(during, 95)
        figures += [
            _common.figure(f"import job, {rows:,} household rows", import_s, "s"),
            _common.figure("import rate", rows / import_s, "rows/s"),
            _common.figure(f"export job, {visits:,} visits (CSV)", export_s, "s"),
            _common.figure("export rate", visits / export_s, "rows/s"),
            _common.figure("dashboard p95, worker idle", idle_p95 * 1000, "ms"),
            _common.figure(f"dashboard p95 during the export ({len(during)} requests)", during_p95 * 1000, "ms",
                           baseline=idle_p95 * 1000, target="≤ 2x idle", ok=during_p95 <= 2 * idle_p95),
        ]
    import shutil

    shutil.rmtree(tmp, ignore_errors=True)
    name = "jobs.tiny" if scale == "tiny" else "jobs"
    _common.report(name + (".postgres" if args.postgres else ""), figures, scale=scale, rows=rows, visits=visits,
                   database="postgresql" if args.postgres else "sqlite", quick=scale != "full")


if __name__ == "__main__":
    main()
