"""Exports, PDFs and the rollup rebuild as jobs; who sees, retries and downloads what."""

import csv
import io
import uuid
from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from balekdusun.campaigns.models import Campaign, Household
from balekdusun.core.models import AuditEntry
from balekdusun.jobs import services
from balekdusun.jobs.models import Job
from balekdusun.jobs.tests.conftest import VILLAGE, run_jobs
from balekdusun.reports.models import RollupCounter

pytestmark = pytest.mark.django_db


def _households(n):
    now = timezone.now()
    Household.objects.bulk_create(Household(village_id=VILLAGE, address=f"Rumah {i}", head_name=f"Ibu {i}",
                                            consent_at=now) for i in range(n))


def _export(client, kind="households", fmt="csv", **form):
    url = reverse("jobs:export_new", args=[kind, fmt])
    confirm = client.get(url, form)
    assert confirm.status_code == 200
    response = client.post(url, form)
    assert response.status_code == 302
    return Job.objects.get(pk=response["Location"].rstrip("/").split("/")[-1])


def test_export_job_writes_the_file_and_audits_the_download(login, carol):
    _households(1234)
    client = login(carol)
    job = _export(client, area=VILLAGE)
    run_jobs()
    job.refresh_from_db()
    assert job.status == "done", job.error
    assert (job.done, job.total) == (1234, 1234) and job.summary == {"rows": 1234}
    page = client.get(job.get_absolute_url()).content.decode()
    assert reverse("jobs:download", args=[job.pk]) in page
    response = client.get(reverse("jobs:download", args=[job.pk]))
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert len(rows) == 1235
    assert "Ibu 7" in text  # a coordinator may see names
    entry = AuditEntry.objects.get(action="export.downloaded")
    assert entry.data["dataset"] == "households" and entry.data["job"] == str(job.pk)
    assert AuditEntry.objects.filter(action="job.downloaded").count() == 1


def test_viewer_export_is_redacted_and_only_the_owner_downloads(login, victor, dave, carol):
    _households(10)
    client = login(victor)
    job = _export(client)
    run_jobs()
    job.refresh_from_db()
    assert job.status == "done"
    text = b"".join(client.get(reverse("jobs:download", args=[job.pk])).streaming_content).decode("utf-8-sig")
    assert "Ibu 3" not in text
    # The head of the same office sees the job but may not take the viewer's file, nor retry it.
    head = login(dave)
    assert head.get(job.get_absolute_url()).status_code == 200
    assert head.get(reverse("jobs:download", args=[job.pk])).status_code == 403


def test_export_form_errors_are_field_errors(login, carol):
    client = login(carol)
    url = reverse("jobs:export_new", args=["visits", "csv"])
    for bad in ({"area": "35"}, {"start": "0001-01-01", "end": "0000-01-01"}, {"start": "NaN"},
                {"start": "2024-02-01", "end": "2024-01-01"}):
        response = client.post(url, bad)
        assert response.status_code == 400, bad
        assert 'class="error"' in response.content.decode()
    assert client.post(reverse("jobs:export_new", args=["secrets", "csv"])).status_code == 404
    assert client.post(reverse("jobs:export_new", args=["visits", "pdf"])).status_code == 404
    assert not Job.objects.exists()


def test_scoping_across_offices(login, carol, dave, bob, jane, alice):
    mine = services.start(kind="rebuild_rollups", owner=carol)
    bobs = services.start(kind="rebuild_rollups", owner=bob)
    janes = services.start(kind="rebuild_rollups", owner=jane)

    def listed(user):
        body = login(user).get(reverse("jobs:list")).content.decode()
        return {j for j in (mine, bobs, janes) if str(j.pk) in body}

    assert listed(carol) == {mine, bobs}  # a coordinator sees the office's jobs
    assert listed(dave) == {mine, bobs}
    assert listed(bob) == {bobs}  # a field officer only his own
    assert listed(jane) == {janes}
    assert listed(alice) == {mine, bobs, janes}
    other = login(jane)
    for name in ("jobs:detail", "jobs:status", "jobs:download"):
        assert other.get(reverse(name, args=[mine.pk])).status_code == 404
    assert other.post(reverse("jobs:retry", args=[mine.pk])).status_code == 404
    assert other.get(reverse("jobs:detail", args=[uuid.uuid4()])).status_code == 404
    assert other.get("/jobs/true/").status_code == 404
    assert other.get("/jobs/1/status.json").status_code == 404


