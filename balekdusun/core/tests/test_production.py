"""Production smoke test: gunicorn with deploy/gunicorn.conf.py and production settings (DEBUG off, keys generated
for the test, two-step sign-in required of coordinators, HTTPS said by the proxy header), plus the background
worker when the project has one, on a database of their own (PostgreSQL when DATABASE_URL is PostgreSQL, else
SQLite). Through HTTP: sign in, push a visit through the sync API, import a file to the end, download an export,
check /healthz. Then the processes stop and their logs must hold no error."""

import json
import re
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
import requests

from balekdusun.core.tests import production
from balekdusun.core.tests.workers import free_port

pytestmark = [pytest.mark.xdist_group("production")]
PASSWORD = "Sungai-Musi-2026-kuat"
TOTP_KEY = "3132333435363738393031323334353637383930"  # hex, the coordinator's authenticator
VILLAGE = "16.02.08.2017"
# Lines of the server and worker logs that mean something went wrong.
ERROR_LINE = re.compile(r"Traceback|\[ERROR\]|\[CRITICAL\]|Internal Server Error|\bERROR\b|\" 5\d\d ")

SETUP = f"""
import json
from django.core.management import call_command, get_commands
from django.utils import timezone
from conftest import load_test_regions
from django_otp.plugins.otp_totp.models import TOTPDevice
from balekdusun.campaigns.models import Campaign, Household, Outreach, TeamMember, Turf, TurfStop
from balekdusun.core.models import Office, User

call_command("migrate", interactive=False, verbosity=0)
call_command("collectstatic", interactive=False, verbosity=0)
call_command("check", deploy=True, fail_level="ERROR")
call_command("create_admin", username="it-nasional")  # the password from ADMIN_PASSWORD
load_test_regions()
office = Office.objects.create(name="BP3MI Sumatera Selatan", short_name="BP3MI Sumsel", jurisdiction=["16"])
users = {{}}
for username, role in [("carol", "coordinator"), ("bob", "officer")]:
    user = User(username=username, role=role, office=office)
    user.set_password({PASSWORD!r})
    user.save()
    users[username] = user
TOTPDevice.objects.create(user=users["carol"], name="app", key={TOTP_KEY!r}, confirmed=True)
campaign = Campaign.objects.create(office=office, name="Balek Dusun", start_date=timezone.localdate())
outreach = Outreach.objects.create(campaign=campaign, village_id={VILLAGE!r}, date=timezone.localdate(),
                                   status="in_progress")
TeamMember.objects.create(outreach=outreach, user=users["bob"])
turf = Turf.objects.create(outreach=outreach, name="Dusun I")
turf.officers.add(users["bob"])
household = Household.objects.create(village_id={VILLAGE!r}, dusun="I", rt="001", address="Rumah 1",
                                     latitude=-3.3, longitude=104.9)
TurfStop.objects.create(turf=turf, household=household, position=1)
print(json.dumps({{"outreach": outreach.pk, "household": household.pk,
                  # Whether this version of the project has the background worker (`balekdusun worker`).
                  "worker": "worker" in get_commands()}}))
"""


def start(command: list[str], env: dict, log: Path) -> subprocess.Popen:
    handle = log.open("w")
    return subprocess.Popen(command, env=env, cwd=production.ROOT, stdout=handle, stderr=subprocess.STDOUT)


