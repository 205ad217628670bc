import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from balekdusun.jobs.worker import JobWorker

VILLAGE = "16.02.08.2017"  # Desa Pematang Buluran, Sumatera Selatan


def run_jobs():
    """Run every queued job now, as `balekdusun worker --once` does."""
    JobWorker(run_schedule=False, worker_id="test-worker").run_once()


def household_csv(n: int, *, bad_line: int | None = None) -> bytes:
    out = io.StringIO()
    out.write("dusun,rt,address,latitude,longitude\n")
    for i in range(n):
        consent = ""
        lat = f"-3.{2500 + i % 500:04d}"
        if bad_line is not None and i + 2 == bad_line:
            lat = "north"
        out.write(f"Dusun {i % 7 + 1},{i % 20 + 1:03d},Rumah nomor {i},{lat},104.8502{consent}\n")
    return out.getvalue().encode()


def upload(data: bytes, name="rumah.csv"):
    return SimpleUploadedFile(name, data, content_type="text/csv")


@pytest.fixture(autouse=True)
def _small_sync_limit(settings, tmp_path):
    settings.JOBS_SYNC_IMPORT_MAX_BYTES = 1000
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.CACHES = {**settings.CACHES, "jobs": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                                                   "LOCATION": "jobs-test"}}
