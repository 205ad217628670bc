"""Work the worker runs on a schedule, without cron: (name, interval). Each name has a runner in RUNNERS.

A due entry is claimed by one worker only (ScheduleRun's time moves forward in one UPDATE), so any number of
workers can run. A runner whose module is not installed is skipped.
"""

import importlib
import logging
from datetime import timedelta

from django.db import DatabaseError
from django.utils import timezone

logger = logging.getLogger("balekdusun.jobs")

SCHEDULE: list[tuple[str, timedelta]] = [
    ("reminders", timedelta(hours=1)),
    ("purge", timedelta(days=1)),
    ("jobs_cleanup", timedelta(days=1)),
]


def run_reminders() -> str:
    from balekdusun.cases import reminders

    counts = reminders.send_reminders()
    digest = reminders.send_unassigned_digest()
    return f"reminded {counts['cases']} case(s); unassigned digest {digest['cases']} case(s)"


def run_purge() -> str | None:
    try:
        purge = importlib.import_module("balekdusun.privacy.purge")
    except ImportError:
        return None  # the retention purge is not part of this installation
    outcome = purge.run(dry_run=False)
    return f"purge: {outcome}"[:200]


def run_jobs_cleanup() -> str:
    """Finished jobs older than JOBS_KEEP_DAYS go, with their files and their queue entries."""
    from django.conf import settings
    from django_tasks_db.models import DBTaskResult

    from balekdusun.jobs.models import Job

    before = timezone.now() - timedelta(days=settings.JOBS_KEEP_DAYS)
    old = Job.objects.filter(status__in=[Job.Status.DONE, Job.Status.FAILED], finished_at__lt=before)
    n = 0
    for job in old.iterator():
        for f in (job.result_file, job.input_file):
            if f:
                f.delete(save=False)
        job.delete()
        n += 1
    DBTaskResult.objects.filter(finished_at__lt=before).delete()
    return f"removed {n} finished job(s)"


RUNNERS = {"reminders": run_reminders, "purge": run_purge, "jobs_cleanup": run_jobs_cleanup}


def claim(name: str, interval: timedelta, now=None) -> bool:
    """True when this caller won the right to run `name` now (it was due, and no other worker took it)."""
    from balekdusun.jobs.models import ScheduleRun

    now = now or timezone.now()
    _, created = ScheduleRun.objects.get_or_create(name=name, defaults={"last_run_at": now})
    if created:
        return True
    return ScheduleRun.objects.filter(name=name, last_run_at__lte=now - interval).update(last_run_at=now) == 1


def tick(now=None) -> list[str]:
    """Run every due entry; returns the names run. A failing runner is logged and tried again next interval."""
    from balekdusun.jobs.models import ScheduleRun

    ran = []
    for name, interval in SCHEDULE:
        runner = RUNNERS.get(name)
        if runner is None:
            continue
        try:
            if not claim(name, interval, now):
                continue
        except DatabaseError:
            continue  # locked by a long write: next tick
        try:
            outcome = runner()
        except Exception:  # noqa: BLE001 - one failing runner must not stop the worker
            logger.exception("scheduled %s failed", name)
            outcome = "failed"
        if outcome is None:
            continue
        ran.append(name)
        ScheduleRun.objects.filter(name=name).update(last_outcome=str(outcome)[:200])
    return ran
