"""Starting and retrying jobs. The page calls these; the worker runs what they queue."""

from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from balekdusun.core import audit
from balekdusun.core.services import DomainError
from balekdusun.jobs import progress as P
from balekdusun.jobs.models import Job


def _enqueue(job) -> None:
    from balekdusun.jobs.tasks import run_job

    result = run_job.enqueue(str(job.pk))
    job.task_id = str(result.id)
    Job.objects.filter(pk=job.pk).update(task_id=job.task_id)


def start(*, kind: str, owner, title: str = "", params: dict | None = None, upload=None) -> Job:
    """Queue a job for `owner` (its office is the owner's). `upload`: a Django UploadedFile kept until it ran."""
    if kind not in Job.Kind.values:
        raise DomainError("jobs.kind", _("Unknown kind of job."), field="kind")
    with transaction.atomic():
        job = Job(kind=kind, owner=owner, office=owner.office, title=title[:200], params=params or {},
                  language=translation.get_language() or "id", phase=P.WAITING)
        if upload is not None:
            job.input_name = upload.name[:200]
            job.input_file.save(upload.name, upload, save=False)
        job.save()
        audit.log(owner, "job.started", job, kind=kind)
        _enqueue(job)
    return job


def retry(*, job: Job, actor) -> Job:
    """Queue a failed job again, as it was. Only its owner may (it runs with the owner's rights)."""
    if job.owner_id != actor.pk:
        raise DomainError("jobs.not_owner", _("Only the person who started this job may run it again."))
    with transaction.atomic():
        if not Job.objects.filter(pk=job.pk, status=Job.Status.FAILED).update(
                status=Job.Status.QUEUED, phase=P.WAITING, done=0, error="", errors=[], finished_at=None):
            raise DomainError("jobs.not_failed", _("Only a failed job can be run again."))
        job.refresh_from_db()
        audit.log(actor, "job.retried", job, kind=job.kind)
        _enqueue(job)
    return job
