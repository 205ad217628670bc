"""A background job as people see it: what it does, for whom, how far it got, why it failed, its file."""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Job(models.Model):
    class Kind(models.TextChoices):
        IMPORT_HOUSEHOLDS = "import_households", _("Household list import")
        IMPORT_MIGRATION = "import_migration", _("PMI placement figures import")
        EXPORT = "export", _("Data export")
        CAMPAIGN_PDF = "campaign_pdf", _("Campaign activity report (PDF)")
        STICKER_SHEET = "sticker_sheet", _("Sticker sheets (PDF)")
        REBUILD_ROLLUPS = "rebuild_rollups", _("Dashboard figures rebuild")

    class Status(models.TextChoices):
        QUEUED = "queued", pgettext_lazy("job", "Waiting")
        RUNNING = "running", pgettext_lazy("job", "Running")
        DONE = "done", pgettext_lazy("job", "Finished")
        FAILED = "failed", pgettext_lazy("job", "Failed")

    scope_office_field = "office_id"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.QUEUED)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("started by"), on_delete=models.CASCADE,
                              related_name="jobs")
    office = models.ForeignKey("core.Office", verbose_name=_("office"), null=True, blank=True,
                               on_delete=models.CASCADE, related_name="jobs")
    # What the job works on, in words for its page ("Desa Pematang Buluran", "Visits, CSV").
    title = models.CharField(_("title"), max_length=200, blank=True)
    params = models.JSONField(default=dict, blank=True)
    language = models.CharField(max_length=8, default="id")
    input_file = models.FileField(upload_to="jobs/in/", blank=True)
    input_name = models.CharField(max_length=200, blank=True)
    done = models.PositiveBigIntegerField(default=0)
    total = models.PositiveBigIntegerField(default=0)
    # An English msgid (jobs/progress.py PHASES), shown translated.
    phase = models.CharField(max_length=80, blank=True)
    error = models.TextField(_("error"), blank=True)  # in words, in the owner's language
    errors = models.JSONField(default=list, blank=True)  # [{line, column, message}] of an import
    summary = models.JSONField(default=dict, blank=True)  # counts of the outcome
    result_file = models.FileField(upload_to="jobs/out/", blank=True)
    result_name = models.CharField(max_length=200, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    task_id = models.CharField(max_length=64, blank=True)
    worker_id = models.CharField(max_length=64, blank=True)  # the worker running it (jobs/heartbeat.py)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["office", "-created_at"]), models.Index(fields=["status", "created_at"])]

    def __str__(self):
        # Kept in the audit log, read in either language: the file's name or the time, never words of one language.
        if self.input_name:
            return self.input_name
        return timezone.localtime(self.created_at).strftime("%Y-%m-%d %H:%M") if self.created_at else ""

    def get_absolute_url(self):
        return reverse("jobs:detail", args=[self.pk])

    @property
    def subject(self) -> str:
        """What the job works on, in the reader's language (`title` holds only names: a village, a campaign)."""
        from django.utils.translation import gettext

        if self.kind == self.Kind.EXPORT:
            from balekdusun.reports.exports import DATASETS

            dataset = DATASETS.get(self.params.get("dataset"))
            return f"{dataset.label}, {str(self.params.get('fmt', '')).upper()}" if dataset else ""
        if self.kind == self.Kind.CAMPAIGN_PDF:
            return gettext("Activity report of %(c)s") % {"c": self.title}
        if self.kind == self.Kind.STICKER_SHEET:
            return gettext("Sticker sheets of batch %(b)s") % {"b": self.title}
        if self.kind == self.Kind.REBUILD_ROLLUPS:
            return gettext("all areas")
        return self.title

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)


class WorkerHeartbeat(models.Model):
    """One row per running worker, touched every few seconds; /readyz reads the newest."""

    worker_id = models.CharField(max_length=64, primary_key=True)
    hostname = models.CharField(max_length=200, blank=True)
    pid = models.PositiveIntegerField(default=0)
    started_at = models.DateTimeField()
    beat_at = models.DateTimeField(db_index=True)

    def __str__(self):
        return f"{self.worker_id} {self.beat_at:%Y-%m-%d %H:%M:%S}"


class ScheduleRun(models.Model):
    """When an entry of jobs/schedule.py last ran: a worker claims a due entry by moving this time forward."""

    name = models.CharField(max_length=40, primary_key=True)
    last_run_at = models.DateTimeField()
    last_outcome = models.CharField(max_length=200, blank=True)

    def __str__(self):
        return self.name
