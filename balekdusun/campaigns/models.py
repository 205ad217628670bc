from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Campaign(models.Model):
    office = models.ForeignKey("core.Office", verbose_name=_("office"), on_delete=models.PROTECT,
                               related_name="campaigns")
    name = models.CharField(_("name"), max_length=120)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    goals = models.TextField(_("goals"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    scope_office_field = "office_id"

    class Meta:
        ordering = ["-start_date", "name"]
        unique_together = [("office", "name")]
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")

    def __str__(self):
        return self.name


class OutreachStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    REPORTED = "reported", _("Reported")


class Outreach(models.Model):
    """One outreach day (kegiatan) in one village."""

    campaign = models.ForeignKey(Campaign, verbose_name=_("campaign"), on_delete=models.PROTECT,
                                 related_name="outreaches")
    village = models.ForeignKey("regions.Area", verbose_name=_("village"), on_delete=models.PROTECT,
                                related_name="+")
    date = models.DateField(_("date"))
    status = models.CharField(_("status"), max_length=16, choices=OutreachStatus.choices,
                              default=OutreachStatus.PLANNED)
    target_households = models.PositiveIntegerField(_("target households"), default=0)
    target_materials = models.PositiveIntegerField(_("target materials"), default=0)
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    scope_area_field = "village_id"

    class Meta:
        ordering = ["-date", "village_id"]
        verbose_name = _("outreach day")
        verbose_name_plural = _("outreach days")

    def __str__(self):
        return f"{self.date:%d-%m-%Y} {self.village.name}"


class PartnerRole(models.TextChoices):
    KEPALA_DESA = "kepala_desa", _("Kepala desa")
    SEKRETARIS_DESA = "sekretaris_desa", _("Sekretaris desa")
    KEPALA_DUSUN = "kepala_dusun", _("Kepala dusun")
    KETUA_RT = "ketua_rt", _("Ketua RT")
    KETUA_RW = "ketua_rw", _("Ketua RW")
    BABINSA = "babinsa", _("Babinsa")
    BHABINKAMTIBMAS = "bhabinkamtibmas", _("Bhabinkamtibmas")
    KADER = "kader", _("Kader")
    OTHER = "other", _("Other")


class TeamMember(models.Model):
    """An officer (a user) or a local partner (name and role only; no account needed)."""

    outreach = models.ForeignKey(Outreach, on_delete=models.CASCADE, related_name="team")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                             related_name="team_memberships")
    partner_name = models.CharField(_("name"), max_length=120, blank=True)
    partner_role = models.CharField(_("role"), max_length=20, choices=PartnerRole.choices, blank=True)
    phone = models.CharField(_("phone"), max_length=32, blank=True)

    scope_area_field = "outreach__village_id"

    class Meta:
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(user__isnull=False) | ~models.Q(partner_name=""),
                name="teammember_user_or_partner",
            ),
            models.UniqueConstraint(fields=["outreach", "user"], condition=models.Q(user__isnull=False),
                                    name="teammember_unique_user"),
        ]

    def __str__(self):
        if self.user_id:
            return self.user.display_name
        return f"{self.partner_name} ({self.get_partner_role_display()})"


class Household(models.Model):
    """A house in a village. Personal contact only with recorded consent."""

    village = models.ForeignKey("regions.Area", verbose_name=_("village"), on_delete=models.PROTECT,
                                related_name="+")
    # Set when the household was created in the field app, so a re-sent creation is stored once.
    client_uuid = models.UUIDField(null=True, blank=True, unique=True)
    dusun = models.CharField(_("dusun"), max_length=60, blank=True)
    rt = models.CharField(_("RT"), max_length=5, blank=True)
    rw = models.CharField(_("RW"), max_length=5, blank=True)
    address = models.CharField(_("address description"), max_length=255, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    head_name = models.CharField(_("head of household"), max_length=120, blank=True)
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    consent_at = models.DateTimeField(_("consent recorded at"), null=True, blank=True)
    consent_text_version = models.CharField(_("consent text version"), max_length=20, blank=True)
    consent_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    scope_area_field = "village_id"

    class Meta:
        ordering = ["village_id", "dusun", "rt", "id"]
        indexes = [models.Index(fields=["village", "latitude", "longitude"])]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(head_name="") & models.Q(phone="")) | models.Q(consent_at__isnull=False),
                name="household_contact_needs_consent",
            )
        ]
        verbose_name = _("household")
        verbose_name_plural = _("households")

    def __str__(self):
        parts = [self.address or _("house #%(id)s") % {"id": self.pk}]
        if self.rt:
            parts.append(f"RT {self.rt}" + (f"/RW {self.rw}" if self.rw else ""))
        if self.dusun:
            parts.append(f"Dusun {self.dusun}")
        return ", ".join(str(p) for p in parts)