def stop(proc: subprocess.Popen) -> int:
    proc.terminate()
    try:
        return proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        return proc.wait()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("production")
    with production.scratch_database(tmp, "smoke") as database_url:
        port = free_port()
        (tmp / "metrics").mkdir()
        env = production.environment(tmp, database_url, GUNICORN_BIND=f"127.0.0.1:{port}", GUNICORN_WORKERS="2",
                                     GUNICORN_THREADS="2", PROMETHEUS_MULTIPROC_DIR=str(tmp / "metrics"),
                                     CSRF_TRUSTED_ORIGINS=f"https://127.0.0.1:{port}",
                                     SITE_URL=f"https://127.0.0.1:{port}", SECURE_COOKIES="0",
                                     JOBS_SYNC_IMPORT_MAX_BYTES="1", JOBS_PROGRESS_DIR=str(tmp / "jobs-progress"))
        ids = json.loads(production.run_python({**env, "ADMIN_PASSWORD": PASSWORD}, SETUP).strip().splitlines()[-1])

        logs = {"gunicorn": tmp / "gunicorn.log"}
        procs = {"gunicorn": start([str(Path(sys.executable).with_name("gunicorn")), "--config",
                                    str(production.ROOT / "deploy" / "gunicorn.conf.py"), "balekdusun.wsgi"],
                                   env, logs["gunicorn"])}
        if ids["worker"]:
            logs["worker"] = tmp / "worker.log"
            procs["worker"] = start([sys.executable, "-m", "balekdusun", "worker"], env, logs["worker"])
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    if requests.get(url + "/healthz", timeout=5).status_code == 200:
                        break
                except requests.ConnectionError:
                    pass
                assert procs["gunicorn"].poll() is None, logs["gunicorn"].read_text()[-3000:]
                assert time.monotonic() < deadline, "gunicorn did not answer /healthz within 60 s"
                time.sleep(0.2)
            yield {"url": url, "env": env, "ids": ids, "procs": procs, "logs": logs}
        finally:
            for proc in procs.values():
                if proc.poll() is None:
                    stop(proc)


class Browser(requests.Session):
    """A client behind the TLS proxy: every request says it came over HTTPS, with the HTTPS referer Django's CSRF
    check wants."""

    def __init__(self, url):
        super().__init__()
        self.url = url
        self.headers.update({"X-Forwarded-Proto": "https", "Referer": url.replace("http://", "https://") + "/"})

    def request(self, method, path, **kwargs):
        kwargs.setdefault("timeout", 60)
        return super().request(method, path if path.startswith("http") else self.url + path, **kwargs)

    def csrf(self, path) -> str:
        page = self.get(path)
        assert page.status_code == 200, (path, page.status_code)
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)


def sign_in(site) -> Browser:
    from django_otp.oath import TOTP

    web = Browser(site["url"])
    answer = web.post("/accounts/login/", data={"username": "carol", "password": PASSWORD,
                                                "csrfmiddlewaretoken": web.csrf("/accounts/login/")})
    assert answer.status_code == 200 and "/accounts/two-factor/verify/" in answer.url, answer.url
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', answer.text).group(1)
    code = f"{TOTP(bytes.fromhex(TOTP_KEY)).token():06d}"
    answer = web.post(answer.url, data={"code": code, "csrfmiddlewaretoken": csrf})
    assert answer.status_code == 200 and answer.url.rstrip("/") == site["url"], (answer.status_code, answer.url)
    return web


def follow_job(web: Browser, answer: requests.Response, timeout: float = 45) -> requests.Response:
    """With background jobs (balekdusun/jobs), long work answers with its job page /jobs/<id>/: poll its
    status.json until the job has finished, which must be without failure; returns the job page. Without jobs the
    answer is the work's own result and is returned as it is."""
    if not re.search(r"/jobs/[0-9a-f-]{36}/$", answer.url):
        return answer
    deadline = time.monotonic() + timeout
    while True:
        status = web.get(answer.url + "status.json")
        if status.status_code == 200 and status.json().get("finished"):
            assert status.json()["status"] == "done", status.json()
            return web.get(answer.url)
        assert status.status_code in (200, 503), status.text  # 503: the database was busy a moment
        assert time.monotonic() < deadline, f"the job at {answer.url} did not finish: {status.text}"
        time.sleep(0.5)


def count(site, model: str) -> int:
    app, name = model.split(".")
    code = f"from django.apps import apps; print(apps.get_model({app!r}, {name!r}).objects.count())"
    return int(production.run_python(site["env"], code).strip())


