"""The one task of the queue: run a Job row. The task carries only the job's id; the row holds the rest."""

from django_tasks import task

from balekdusun.jobs import runner


@task()
def run_job(job_id: str) -> str:
    return runner.run(job_id)
