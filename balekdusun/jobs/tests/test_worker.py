"""The worker: schedule without cron, heartbeat and readiness, the command, several workers."""

import sys
import threading
import time
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import OperationalError
from django.utils import timezone

from balekdusun.jobs import heartbeat, schedule, services
from balekdusun.jobs.models import Job, ScheduleRun, WorkerHeartbeat
from balekdusun.jobs.worker import JobWorker

pytestmark = pytest.mark.django_db


def test_schedule_runs_each_entry_once_per_interval(monkeypatch):
    calls = []
    monkeypatch.setattr(schedule, "RUNNERS", {"reminders": lambda: calls.append(1) or "ok",
                                              "purge": schedule.run_purge})
    now = timezone.now()
    assert "reminders" in schedule.tick(now)
    assert schedule.tick(now + timedelta(minutes=30)) == []  # not due yet: no second run
    assert "reminders" in schedule.tick(now + timedelta(minutes=61))
    assert len(calls) == 2
    assert ScheduleRun.objects.get(name="reminders").last_outcome == "ok"


def test_claim_is_won_by_one_worker_only():
    now = timezone.now()
    assert schedule.claim("reminders", timedelta(hours=1), now)
    later = now + timedelta(hours=2)
    assert schedule.claim("reminders", timedelta(hours=1), later)
    assert not schedule.claim("reminders", timedelta(hours=1), later)  # a second worker at the same moment


def test_purge_is_skipped_until_the_privacy_app_exists(monkeypatch):
    monkeypatch.setitem(sys.modules, "balekdusun.privacy.purge", None)  # import fails
    assert schedule.run_purge() is None


def test_purge_runs_when_it_imports(monkeypatch):
    import types

    seen = {}
    module = types.ModuleType("balekdusun.privacy.purge")
    module.run = lambda dry_run: seen.setdefault("dry_run", dry_run) or {"deleted": 3}
    monkeypatch.setitem(sys.modules, "balekdusun.privacy.purge", module)
    assert schedule.run_purge().startswith("purge:")
    assert seen == {"dry_run": False}


def test_reminders_runner_calls_the_cases_reminders():
    text = schedule.run_reminders()
    assert text.startswith("reminded 0 case(s)")


def test_a_failing_runner_does_not_stop_the_others(monkeypatch):
    def broken():
        raise RuntimeError("smtp down")

    monkeypatch.setattr(schedule, "RUNNERS", {"reminders": broken, "purge": lambda: "purged",
                                              "jobs_cleanup": lambda: "cleaned"})
    assert schedule.tick() == ["reminders", "purge", "jobs_cleanup"]
    assert ScheduleRun.objects.get(name="reminders").last_outcome == "failed"


def test_heartbeat_and_readiness(settings):
    settings.READY_WORKER_STALE_SECONDS = 60
    with pytest.raises(heartbeat.WorkerNotReady, match="no worker"):
        heartbeat.readiness_check()
    heartbeat.beat("w1", timezone.now())
    assert heartbeat.readiness_check() == "last worker heartbeat 0 s ago"
    WorkerHeartbeat.objects.update(beat_at=timezone.now() - timedelta(seconds=61))
    with pytest.raises(heartbeat.WorkerNotReady, match="61 s ago"):
        heartbeat.readiness_check()
    assert heartbeat.alive_ids() == set()


def test_worker_command_once_runs_queued_jobs(alice):
    job = services.start(kind="rebuild_rollups", owner=alice)
    call_command("worker", "--once", "--no-schedule", "--nice", "0")
    job.refresh_from_db()
    assert job.status == "done"


def _eventually(check, seconds=5.0) -> bool:
    """True once `check()` is (the in-memory test database may refuse a read while the beat thread writes)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if check():
                return True
        except OperationalError:
            pass
        time.sleep(0.05)
    return False


@pytest.mark.django_db(transaction=True)
def test_worker_loop_beats_runs_jobs_and_stops(alice, monkeypatch):
    monkeypatch.setattr("balekdusun.jobs.worker.BEAT_SECONDS", 0.1)
    worker = JobWorker(interval=0.05, worker_id="loop-test", run_schedule=False)
    thread = threading.Thread(target=worker.run)
    # Queued before the thread starts: the in-memory SQLite test database answers "table is locked" at once
    # (no busy wait) to a second writer, so the test's own write must not race the worker's first beat.
    job = services.start(kind="rebuild_rollups", owner=alice)
    thread.start()
    try:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                job.refresh_from_db()
            except OperationalError:
                pass  # the in-memory test database locks a table while the worker thread writes it
            if job.finished:
                break
            time.sleep(0.1)
        assert job.status == "done" and job.worker_id == "loop-test"
        assert _eventually(lambda: WorkerHeartbeat.objects.filter(worker_id="loop-test").exists())
    finally:
        worker.stop()
        thread.join(10)
    assert not thread.is_alive()
    assert not WorkerHeartbeat.objects.filter(worker_id="loop-test").exists()
    assert Job.objects.filter(status="running").count() == 0


def test_cleanup_removes_old_finished_jobs_and_their_files(alice, settings):
    from django.core.files.base import ContentFile

    settings.JOBS_KEEP_DAYS = 14
    old = services.start(kind="rebuild_rollups", owner=alice)
    recent = services.start(kind="rebuild_rollups", owner=alice)
    running = services.start(kind="rebuild_rollups", owner=alice)
    old.result_file.save("x.csv", ContentFile(b"a,b\n"), save=False)
    Job.objects.filter(pk=old.pk).update(status="done", finished_at=timezone.now() - timedelta(days=15),
                                         result_file=old.result_file.name)
    Job.objects.filter(pk=recent.pk).update(status="failed", finished_at=timezone.now() - timedelta(days=3))
    Job.objects.filter(pk=running.pk).update(status="running")
    storage, name = old.result_file.storage, old.result_file.name
    assert storage.exists(name)
    assert schedule.run_jobs_cleanup() == "removed 1 finished job(s)"
    assert set(Job.objects.values_list("pk", flat=True)) == {recent.pk, running.pk}
    assert not storage.exists(name)


def test_readiness_check_is_registered_when_the_ops_app_exists(monkeypatch):
    import types

    registered = {}
    readiness = types.ModuleType("balekdusun.ops.readiness")
    readiness.register = lambda name, fn: registered.setdefault(name, fn)
    monkeypatch.setitem(sys.modules, "balekdusun.ops", types.ModuleType("balekdusun.ops"))
    monkeypatch.setitem(sys.modules, "balekdusun.ops.readiness", readiness)
    sys.modules["balekdusun.ops"].readiness = readiness
    from django.apps import apps

    apps.get_app_config("jobs").ready()
    assert registered == {"worker": heartbeat.readiness_check}
