"""Rollup counters, quality flags for review, and outreach photos.

Dashboards never count raw visits at the national, province or regency level: they read `RollupCounter`,
kept current on write by `balekdusun.reports.rollups` and rebuilt by `balekdusun rebuild_rollups`.
"""

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# The `period` of a row holding the all-time total of a counter (so the default dashboard sums no weeks).
TOTAL = dt.date(1, 1, 1)


class RollupCounter(models.Model):
    """One counter of one area (every level, "" = national) for one week (Monday) or all time (TOTAL).

    Counters keyed by due date (``cases.open_by_due``) use the day as period; the key says which."""

    area_code = models.CharField(max_length=16)
    parent_code = models.CharField(max_length=16)
    level = models.PositiveSmallIntegerField()
    period = models.DateField()
    key = models.CharField(max_length=64)
    value = models.BigIntegerField(default=0)

    scope_area_field = "area_code"

    class Meta:
        constraints = [models.UniqueConstraint(fields=["area_code", "key", "period"], name="rollup_unique")]
        indexes = [
            # The all-time rows a dashboard reads (`stats.dashboard`): an area's totals and its children's. Partial,
            # so the weekly and daily rows (most of the table) cost the write path nothing here.
            models.Index(fields=["area_code", "key"], condition=models.Q(period=TOTAL), name="rollup_totals"),
            models.Index(fields=["parent_code", "key"], condition=models.Q(period=TOTAL), name="rollup_children_totals"),
        ]

    def __str__(self):
        return f"{self.area_code or 'ID'} {self.period} {self.key}={self.value}"


class FlagKind(models.TextChoices):
    FAST = "fast", _("Visits less than two minutes apart")
    FAR = "far", _("GPS far from the household")
    OUTLIER = "outlier", _("Unusual contact rate")
    BEFORE_DAY = "before_day", _("Visit dated before its outreach day")


class FlagStatus(models.TextChoices):
    OPEN = "open", _("To review")
    ACCEPTED = "accepted", _("Accepted")
    EXPLAINED = "explained", _("Explained")


class QualityFlag(models.Model):
    """A visit (or an officer's day) that looks odd and waits for a coordinator's review."""

    kind = models.CharField(_("kind"), max_length=10, choices=FlagKind.choices)
    visit = models.ForeignKey("visits.Visit", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    officer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    village = models.ForeignKey("regions.Area", on_delete=models.PROTECT, related_name="+")
    outreach = models.ForeignKey("campaigns.Outreach", null=True, blank=True, on_delete=models.CASCADE,
                                 related_name="+")
    detail = models.CharField(_("detail"), max_length=255)
    # Measured value: seconds between visits, metres from the household, or the contact rate in percent.
    value = models.FloatField(default=0)
    status = models.CharField(_("status"), max_length=10, choices=FlagStatus.choices, default=FlagStatus.OPEN)
    note = models.TextField(_("explanation"), blank=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    reviewed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    scope_area_field = "village_id"

    class Meta:
        ordering = ["status", "-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "visit"], condition=models.Q(visit__isnull=False),
                                    name="qualityflag_unique_visit"),
            models.UniqueConstraint(fields=["kind", "officer", "outreach"],
                                    condition=models.Q(visit__isnull=True), name="qualityflag_unique_officer"),
        ]
        verbose_name = _("quality flag")
        verbose_name_plural = _("quality flags")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.detail}"


def photo_path(instance, filename):
    return f"reports/outreach/{instance.outreach_id}/{timezone.now():%Y%m%d%H%M%S%f}.jpg"


class OutreachPhoto(models.Model):
    """Documentation photo of an outreach day, resized on upload, printed in the activity report."""

    outreach = models.ForeignKey("campaigns.Outreach", on_delete=models.CASCADE, related_name="photos")
    image = models.ImageField(_("photo"), upload_to=photo_path)
    caption = models.CharField(_("caption"), max_length=200, blank=True)
    width = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    scope_area_field = "outreach__village_id"

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("outreach photo")
        verbose_name_plural = _("outreach photos")

    def __str__(self):
        return self.caption or f"#{self.pk}"
