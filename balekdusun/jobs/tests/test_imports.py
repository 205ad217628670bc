"""Imports as jobs: a large upload becomes a job; all or nothing; errors by line; failure mid-way writes nothing."""

import pytest
from django.urls import reverse

from balekdusun.campaigns import imports
from balekdusun.campaigns.models import Household, MigrationStat
from balekdusun.core.models import AuditEntry
from balekdusun.jobs import runner
from balekdusun.jobs.models import Job
from balekdusun.jobs.tests.conftest import VILLAGE, household_csv, run_jobs, upload

pytestmark = pytest.mark.django_db


def _post_households(client, data, name="rumah.csv"):
    return client.post(reverse("campaigns:households", args=[VILLAGE]),
                       {"import": "1", "u-file": upload(data, name)})


def test_small_upload_stays_in_the_request(login, carol):
    client = login(carol)
    response = _post_households(client, household_csv(3))
    assert response.status_code == 302 and "/jobs/" not in response["Location"]
    assert Household.objects.filter(village_id=VILLAGE).count() == 3
    assert not Job.objects.exists()


def test_large_upload_becomes_a_job_that_imports_everything(login, carol):
    client = login(carol)
    response = _post_households(client, household_csv(1200))
    job = Job.objects.get()
    assert response.status_code == 302 and response["Location"] == job.get_absolute_url()
    assert job.kind == "import_households" and job.status == "queued" and job.office == carol.office
    assert Household.objects.count() == 0  # nothing before the worker runs
    page = client.get(job.get_absolute_url())
    assert page.status_code == 200 and "Menunggu" in page.content.decode()

    run_jobs()
    job.refresh_from_db()
    assert job.status == "done", job.error
    assert job.summary == {"rows": 1200, "created": 1200}
    assert (job.done, job.total) == (1200, 1200)
    assert Household.objects.filter(village_id=VILLAGE).count() == 1200
    assert not job.input_file  # the upload is not kept once used
    assert AuditEntry.objects.filter(action="households.imported").count() == 1
    status = client.get(reverse("jobs:status", args=[job.pk])).json()
    assert status["finished"] and status["percent"] == 100 and status["done"] == 1200
    assert status["status_label"] == "Selesai"


def test_errors_by_line_write_nothing_and_retry_runs_again(login, carol):
    client = login(carol)
    _post_households(client, household_csv(1200, bad_line=700))
    run_jobs()
    job = Job.objects.get()
    assert job.status == "failed"
    assert Household.objects.count() == 0
    assert [e["line"] for e in job.errors] == [700]
    assert job.errors[0]["column"] == "latitude"
    page = client.get(job.get_absolute_url()).content.decode()
    assert "700" in page and "tidak ada yang diimpor" in page.lower()

    response = client.post(reverse("jobs:retry", args=[job.pk]))
    assert response.status_code == 302
    job.refresh_from_db()
    assert job.status == "queued" and job.errors == []
    run_jobs()
    job.refresh_from_db()
    assert job.status == "failed" and job.attempts == 2 and Household.objects.count() == 0


def test_crash_mid_import_writes_nothing_and_says_why(login, carol, monkeypatch):
    calls = {"n": 0}
    real = imports._write_households

    def flaky(chunk):
        calls["n"] += 1
        if calls["n"] == 2:  # the first chunk of 1000 rows is already written in the transaction
            raise RuntimeError("disk full")
        return real(chunk)

    monkeypatch.setattr(imports, "_write_households", flaky)
    client = login(carol)
    _post_households(client, household_csv(2500))
    run_jobs()
    job = Job.objects.get()
    assert calls["n"] == 2
    assert job.status == "failed" and "Tidak ada yang diubah" in job.error
    assert "disk full" not in job.error  # no Python text for people
    assert Household.objects.count() == 0

    monkeypatch.setattr(imports, "_write_households", real)
    client.post(reverse("jobs:retry", args=[job.pk]))
    run_jobs()
    job.refresh_from_db()
    assert job.status == "done" and Household.objects.count() == 2500


def test_job_left_running_by_a_killed_worker_fails_and_can_be_retried(login, carol):
    client = login(carol)
    _post_households(client, household_csv(1200))
    job = Job.objects.get()
    # A worker took it and was killed: its transaction never committed, so no household exists.
    Job.objects.filter(pk=job.pk).update(status="running", worker_id="gone")
    assert runner.recover_abandoned({"test-worker"}) == 1
    job.refresh_from_db()
    assert job.status == "failed" and "berhenti" in job.error
    assert Household.objects.count() == 0
    client.post(reverse("jobs:retry", args=[job.pk]))
    run_jobs()
    job.refresh_from_db()
    assert job.status == "done" and Household.objects.count() == 1200


def test_migration_import_job_keeps_jurisdiction(login, carol):
    rows = "".join(f"35.02.01.2001,{2000 + i % 50},{i}\n" for i in range(400))  # Jawa Timur: not Sumsel's
    data = ("area_code,year,placements\n" + rows).encode()
    client = login(carol)
    response = client.post(reverse("campaigns:migration"), {"file": upload(data, "pmi.csv")})
    assert response.status_code == 302
    run_jobs()
    job = Job.objects.get()
    assert job.status == "failed" and MigrationStat.objects.count() == 0
    assert "di luar wilayah" in job.errors[0]["message"]