def test_production_smoke(site):
    url = site["url"]
    health = requests.get(url + "/healthz", timeout=10)
    assert health.status_code == 200
    # Plain HTTP is sent to HTTPS in production (the proxy says which it was).
    plain = requests.get(url + "/accounts/login/", allow_redirects=False, timeout=10)
    assert plain.status_code == 301 and plain.headers["Location"].startswith("https://")

    # Static files: collected, hashed names, served by the app (whitenoise) when no proxy serves them.
    web = sign_in(site)
    home = web.get("/")
    css = re.search(r'href="(/static/[^"]+\.[0-9a-f]{12}\.css)"', home.text)
    assert css, "the page links no hashed stylesheet"
    assert web.get(css.group(1)).status_code == 200

    # The field officer pushes a visit through the sync API.
    token = requests.post(url + "/api/v1/sync/token", json={"username": "bob", "password": PASSWORD},
                          headers={"X-Forwarded-Proto": "https"}, timeout=30)
    assert token.status_code == 200, token.text
    today = time.strftime("%Y-%m-%d")
    record = {"type": "visit", "uuid": str(uuid.uuid4()), "data": {
        "household": site["ids"]["household"], "outreach": site["ids"]["outreach"],
        "visited_at": f"{today}T00:30:00+07:00", "outcome": "met", "latitude": -3.3, "longitude": 104.9,
        "met_role": "head", "topics": ["hotline"],
        "migration": {"abroad": [], "returnees": 0, "planning": []},
        "knowledge": {"legal_procedure": True, "hotline": True, "warning_signs": False}}}
    pushed = requests.post(url + "/api/v1/sync/push", json={"records": [record]}, timeout=30,
                           headers={"Authorization": f"Bearer {token.json()['token']}", "X-Forwarded-Proto": "https"})
    assert pushed.status_code == 200, pushed.text
    assert [r["status"] for r in pushed.json()["results"]] == ["created"]

    # The coordinator imports the migration figures (the template file) to the end.
    template = web.get("/planning/migration/template.csv")
    assert template.status_code == 200
    answer = web.post("/planning/migration/", data={"csrfmiddlewaretoken": web.csrf("/planning/migration/")},
                      files={"file": ("data-pmi.csv", template.content, "text/csv")})
    assert answer.status_code == 200, answer.text[-2000:]
    # With background jobs, a file over JOBS_SYNC_IMPORT_MAX_BYTES (1 byte here) is imported by the worker.
    assert ("/jobs/" in answer.url) == site["ids"]["worker"], answer.url
    follow_job(web, answer)
    deadline = time.monotonic() + 45
    while count(site, "campaigns.MigrationStat") < 2:
        assert time.monotonic() < deadline, "the import did not finish"
        time.sleep(1)

    # An export to download: the visit pushed above, streamed within the request ...
    exports = [web.get("/reports/exports/visits.csv")]
    if site["ids"]["worker"]:
        # ... and prepared by the worker as a file to download when ready.
        path = "/jobs/new/export/visits.csv"
        job = follow_job(web, web.post(path, data={"csrfmiddlewaretoken": web.csrf(path)}))
        assert "/jobs/" in job.url, job.url
        exports.append(web.get(job.url + "file/"))
    for exported in exports:
        assert exported.status_code == 200 and "csv" in exported.headers["Content-Type"], exported.headers
        rows = [line for line in exported.content.decode("utf-8-sig").splitlines() if line.strip()]
        assert len(rows) == 2, rows  # a header and the visit

    assert requests.get(url + "/healthz", timeout=10).status_code == 200
    ready = requests.get(url + "/readyz", headers={"X-Forwarded-Proto": "https"}, allow_redirects=False, timeout=10)
    assert ready.status_code in (200, 404), ready.text  # /readyz arrives with the operations app

    # Stop, then read the logs: nothing went wrong anywhere.
    for name, proc in site["procs"].items():
        assert proc.poll() is None, f"{name} stopped by itself:\n" + site["logs"][name].read_text()[-3000:]
        stop(proc)
    for name, log in site["logs"].items():
        errors = [line for line in log.read_text().splitlines() if ERROR_LINE.search(line)]
        assert errors == [], f"{name} logged errors:\n" + "\n".join(errors[:20])
    assert "Booting worker" in site["logs"]["gunicorn"].read_text()
