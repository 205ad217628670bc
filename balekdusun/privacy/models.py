import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from balekdusun.privacy import conf


class Erasure(models.Model):
    """A record the purge anonymised (so a second run leaves it alone, and the office can show when)."""

    class Kind(models.TextChoices):
        CASE = "case", _("case")

    kind = models.CharField(max_length=10, choices=Kind.choices)
    object_id = models.PositiveBigIntegerField()
    erased_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="erasure_unique_record")]

    def __str__(self):
        return f"{self.get_kind_display()} {self.erased_at:%Y-%m-%d}"


def new_reference() -> str:
    # No 0/O or 1/I: the reference is read aloud and copied by hand.
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "PDP-" + "".join(secrets.choice(alphabet) for _ in range(6))


class BreachNotice(models.Model):
    """A personal data breach an office recorded, and what its notification letter says (UU 27/2022 art. 46)."""

    reference = models.CharField(_("reference"), max_length=12, unique=True, default=new_reference, editable=False)
    office = models.ForeignKey("core.Office", verbose_name=_("office"), on_delete=models.PROTECT, related_name="+")
    what = models.TextField(_("what happened"), max_length=4000)
    started_at = models.DateTimeField(_("breach began"))
    ended_at = models.DateTimeField(_("breach ended"), null=True, blank=True)
    discovered_at = models.DateTimeField(_("discovered at"))
    # Keys of record.CATEGORIES.
    categories = models.JSONField(_("affected data"), default=list)
    people_affected = models.PositiveIntegerField(_("people affected (estimate)"))
    measures = models.TextField(_("measures taken"), max_length=4000)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    scope_office_field = "office_id"

    class Meta:
        ordering = ["-discovered_at", "-id"]
        verbose_name = _("breach notice")
        verbose_name_plural = _("breach notices")

    def __str__(self):
        return self.reference

    @property
    def deadline(self):
        """When the notification must have reached the people and the authority (3 x 24 hours)."""
        return self.discovered_at + timedelta(hours=conf.BREACH_NOTICE_HOURS)

    @property
    def overdue(self) -> bool:
        return timezone.now() > self.deadline

    @property
    def window_end(self):
        return self.ended_at or self.discovered_at

    def category_labels(self) -> list[str]:
        from balekdusun.privacy.record import CATEGORIES

        return [str(CATEGORIES[c]) for c in self.categories if c in CATEGORIES]
