"""Runs one Job: marks it running, calls its kind (jobs/kinds.py), stores the outcome or the reason it failed."""

import logging
import os

from django.core.files import File
from django.db import transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from balekdusun.jobs import kinds
from balekdusun.jobs import progress as P
from balekdusun.jobs.models import Job

logger = logging.getLogger("balekdusun.jobs")

CURRENT_WORKER = {"id": ""}  # set by the worker command, stored on the jobs it runs


def run(job_id: str) -> str:
    claimed = Job.objects.filter(pk=job_id, status=Job.Status.QUEUED).update(
        status=Job.Status.RUNNING, started_at=timezone.now(), finished_at=None, attempts=F("attempts") + 1,
        phase=P.STARTING, done=0, error="", errors=[], worker_id=CURRENT_WORKER["id"])
    if not claimed:
        return "skipped"  # deleted, or already run (a retry makes a fresh queue entry)
    job = Job.objects.select_related("owner", "office").get(pk=job_id)
    progress = P.Progress(job)
    with translation.override(job.language):
        try:
            outcome = kinds.KINDS[job.kind](job, progress)
        except kinds.Failed as failed:
            _fail(job, failed.message, failed.errors, progress)
            return "failed"
        except Exception:  # noqa: BLE001 - any crash becomes a failed job with a reason in words
            logger.exception("job %s (%s) crashed", job.pk, job.kind)
            _fail(job, _("The job stopped because of an unexpected error. Nothing was changed; you can try "
                         "again, and if it fails again tell your administrator."), [], progress)
            return "failed"
        _finish(job, outcome, progress)
    return "done"


def _fail(job, message, errors, progress) -> None:
    Job.objects.filter(pk=job.pk).update(
        status=Job.Status.FAILED, finished_at=timezone.now(), error=str(message)[:4000], errors=errors[:1000],
        phase=P.STOPPED, done=progress.done, total=progress.total)
    P.forget(job.pk)


def _finish(job, outcome, progress) -> None:
    job.refresh_from_db()
    if outcome.path:
        try:
            with open(outcome.path, "rb") as f:
                job.result_file.save(outcome.filename, File(f), save=False)
        finally:
            os.unlink(outcome.path)
        job.result_name = outcome.filename
    if job.input_file:
        # The upload may hold personal data: kept only until the job has used it.
        job.input_file.delete(save=False)
    job.status, job.finished_at, job.phase = Job.Status.DONE, timezone.now(), P.FINISHED
    job.summary = outcome.summary
    job.total = progress.total or progress.done
    job.done = job.total
    with transaction.atomic():
        job.save()
    P.forget(job.pk)


def recover_abandoned(alive: set[str]) -> int:
    """Jobs left "running" by a worker that stopped (killed, machine down) fail with a reason and may be retried.

    Their work was in a transaction that never committed, so nothing of it was written.
    """
    stale = Job.objects.filter(status=Job.Status.RUNNING).exclude(worker_id__in=alive)
    n = 0
    for job in stale:
        with translation.override(job.language):
            message = _("The worker stopped while this job was running. Nothing was changed; try again.")
        n += Job.objects.filter(pk=job.pk, status=Job.Status.RUNNING).update(
            status=Job.Status.FAILED, finished_at=timezone.now(), error=message, phase=P.STOPPED)
        P.forget(job.pk)
    return n
