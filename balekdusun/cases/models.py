from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from balekdusun.cases import codes
from balekdusun.cases.crypto import EncryptedCharField, EncryptedTextField


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
    IN_PROGRESS = "in_progress", pgettext_lazy("case status", "In progress")
    REFERRED = "referred", _("Referred")
    RESOLVED = "resolved", _("Resolved")
    CLOSED = "closed", _("Closed")


OPEN_STATUSES = (CaseStatus.NEW, CaseStatus.VERIFIED, CaseStatus.IN_PROGRESS, CaseStatus.REFERRED)


class Sensitivity(models.TextChoices):
    NORMAL = "normal", _("Normal")
    RESTRICTED = "restricted", _("Restricted")


class Priority(models.TextChoices):
    LOW = "low", _("Low")
    NORMAL = "normal", _("Normal")
    HIGH = "high", _("High")
    URGENT = "urgent", _("Urgent")


class ReferralTarget(models.TextChoices):
    LTSA = "ltsa", _("LTSA (one-roof service office)")
    DISNAKER = "disnaker", _("Disnaker (manpower office)")
    POLICE = "police", _("Police")
    FOREIGN_MINISTRY = "foreign_ministry", _("Foreign ministry / embassy")
    OTHER_OFFICE = "other_office", _("Another BP3MI office")
    OTHER = "other", _("Other agency")


class ServiceLevel(models.Model):
    """How fast a kind of case must be handled. Rows, so an office head can change them without a release."""

    kind = models.CharField(_("kind"), max_length=24, choices=CaseKind.choices, unique=True)
    days_to_due = models.PositiveSmallIntegerField(_("days until due"))
    default_priority = models.CharField(_("default priority"), max_length=8, choices=Priority.choices,
                                        default=Priority.NORMAL)
    restricted_by_default = models.BooleanField(_("restricted by default"), default=False)

    class Meta:
        ordering = ["kind"]
        verbose_name = _("service level")
        verbose_name_plural = _("service levels")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.days_to_due}"


class ClosureReason(models.Model):
    """Why a case was closed. `min_days_open` is the rule "may be closed after N days" (Perban: 30 days of
    missing documents, 60 days unreachable, 6 months without response); 0 means any time."""

    code = models.SlugField(_("code"), max_length=32, unique=True)
    label = models.CharField(_("label"), max_length=120)
    label_id = models.CharField(_("label (Indonesian)"), max_length=120, blank=True)
    min_days_open = models.PositiveSmallIntegerField(_("may close after (days open)"), default=0)
    active = models.BooleanField(_("active"), default=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "code"]
        verbose_name = _("closure reason")
        verbose_name_plural = _("closure reasons")

    def __str__(self):
        from django.utils.translation import get_language

        if (get_language() or "").startswith("id") and self.label_id:
            return self.label_id
        return self.label


class Case(models.Model):
    """A follow-up (tindak lanjut / pengaduan), from the door, the portal, the hotline, a walk-in or a referral."""

    reference = models.CharField(_("reference"), max_length=16, unique=True)
    office = models.ForeignKey("core.Office", verbose_name=_("office"), on_delete=models.PROTECT,
                               related_name="cases")
    kind = models.CharField(_("kind"), max_length=24, choices=CaseKind.choices)
    source = models.CharField(_("source"), max_length=16, choices=CaseSource.choices)
    status = models.CharField(_("status"), max_length=16, choices=CaseStatus.choices, default=CaseStatus.NEW,
                              db_index=True)
    priority = models.CharField(_("priority"), max_length=8, choices=Priority.choices, default=Priority.NORMAL)
    sensitivity = models.CharField(_("sensitivity"), max_length=12, choices=Sensitivity.choices,
                                   default=Sensitivity.NORMAL)
    # Where the case belongs for scoping: the village code, or (no village known, e.g. a hotline call) the
    # office's first jurisdiction code, so the office still sees it and village officials do not.
    area_code = models.CharField(_("area"), max_length=16, db_index=True, editable=False, default="")
    village = models.ForeignKey("regions.Area", verbose_name=_("village"), null=True, blank=True,
                                on_delete=models.PROTECT, related_name="+")
    household = models.ForeignKey("campaigns.Household", null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="cases")
    visit = models.ForeignKey("visits.Visit", null=True, blank=True, on_delete=models.SET_NULL, related_name="cases")
    sticker = models.ForeignKey("materials.Sticker", null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="cases")
    assignee = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("assignee"), null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="assigned_cases")
    due_at = models.DateTimeField(_("due"), null=True, blank=True, db_index=True)

    # People involved. Names and phone stay searchable (hotline duplicate check); they are redacted in lists
    # and exports for roles without personal.view.
    reporter_name = models.CharField(_("reporter name"), max_length=120, blank=True)
    reporter_phone = models.CharField(_("reporter phone"), max_length=20, blank=True, db_index=True)
    phone_last4 = models.CharField(max_length=4, blank=True, editable=False)
    reporter_relationship = models.CharField(_("relationship to the subject"), max_length=60, blank=True)
    subject_name = models.CharField(_("subject name (the migrant worker)"), max_length=120, blank=True)
    destination_country = models.CharField(_("destination country (ISO code)"), max_length=2, blank=True)
    employer = models.CharField(_("employer"), max_length=160, blank=True)
    agency_name = models.CharField(_("agency (P3MI)"), max_length=160, blank=True)
    # The agency in the portal's register, when the name typed matches one (None: unknown or unlicensed).
    agency = models.ForeignKey("portal.Agency", verbose_name=_("agency in the register"), null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="cases")
    consent = models.BooleanField(_("consent to process personal data"), default=False)
    consent_at = models.DateTimeField(null=True, blank=True)

    # Specific personal data (UU PDP): encrypted at rest.
    description = EncryptedTextField(_("narrative"), blank=True)
    health_details = EncryptedTextField(_("health details"), blank=True)
    victim_status = EncryptedCharField(_("victim status (e.g. suspected trafficking)"), blank=True,
                                       plain_max_length=200)

    referred_to = models.CharField(_("referred to"), max_length=20, choices=ReferralTarget.choices, blank=True)
    closure_reason = models.ForeignKey(ClosureReason, verbose_name=_("closure reason"), null=True, blank=True,
                                       on_delete=models.PROTECT, related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)

    scope_area_field = "area_code"

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        indexes = [models.Index(fields=["status", "due_at"]), models.Index(fields=["assignee", "status"])]

    def __str__(self):
        return self.display_reference

    def save(self, *args, **kwargs):
        if not self.area_code:
            # Services set it; this keeps rows created directly (imports, other apps' tests) in scope too.
            self.area_code = self.village_id or ((self.office.jurisdiction or [""])[0] if self.office_id else "")
        super().save(*args, **kwargs)

    @property
    def display_reference(self) -> str:
        return codes.display(self.reference)

    # A search by name or phone finds, for roles without personal.view, only the cases they work (core/scoping.py).
    scope_person_field = "assignee_id"

    @classmethod
    def scope_extra(cls, qs, user):
        """Restricted cases: only the assignee, the office head and national administrators."""
        from balekdusun.core.roles import has_perm

        if has_perm(user, "cases.view_all_restricted"):
            return qs
        return qs.filter(Q(sensitivity=Sensitivity.NORMAL) | Q(assignee_id=user.pk))

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def is_overdue(self) -> bool:
        return self.is_open and self.due_at is not None and self.due_at < timezone.now()

    @property
    def is_restricted(self) -> bool:
        return self.sensitivity == Sensitivity.RESTRICTED


