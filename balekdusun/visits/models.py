from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


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
    # The visit form's answers as sent by the field app (topics, migration profile, knowledge check, ...).
    data = models.JSONField(default=dict, blank=True)
    # Hash of the submitted content, to tell a replay (same content) from a conflict (different content).
    content_hash = models.CharField(max_length=64, editable=False)
    received_at = models.DateTimeField(default=timezone.now)

    scope_area_field = "village_id"

    class Meta:
        ordering = ["-visited_at"]
        indexes = [models.Index(fields=["village", "visited_at"]), models.Index(fields=["officer", "visited_at"])]
        verbose_name = _("visit")
        verbose_name_plural = _("visits")

    def __str__(self):
        return f"{self.visited_at:%Y-%m-%d %H:%M} {self.get_outcome_display()}"
