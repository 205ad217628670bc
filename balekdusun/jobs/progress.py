"""Live progress of a running job.

A job's own work may sit in one transaction (an all-or-nothing import), so progress written to its row would not be
seen until the end, and on SQLite a second connection could not write while that transaction holds the lock. Live
figures therefore go to the `jobs` cache (a file cache shared by the processes of one server, Redis when
REDIS_URL is set); the row gets them at each phase change made outside a transaction and when the job ends.
"""

import time

from django.core.cache import caches
from django.db import connection
from django.utils.translation import gettext_noop

# Phases are stored as these English msgids and shown translated (templates/jobs/*.html, views.status).
WAITING = gettext_noop("Waiting for a worker")
STARTING = gettext_noop("Starting")
READING = gettext_noop("Reading and checking rows")
SAVING = gettext_noop("Saving")
WRITING = gettext_noop("Writing the file")
DRAWING = gettext_noop("Drawing the PDF")
REBUILDING = gettext_noop("Recounting the dashboard figures")
FINISHED = gettext_noop("Finished")
STOPPED = gettext_noop("Stopped")
PHASES = (WAITING, STARTING, READING, SAVING, WRITING, DRAWING, REBUILDING, FINISHED, STOPPED)

EVERY_SECONDS = 0.25


def _key(job_id) -> str:
    return f"job:{job_id}"


def _cache():
    return caches["jobs"]


class Progress:
    """Handed to a job kind: `update(done=..., total=..., phase=...)` as it goes (cheap to call often)."""

    def __init__(self, job):
        self.job = job
        self.done, self.total, self.phase = job.done, job.total, job.phase
        self._written = 0.0

    def update(self, *, done: int | None = None, total: int | None = None, phase: str | None = None) -> None:
        changed_phase = phase is not None and phase != self.phase
        if done is not None:
            self.done = max(0, int(done))
        if total is not None:
            self.total = max(0, int(total))
        if phase is not None:
            self.phase = phase
        if self.total and self.done > self.total:
            self.done = self.total
        now = time.monotonic()
        if changed_phase or now - self._written >= EVERY_SECONDS:
            self._written = now
            self.flush(row=changed_phase)

    def flush(self, *, row: bool = False) -> None:
        _cache().set(_key(self.job.pk), {"done": self.done, "total": self.total, "phase": self.phase}, 24 * 3600)
        if row and not connection.in_atomic_block:
            type(self.job).objects.filter(pk=self.job.pk).update(done=self.done, total=self.total, phase=self.phase)


def current(job) -> dict:
    """done, total and phase of a job: the live figures while it runs, the row's once it ended."""
    figures = {"done": job.done, "total": job.total, "phase": job.phase}
    if job.status == "running":
        live = _cache().get(_key(job.pk))
        if isinstance(live, dict):
            figures.update(live)
    return figures


def forget(job_id) -> None:
    _cache().delete(_key(job_id))
