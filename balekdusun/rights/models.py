"""A resident's request to see, correct or delete what the office holds about their household, or to withdraw
consent (UU 27/2022 on personal data protection), with the law's 3 x 24-hour clock."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from balekdusun.cases.crypto import EncryptedCharField, EncryptedTextField


class RequestKind(models.TextChoices):
    ACCESS = "access", _("See my data")
    CORRECTION = "correction", _("Correct my data")
    ERASURE = "erasure", _("Delete my data")
    WITHDRAWAL = "withdrawal", _("Withdraw my consent")


class Channel(models.TextChoices):
    PORTAL = "portal", _("Public portal")
    STAFF = "staff", _("At the office (filed by staff)")


class Verification(models.TextChoices):
    PHONE = "phone", _("Sticker code and the household's phone number")
    IN_PERSON = "in_person", _("In person, by staff")
    PENDING = "pending", _("Waiting for verification in person")


class RequestStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    ANSWERED = "answered", _("Answered")
    REFUSED = "refused", pgettext_lazy("data-rights request", "Refused")


OPEN = (RequestStatus.RECEIVED,)


class RightsRequest(models.Model):
    """One request. The household stays linked (anonymised after an erasure) so the answer can be traced."""

    reference = models.CharField(_("reference"), max_length=16, unique=True)
    kind = models.CharField(_("request"), max_length=12, choices=RequestKind.choices)
    channel = models.CharField(_("channel"), max_length=8, choices=Channel.choices)
    verification = models.CharField(_("verification"), max_length=10, choices=Verification.choices)
    status = models.CharField(_("status"), max_length=10, choices=RequestStatus.choices,
                              default=RequestStatus.RECEIVED, db_index=True)
    office = models.ForeignKey("core.Office", verbose_name=_("office"), on_delete=models.PROTECT, related_name="+")
    household = models.ForeignKey("campaigns.Household", null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="rights_requests")
    # The household's village code: the queue is scoped like every other record of a place.
    area_code = models.CharField(_("area"), max_length=16, db_index=True, editable=False)
    sticker_code = models.CharField(_("sticker code"), max_length=12, blank=True)
    requester_name = EncryptedCharField(_("name of the person asking"), blank=True)
    requester_relation = models.CharField(_("relationship to the household"), max_length=60, blank=True)
    # A keyed hash of the phone the resident gave (E.164): enough to check the status, not to read the number.
    phone_digest = models.CharField(max_length=64, editable=False)
    details = EncryptedTextField(_("what the resident asks"), blank=True)
    received_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    due_at = models.DateTimeField(_("answer due"), db_index=True)
    verified_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    answer = EncryptedTextField(_("answer"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")

    scope_area_field = "area_code"

    class Meta:
        ordering = ["due_at", "id"]
        verbose_name = _("rights request")
        verbose_name_plural = _("rights requests")

    def __str__(self):
        return self.display_reference

    @property
    def display_reference(self) -> str:
        return f"HAK-{self.reference[:4]}-{self.reference[4:]}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN

    @property
    def overdue(self) -> bool:
        return self.is_open and self.due_at < timezone.now()
