"""With REDIS_URL the caches (rate limits, sessions, dashboards) are one Redis shared by every server process.

Runs against the Redis at 127.0.0.1:6379 (database 15, emptied first); skipped where no Redis answers."""

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
REDIS_URL = "redis://127.0.0.1:6379/15"

SCRIPT = """
import os, sys
os.environ["DJANGO_SETTINGS_MODULE"] = "balekdusun.settings"
import django
django.setup()
from django.core.cache import caches
from importlib import import_module
from django.conf import settings
step = sys.argv[1]
store = import_module(settings.SESSION_ENGINE).SessionStore
if step == "write":
    caches["default"].clear()
    for alias in ("default", "sessions", "reports"):
        caches[alias].set("same-key", alias, 60)
    s = store()
    s["note"] = "signed in"
    s.create()
    print(s.session_key)
elif step == "read":
    print(",".join(caches[a].get("same-key") or "-" for a in ("default", "sessions", "reports")))
    print(store(sys.argv[2]).get("note", "gone"))
elif step == "drop-row":
    from django.contrib.sessions.models import Session
    print(Session.objects.filter(session_key=sys.argv[2]).delete()[0])
elif step == "delete":
    store(sys.argv[2]).delete()
"""


def _redis_up() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
        return True
    except OSError:
        return False


def _env(tmp_path) -> dict:
    return {**os.environ, "BALEKDUSUN_MODE": "test", "PYTHONPATH": str(ROOT),
            "DATABASE_URL": f"sqlite:///{tmp_path / 'redis.sqlite3'}"}


def _run(tmp_path, *args) -> str:
    env = {**_env(tmp_path), "REDIS_URL": REDIS_URL}
    out = subprocess.run([sys.executable, "-c", SCRIPT, *args], env=env, capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr[-2000:]
    return out.stdout.strip()


@pytest.mark.skipif(not _redis_up(), reason="no Redis at 127.0.0.1:6379")
def test_processes_share_caches_and_a_sign_out_reaches_every_process_at_once(tmp_path):
    subprocess.run([sys.executable, "-m", "django", "migrate", "-v", "0"], check=True, cwd=ROOT,
                   env={**_env(tmp_path), "DJANGO_SETTINGS_MODULE": "balekdusun.settings"})
    key = _run(tmp_path, "write")
    # Another process sees the three caches, apart (each its own key prefix): one Redis, not per-process memory.
    assert _run(tmp_path, "read", key).splitlines() == ["default,sessions,reports", "signed in"]
    # The session is served from the shared cache: with its database row gone, other processes still find it ...
    assert _run(tmp_path, "drop-row", key) == "1"
    assert _run(tmp_path, "read", key).splitlines()[1] == "signed in"
    # ... until a sign-out in one process deletes the cached copy, for every process at once.
    _run(tmp_path, "delete", key)
    assert _run(tmp_path, "read", key).splitlines()[1] == "gone"
