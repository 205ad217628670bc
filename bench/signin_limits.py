"""Limits hold across server processes without Redis (core/counters.py, core/ratelimit.py).

    .venv/bin/python bench/signin_limits.py [--quick]

gunicorn with 2 sync workers on a throw-away SQLite file, no REDIS_URL. From one address and one device cookie,
many requests at once (8 threads):
1. help reports on the portal, PORTAL_HELP_LIMIT=5 an hour: how many were accepted (target: exactly 5);
2. agency searches, PORTAL_SEARCH_LIMIT=20: how many were answered (target: exactly 20);
3. wrong passwords on the field app's sign-in, then the right one: whether the pause held on both workers.
Baseline, measured in the same run: the same server with RATE_COUNTERS=cache, i.e. the per-process counters of
before, where each worker counts on its own. Also the time of one request under the database counters against
the baseline's (the cost of the shared counter).
"""

import re
import secrets
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common  # noqa: E402

_common.setup_django("test")
import requests  # noqa: E402

from balekdusun.core.tests import workers  # noqa: E402

PASSWORD = "correct-horse-battery"
SEED = f"""
from django.core.management import call_command
call_command("migrate", verbosity=0)
from balekdusun.core.models import Office, User
from balekdusun.regions.models import Area
parent = None
for code, level, name in [("16", 1, "Sumatera Selatan"), ("16.02", 2, "Ogan Komering Ilir"),
                          ("16.02.08", 3, "Pampangan"), ("16.02.08.2017", 4, "Pematang Buluran")]:
    parent = Area.objects.create(code=code, level=level, name=name, parent=parent)
office = Office.objects.create(name="BP3MI Sumatera Selatan", short_name="Sumsel", jurisdiction=["16"])
user = User(username="bob", role="officer", office=office)
user.set_password({PASSWORD!r})
user.save()
"""
REPORT = {"kind": "broker", "description": "Ada calo menawarkan kerja di Kamboja dengan visa turis.",
          "village": "16.02.08.2017", "name": "", "phone": "", "consent": "on"}


def _run(counters: str, tries: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        env = workers.environment(Path(tmp), RATE_COUNTERS=counters, PORTAL_HELP_LIMIT="5",
                                  PORTAL_SEARCH_LIMIT="20", LOGIN_FREE_FAILURES="3")
        workers.run_python(env, SEED)
        with workers.gunicorn(env, workers=2) as url:
            cookies = {"bd_device": secrets.token_hex(16)}
            page = requests.get(f"{url}/portal/help/", cookies=cookies, timeout=30)
            csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
            jar = {**cookies, **page.cookies.get_dict()}

            def report():
                return requests.post(f"{url}/portal/help/", data={**REPORT, "csrfmiddlewaretoken": csrf},
                                     cookies=jar, headers={"Referer": f"{url}/portal/help/"},
                                     allow_redirects=False, timeout=60)

            reports = workers.parallel([report] * tries)
            searches = workers.parallel([lambda i=i: requests.get(f"{url}/portal/agencies/", params={"q": f"pt {i}"},
                                                                  cookies=cookies, timeout=60)
                                         for i in range(tries * 4)])
            login = {"bd_device": secrets.token_hex(16)}

            def token(password):
                return requests.post(f"{url}/api/v1/sync/token", json={"username": "bob", "password": password},
                                     cookies=login, timeout=60)

            workers.parallel([lambda: token("wrong")] * 10)
            right = workers.parallel([lambda: token(PASSWORD)] * 8)
            timings = []
            for i in range(tries * 2):
                start = time.perf_counter()
                requests.get(f"{url}/portal/agencies/", params={"q": f"t {i}"}, timeout=60)  # new holder each
                timings.append((time.perf_counter() - start) * 1000)
            answered = reports + searches + right
            return {"reports_accepted": sum(r.status_code == 302 for r in reports),
                    "reports_tried": tries,
                    "searches_answered": sum(r.status_code == 200 for r in searches),
                    "searches_tried": tries * 4,
                    "right_password_refused_during_pause": sum(r.status_code == 429 for r in right),
                    "right_password_tries": len(right),
                    "workers_seen": len({r.headers.get("X-Worker-Pid") for r in answered}),
                    "search_ms_median": round(statistics.median(timings), 1)}


def main():
    args = _common.parser(__doc__.splitlines()[0]).parse_args()
    tries = 12 if args.quick else 30
    shared = _run("database", tries)
    baseline = _run("cache", tries)
    ok = (shared["reports_accepted"] == 5 and shared["searches_answered"] == 20
          and shared["right_password_refused_during_pause"] == 8 and shared["workers_seen"] == 2)
    f = _common.figure
    _common.report("signin_limits", [
        f("help reports accepted, limit 5 (baseline: per-process counters)", shared["reports_accepted"], "",
          baseline=baseline["reports_accepted"], target="= 5", ok=shared["reports_accepted"] == 5),
        f("searches answered, limit 20", shared["searches_answered"], "", baseline=baseline["searches_answered"],
          target="= 20", ok=shared["searches_answered"] == 20),
        f("right password refused during the pause, of 8", shared["right_password_refused_during_pause"], "",
          baseline=baseline["right_password_refused_during_pause"], target="= 8",
          ok=shared["right_password_refused_during_pause"] == 8),
        f("workers that answered", shared["workers_seen"], "", baseline=baseline["workers_seen"], target="= 2",
          ok=shared["workers_seen"] == 2),
        f("search request, median", shared["search_ms_median"], "ms", baseline=baseline["search_ms_median"],
          target="ratio <= 2", ok=shared["search_ms_median"] <= 2 * baseline["search_ms_median"]),
    ], quick=args.quick, database=shared, baseline_per_process=baseline, holds=ok)
    print("limits hold across 2 workers:", "yes" if ok else "NO")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
