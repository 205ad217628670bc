from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class CaseKind(models.TextChoices):
    INFORMATION = "information", _("Information / wants to apply legally")
    REPATRIATION = "repatriation", _("Repatriation")
    UNPAID_WAGES = "unpaid_wages", _("Unpaid wages")
    DEPORTATION = "deportation", _("Deportation")
    FAILED_DEPARTURE = "failed_departure", _("Failed departure")
    DEATH_ABROAD = "death_abroad", _("Death abroad")
    JOB_FRAUD = "job_fraud", _("Job fraud")
    ILLEGAL_RECRUITER = "illegal_recruiter", _("Illegal recruiter report")
    DOCUMENT_HELP = "document_help", _("Document help")
    OTHER = "other", _("Other")


class CaseSource(models.TextChoices):
    VISIT = "visit", _("Visit")
    PORTAL = "portal", _("Portal")
    HOTLINE = "hotline", _("Hotline call")
    WALK_IN = "walk_in", _("Walk-in")
    REFERRAL = "referral", _("Referral")


class CaseStatus(models.TextChoices):
    NEW = "new", _("New")
    VERIFIED = "verified", _("Verified")
    IN_PROGRESS = "in_progress", _("In progress")
    REFERRED = "referred", _("Referred")
    RESOLVED = "resolved", _("Resolved")
    CLOSED = "closed", _("Closed")


class Sensitivity(models.TextChoices):
    NORMAL = "normal", _("Normal")
    RESTRICTED = "restricted", _("Restricted")


class Case(models.Model):
    """A follow-up (tindak lanjut / pengaduan). The cases issue extends this with people, timeline and encryption."""

    reference = models.CharField(_("reference"), max_length=16, unique=True)
    office = models.ForeignKey("core.Office", on_delete=models.PROTECT, related_name="cases")
    kind = models.CharField(_("kind"), max_length=24, choices=CaseKind.choices)
    source = models.CharField(_("source"), max_length=16, choices=CaseSource.choices)
    status = models.CharField(_("status"), max_length=16, choices=CaseStatus.choices, default=CaseStatus.NEW)
    sensitivity = models.CharField(_("sensitivity"), max_length=12, choices=Sensitivity.choices,
                                   default=Sensitivity.NORMAL)
    village = models.ForeignKey("regions.Area", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    household = models.ForeignKey("campaigns.Household", null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="cases")
    visit = models.ForeignKey("visits.Visit", null=True, blank=True, on_delete=models.SET_NULL, related_name="cases")
    sticker = models.ForeignKey("materials.Sticker", null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="cases")
    assignee = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="assigned_cases")
    due_at = models.DateTimeField(_("due"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    scope_area_field = "village_id"

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("case")
        verbose_name_plural = _("cases")

    def __str__(self):
        return self.reference
