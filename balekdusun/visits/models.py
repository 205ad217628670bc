from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from balekdusun.lib.sealed import VISIT_TEXT, SealedJSONField


class Outcome(models.TextChoices):
    MET = "met", _("Met")
    NOT_HOME = "not_home", _("Not home")
    REFUSED = "refused", _("Refused")
    MOVED = "moved", _("Moved")
    VACANT = "vacant", _("Vacant")
    INACCESSIBLE = "inaccessible", _("Inaccessible")


class Visit(models.Model):
    """One knock on one door. `uuid` is made by the phone, so a visit sent twice is stored once."""

    uuid = models.UUIDField(unique=True)
    household = models.ForeignKey("campaigns.Household", on_delete=models.PROTECT, related_name="visits")
    # Denormalised from the household for scoping and rollups without a join.
    village = models.ForeignKey("regions.Area", on_delete=models.PROTECT, related_name="+")
    outreach = models.ForeignKey("campaigns.Outreach", null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="visits")
    officer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="visits")
    visited_at = models.DateTimeField(_("visited at"), db_index=True)
    outcome = models.CharField(_("outcome"), max_length=16, choices=Outcome.choices)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    # The visit form's answers as sent by the field app (topics, migration profile, knowledge check, ...); the
    # story and the follow-up notes are stored only encrypted (lib/sealed.py).
    data = SealedJSONField(default=dict, blank=True, sealed=VISIT_TEXT)
    # Hash of the submitted content, to tell a replay (same content) from a conflict (different content).
    content_hash = models.CharField(max_length=64, editable=False)
    received_at = models.DateTimeField(default=timezone.now)

    scope_area_field = "village_id"

    class Meta:
        ordering = ["-visited_at"]
        indexes = [models.Index(fields=["village", "visited_at"]), models.Index(fields=["officer", "visited_at"]),
                   # A household's visits in time order (its first visit, for the rollups); without it PostgreSQL
                   # walks the visited_at index for "first visit of this household".
                   models.Index(fields=["household", "visited_at", "id"], name="visit_household_time")]
        verbose_name = _("visit")
        verbose_name_plural = _("visits")

    def __str__(self):
        return f"{self.visited_at:%Y-%m-%d %H:%M} {self.get_outcome_display()}"


class RecordKind(models.TextChoices):
    VISIT = "visit", _("Visit")
    HOUSEHOLD = "household", _("Household")


class Resolution(models.TextChoices):
    KEPT_EXISTING = "kept_existing", _("Kept the stored version")
    TOOK_INCOMING = "took_incoming", _("Replaced it with the incoming version")


class SyncConflict(models.Model):
    """A record sent again under a known UUID with other content. Stored aside, never applied by itself:
    a coordinator compares both versions and resolves it (audited)."""

    kind = models.CharField(_("kind"), max_length=10, choices=RecordKind.choices)
    uuid = models.UUIDField(_("client UUID"), db_index=True)
    content_hash = models.CharField(max_length=64)
    # The incoming record's validated content, as it would have been stored.
    payload = SealedJSONField(_("incoming content"), default=dict, sealed=VISIT_TEXT)
    visit = models.ForeignKey(Visit, null=True, blank=True, on_delete=models.CASCADE, related_name="conflicts")
    household = models.ForeignKey("campaigns.Household", null=True, blank=True, on_delete=models.CASCADE,
                                  related_name="+")
    village = models.ForeignKey("regions.Area", on_delete=models.PROTECT, related_name="+")
    officer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    received_at = models.DateTimeField(_("received at"), default=timezone.now, db_index=True)
    resolution = models.CharField(_("resolution"), max_length=16, choices=Resolution.choices, blank=True)
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    resolved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    note = models.CharField(_("note"), max_length=255, blank=True)

    scope_area_field = "village_id"

    class Meta:
        ordering = ["resolved_at", "-received_at"]
        constraints = [models.UniqueConstraint(fields=["uuid", "content_hash"], name="syncconflict_unique_version")]
        verbose_name = _("sync conflict")
        verbose_name_plural = _("sync conflicts")

    def __str__(self):
        return f"{self.get_kind_display()} {self.uuid}"

    @property
    def is_open(self) -> bool:
        return self.resolved_at is None


class HouseholdReceipt(models.Model):
    """What the field app sent when it created a household, to tell a replay from a conflict later
    (the household itself may be edited in the office afterwards)."""

    household = models.OneToOneField("campaigns.Household", on_delete=models.CASCADE, related_name="+")
    uuid = models.UUIDField(unique=True)
    content_hash = models.CharField(max_length=64)
    officer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    received_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return str(self.uuid)


class DeviceStatus(models.Model):
    """What a phone last told the server: when it synced and how many records it still holds."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="devices")
    device_id = models.CharField(_("device"), max_length=64)
    app_version = models.CharField(_("app version"), max_length=32, blank=True)
    last_push_at = models.DateTimeField(_("last upload"), null=True, blank=True)
    last_pull_at = models.DateTimeField(_("last download"), null=True, blank=True)
    pending = models.PositiveIntegerField(_("pending records"), default=0)
    failing = models.PositiveIntegerField(_("records with errors"), default=0)
    reported_at = models.DateTimeField(_("reported at"), default=timezone.now)

    scope_office_field = "user__office_id"

    class Meta:
        ordering = ["user_id", "-reported_at"]
        constraints = [models.UniqueConstraint(fields=["user", "device_id"], name="devicestatus_unique_device")]
        verbose_name = _("device sync status")
        verbose_name_plural = _("device sync status")

    def __str__(self):
        return f"{self.user} · {self.device_id}"
