from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from balekdusun.regions.models import Area


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
        indexes = [
            models.Index(fields=["village", "latitude", "longitude"]),
            # The map's box queries (reports/geo.py): without it every pan read the whole table (2,000,000
            # households: 109 ms on PostgreSQL with 100,000 in view, 26 ms with it; a small box 172 -> 1.6 ms).
            # The village makes it cover a clustering query scoped to a jurisdiction.
            models.Index(fields=["longitude", "latitude", "village"], name="household_position"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(head_name="") & models.Q(phone="")) | models.Q(consent_at__isnull=False),
                name="household_contact_needs_consent",
            )
        ]
        verbose_name = _("household")
        verbose_name_plural = _("households")

    def __str__(self):
        parts = [self.address or _("house without an address")]
        if self.rt:
            parts.append(f"RT {self.rt}" + (f"/RW {self.rw}" if self.rw else ""))
        if self.dusun:
            parts.append(self.dusun if self.dusun.lower().startswith("dusun") else f"Dusun {self.dusun}")
        return ", ".join(str(p) for p in parts)


class Turf(models.Model):
    """A part of an outreach's village walked by one team pair, with an ordered walk list (TurfStop rows)."""

    outreach = models.ForeignKey(Outreach, verbose_name=_("outreach day"), on_delete=models.CASCADE,
                                 related_name="turfs")
    name = models.CharField(_("name"), max_length=60)
    officers = models.ManyToManyField(settings.AUTH_USER_MODEL, verbose_name=_("officers"), blank=True,
                                      related_name="turfs")
    # Walking length of the ordered route in metres (straight lines between stops), kept when the route is ordered.
    route_length_m = models.PositiveIntegerField(_("route length (m)"), default=0)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    scope_area_field = "outreach__village_id"
    scope_team_fields = ("outreach_id", "pk")  # a field officer reads only the turfs of his own teams

    class Meta:
        ordering = ["outreach_id", "name"]
        unique_together = [("outreach", "name")]
        verbose_name = _("turf")
        verbose_name_plural = _("turfs")

    def __str__(self):
        return f"{self.outreach} · {self.name}"


class TurfStop(models.Model):
    """One household on a turf's walk list; `position` is the walking order (1 = first door)."""

    turf = models.ForeignKey(Turf, on_delete=models.CASCADE, related_name="stops")
    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="turf_stops")
    position = models.PositiveIntegerField(_("order"))

    scope_area_field = "turf__outreach__village_id"
    scope_team_fields = ("turf__outreach_id", "turf_id")

    class Meta:
        ordering = ["turf_id", "position"]
        constraints = [
            models.UniqueConstraint(fields=["turf", "household"], name="turfstop_unique_household"),
        ]
        verbose_name = _("walk-list stop")
        verbose_name_plural = _("walk-list stops")

    def __str__(self):
        return f"{self.position}. {self.household}"


class MigrationStat(models.Model):
    """PMI-origin figures for one area (village, district or regency) and one period (a year, or one month)."""

    area = models.ForeignKey("regions.Area", verbose_name=_("area"), on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(_("year"))
    # 0 means the whole year.
    month = models.PositiveSmallIntegerField(_("month"), default=0)
    placements = models.PositiveIntegerField(_("placements"), default=0)
    non_procedural = models.PositiveIntegerField(_("non-procedural departures"), default=0)
    complaints = models.PositiveIntegerField(_("complaints"), default=0)
    # {"MY": 350, "JP": 40}: placements by destination (ISO 3166 alpha-2) and by sector.
    by_country = models.JSONField(_("placements by destination"), default=dict, blank=True)
    by_sector = models.JSONField(_("placements by sector"), default=dict, blank=True)
    source = models.CharField(_("source"), max_length=120, blank=True)
    imported_at = models.DateTimeField(default=timezone.now)

    scope_area_field = "area_id"

    class Meta:
        ordering = ["area_id", "year", "month"]
        constraints = [
            models.UniqueConstraint(fields=["area", "year", "month"], name="migrationstat_unique_period"),
        ]
        verbose_name = _("migration figure")
        verbose_name_plural = _("migration figures")

    def __str__(self):
        period = f"{self.year}" if not self.month else f"{self.year}-{self.month:02d}"
        return f"{self.area_id} {period}: {self.placements}"


class PriorityComponent(models.TextChoices):
    ORIGIN = "origin", _("PMI origin (placements and non-procedural departures)")
    MIGRANT_HOUSEHOLDS = "migrant_households", _("Migrant households found by visits")
    CASES = "cases", _("Open cases and illegal-recruiter reports")
    UNREACHED = "unreached", _("Share of households not yet reached")
    RECENCY = "recency", _("Days since the last outreach")


class PriorityWeight(models.Model):
    """How much each component counts in the village priority score. Admins edit these rows."""

    component = models.CharField(_("component"), max_length=24, choices=PriorityComponent.choices, unique=True)
    weight = models.DecimalField(_("weight"), max_digits=5, decimal_places=2, default=1,
                                 validators=[MinValueValidator(0), MaxValueValidator(100)])
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["component"]
        verbose_name = _("priority weight")
        verbose_name_plural = _("priority weights")

    def __str__(self):
        return f"{self.get_component_display()}: {self.weight}"


class PlanningArea(Area):
    """Areas seen through the planning pages, scoped by their own code like every other read."""

    scope_area_field = "code"

    class Meta:
        proxy = True
        verbose_name = _("area")
        verbose_name_plural = _("areas")


# Allowed status moves of an outreach day. "Reported" is final: the activity report has gone out.
OUTREACH_TRANSITIONS = {
    OutreachStatus.PLANNED: {OutreachStatus.IN_PROGRESS, OutreachStatus.DONE},
    OutreachStatus.IN_PROGRESS: {OutreachStatus.PLANNED, OutreachStatus.DONE},
    OutreachStatus.DONE: {OutreachStatus.IN_PROGRESS, OutreachStatus.REPORTED},
    OutreachStatus.REPORTED: set(),
}