def test_retry_only_by_owner_and_only_when_failed(login, carol, dave):
    job = services.start(kind="rebuild_rollups", owner=carol)  # a coordinator may not rebuild: it fails
    run_jobs()
    job.refresh_from_db()
    assert job.status == "failed" and "administrator nasional" in job.error
    assert login(dave).post(reverse("jobs:retry", args=[job.pk])).status_code == 403
    client = login(carol)
    assert client.post(reverse("jobs:retry", args=[job.pk])).status_code == 302
    assert client.post(reverse("jobs:retry", args=[job.pk])).status_code == 409  # queued now, not failed
    assert client.get(reverse("jobs:retry", args=[job.pk])).status_code == 405


def test_rebuild_rollups_job(login, alice, carol):
    _households(5)
    RollupCounter.objects.all().delete()
    assert login(carol).post(reverse("jobs:rebuild_new")).status_code == 403
    response = login(alice).post(reverse("jobs:rebuild_new"))
    assert response.status_code == 302
    run_jobs()
    job = Job.objects.get()
    assert job.status == "done" and job.summary["counters"] > 0
    assert RollupCounter.objects.count() == job.summary["counters"]


def test_campaign_report_pdf_job(login, carol, jane, offices):
    campaign = Campaign.objects.create(office=offices["sumsel"], name="Balek Dusun 2024", start_date=date(2024, 1, 1))
    url = reverse("jobs:campaign_pdf_new", args=[campaign.pk])
    assert login(jane).get(url, {"start": "2024-01-01", "end": "2024-03-31"}).status_code == 404
    client = login(carol)
    assert client.post(url, {"start": "2024-03-01", "end": "2024-01-01"}).status_code == 400
    response = client.post(url, {"start": "2024-01-01", "end": "2024-03-31"})
    assert response.status_code == 302
    run_jobs()
    job = Job.objects.get()
    assert job.status == "done", job.error
    body = b"".join(client.get(reverse("jobs:download", args=[job.pk])).streaming_content)
    assert body.startswith(b"%PDF")


def test_sticker_sheet_job(login, carol, jane, offices):
    from balekdusun.materials.services import create_batch

    batch = create_batch(office=offices["sumsel"], size=30, actor=carol, label="Uji")
    url = reverse("jobs:sticker_sheet_new", args=[batch.pk])
    assert login(jane).get(url).status_code == 404
    client = login(carol)
    assert client.post(url, {"preset": "3x8", "start": "0"}).status_code == 422
    response = client.post(url, {"preset": "3x8"})
    assert response.status_code == 302
    run_jobs()
    job = Job.objects.get()
    assert job.status == "done", job.error
    assert job.summary == {"stickers": 30}
    body = b"".join(client.get(reverse("jobs:download", args=[job.pk])).streaming_content)
    assert body.startswith(b"%PDF")


def test_job_pages_speak_the_readers_language(login, carol, settings):
    client = login(carol)
    job = _export(client, kind="households", fmt="xlsx")  # started in Indonesian
    assert "Rumah tangga, XLSX" in client.get(reverse("jobs:list")).content.decode()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(job.get_absolute_url()).content.decode()
    assert "Households, XLSX" in page and "Data export" in page and "Waiting for a worker" in page
    assert "Rumah tangga" not in page and "household" not in page.replace("Households", "")