class EventKind(models.TextChoices):
    OPENED = "opened", _("Opened")
    STATUS = "status", _("Status changed")
    NOTE = "note", _("Note")
    CALL = "call", _("Call log")
    ATTACHMENT = "attachment", _("Attachment")
    ASSIGNMENT = "assignment", _("Assignment")
    DUE = "due", _("Due date changed")
    DETAILS = "details", _("Details changed")
    REMINDER = "reminder", _("Reminder sent")


class CallDirection(models.TextChoices):
    OUTGOING = "out", _("Outgoing")
    INCOMING = "in", _("Incoming")


class CallOutcome(models.TextChoices):
    REACHED = "reached", pgettext_lazy("contact attempt", "Reached")
    NO_ANSWER = "no_answer", _("No answer")
    UNREACHABLE = "unreachable", _("Number not active")
    WRONG_NUMBER = "wrong_number", _("Wrong number")


class CaseEvent(models.Model):
    """One line of a case's timeline. Written only by services, never edited."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(default=timezone.now, db_index=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="+")
    kind = models.CharField(max_length=16, choices=EventKind.choices)
    old_value = models.CharField(max_length=64, blank=True)
    new_value = models.CharField(max_length=64, blank=True)
    # Notes and call summaries may repeat what the family said: encrypted like the narrative.
    text = EncryptedTextField(blank=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self):
        return f"{self.case} {self.kind} {self.at:%Y-%m-%d %H:%M}"

    @property
    def change(self) -> str:
        """The change in words, without personal data (names of files and texts are shown separately)."""

        def label(choices, value):
            return str(choices(value).label) if value in choices.values else value

        data = self.data or {}
        if self.kind in (EventKind.STATUS, EventKind.OPENED):
            text = label(CaseStatus, self.new_value)
            if self.old_value:
                text = f"{label(CaseStatus, self.old_value)} → {text}"
            if data.get("referred_to"):
                text += f" ({label(ReferralTarget, data['referred_to'])})"
            if data.get("closure_reason"):
                reason = ClosureReason.objects.filter(code=data["closure_reason"]).first()
                text += f" ({reason or data['closure_reason']})"
            return text
        if self.kind == EventKind.CALL:
            return f"{label(CallDirection, data.get('direction', ''))} · {label(CallOutcome, self.new_value)}"
        if self.kind == EventKind.ASSIGNMENT:
            old = data.get("old_name") or self.old_value or "—"
            return f"{old} → {data.get('new_name') or self.new_value or '—'}"
        if self.kind == EventKind.DUE:
            return self.new_value[:10]
        if self.kind == EventKind.DETAILS:
            return ", ".join(data.get("fields", []))
        if self.kind == EventKind.REMINDER:
            return self.new_value
        return ""


def attachment_path(instance, filename):
    from uuid import uuid4

    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    # No names in the path: the original name is kept in the row, the file gets a random one.
    return f"cases/{instance.case.reference}/{uuid4().hex}.{ext}"


class CaseAttachment(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="attachments")
    event = models.OneToOneField(CaseEvent, null=True, on_delete=models.SET_NULL, related_name="attachment")
    file = models.FileField(upload_to=attachment_path, max_length=200)
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=80)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                    related_name="+")
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["uploaded_at", "id"]

    def __str__(self):
        return self.original_name
