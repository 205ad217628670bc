from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from balekdusun.campaigns.models import Household
from balekdusun.core.management.commands import demo as demo_command
from balekdusun.jobs.demo import DEMO_ROWS, DEMO_VILLAGE
from balekdusun.jobs.models import Job


@pytest.mark.django_db
def test_demo_has_one_finished_import_job_with_its_progress(client):
    call_command("demo", "--no-serve", "--skip-regions", stdout=StringIO())
    job = Job.objects.get()
    assert job.kind == "import_households" and job.status == "done"
    assert (job.done, job.total) == (DEMO_ROWS, DEMO_ROWS)
    assert Household.objects.filter(village_id=DEMO_VILLAGE).count() == DEMO_ROWS
    assert not job.input_file
    client.force_login(job.owner)
    page = client.get(reverse("jobs:list")).content.decode()
    assert "Impor daftar rumah tangga" in page and 'value="100"' in page
    call_command("demo", "--no-serve", "--skip-regions", stdout=StringIO())
    assert Job.objects.count() == 1  # idempotent


def test_demo_worker_child_process_is_started_and_stopped(monkeypatch):
    started = {}

    class FakeProcess:
        pid = 4242
        terminated = False

        def __init__(self, cmd, env):
            started["cmd"], started["mode"] = cmd, env["BALEKDUSUN_MODE"]

        def poll(self):
            return 0 if self.terminated else None

        def terminate(self):
            self.terminated = True

        def wait(self, timeout):
            return 0

    monkeypatch.setattr("subprocess.Popen", FakeProcess)
    out = StringIO()
    process = demo_command.start_worker(out)
    assert started["cmd"][-4:] == ["balekdusun", "worker", "--interval", "0.5"]
    assert "4242" in out.getvalue()
    demo_command.stop_worker(process)
    assert process.terminated
