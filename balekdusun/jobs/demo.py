"""Demo: one finished import job, run for real through the job runner, so /jobs/ shows a job with its progress."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

DEMO_VILLAGE = "16.02.08.2014"  # Desa Penyandingan, Kec. Sirah Pulau Padang: no other demo data there
DEMO_FILE = "daftar-rumah-penyandingan.csv"
DEMO_ROWS = 60


def _csv() -> bytes:
    lines = ["dusun,rt,rw,address,latitude,longitude"]
    for i in range(DEMO_ROWS):
        lines.append(f"Dusun {'I' * (i % 3 + 1)},{i % 6 + 1:03d},001,Rumah panggung nomor {i + 1},"
                     f"-3.{3010 + i * 3:04d},104.{8120 + i * 2:04d}")
    return ("\n".join(lines) + "\n").encode()


def seed(ctx: dict) -> None:
    from balekdusun.jobs import runner, services
    from balekdusun.jobs.models import Job
    from balekdusun.regions.models import Area

    owner = ctx["users"]["koordinator.sumsel"]
    if Job.objects.filter(kind=Job.Kind.IMPORT_HOUSEHOLDS, input_name=DEMO_FILE).exists():
        return
    village = Area.objects.filter(code=DEMO_VILLAGE).first()
    if village is None:
        return
    with translation.override("id"):
        job = services.start(kind=Job.Kind.IMPORT_HOUSEHOLDS, owner=owner, title=village.name,
                             upload=SimpleUploadedFile(DEMO_FILE, _csv(), content_type="text/csv"),
                             params={"village": DEMO_VILLAGE})
    runner.run(str(job.pk))
    # Ran here, not by a worker: take it off the worker's queue.
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.filter(id=job.task_id).delete()
    ctx["demo_job"] = job
