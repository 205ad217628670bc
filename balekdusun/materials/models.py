from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def _village_only(field: str | None):
    """`scope_extra` for office-scoped models: a village official sees only what belongs to their own village
    (found through `field`; None: nothing), not the whole office's stock."""

    def scope_extra(cls, qs, user):
        from balekdusun.core.roles import Role

        if getattr(user, "role", None) == Role.VILLAGE:
            return qs.filter(**{field: user.village_id}) if field else qs.none()
        return qs

    return classmethod(scope_extra)


class MaterialKind(models.TextChoices):
    BROCHURE = "brochure", _("Brochure")
    STICKER = "sticker", _("Sticker")
    POSTER = "poster", _("Poster")
    OTHER = "other", _("Other")


class Topic(models.TextChoices):
    JOBS = "jobs", _("Job opportunities")
    LEGAL_PROCEDURE = "legal_procedure", _("Legal procedure")
    HOTLINE = "hotline", _("Hotline")
    ILLEGAL_RECRUITMENT = "illegal_recruitment", _("Signs of illegal recruitment")


class Material(models.Model):
    """A printed item in one version. Materials are global (the ministry's catalogue); stock is per office."""

    kind = models.CharField(_("kind"), max_length=16, choices=MaterialKind.choices)
    title = models.CharField(_("title"), max_length=160)
    version = models.CharField(_("version"), max_length=20, default="1")
    language = models.CharField(_("language"), max_length=8, default="id")
    # Subset of: jobs, legal_procedure, hotline, illegal_recruitment
    topics = models.JSONField(_("topics"), default=list, blank=True)
    print_file = models.FileField(_("print file (PDF)"), upload_to="materials/", blank=True)
    notes = models.TextField(_("notes"), blank=True)
    # The version this one replaces (same title); retiring the old one is a separate, deliberate step.
    previous = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="next_versions", verbose_name=_("previous version"))
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["kind", "title", "version"]
        unique_together = [("title", "version", "language")]
        verbose_name = _("material")
        verbose_name_plural = _("materials")

    def __str__(self):
        return f"{self.title} v{self.version}"

    @property
    def language_name(self) -> str:
        """The language by its name, from the site's own list (settings.LANGUAGES)."""
        return str(dict(settings.LANGUAGES).get(self.language, self.language))

    @property
    def topic_names(self) -> str:
        """The topics in words, in the page's language ("Legal procedure, Hotline")."""
        return ", ".join(str(Topic(t).label) for t in self.topics or [] if t in Topic.values)


class MoveKind(models.TextChoices):
    RECEIVED = "received", _("Received from printer")
    ISSUED = "issued", _("Issued to outreach team")
    HANDED_OUT = "handed_out", _("Handed out at a visit")
    RETURNED = "returned", _("Returned")
    LOST = "lost", _("Lost or damaged")
    ADJUSTMENT = "adjustment", _("Adjustment")


class StockMove(models.Model):
    """One line of the stock ledger. Stock anywhere is the sum of these rows; rows are never edited.

    `quantity` is positive for every kind except ADJUSTMENT (signed) and the reversal of a hand-out: a negative
    HANDED_OUT row that names its visit and gives a reason, written when a visit's answers are corrected
    (`services.correct_handouts`) and it handed out fewer than first booked. Where a row moves stock is given by
    its kind and whether it names an outreach (see `ledger.py`): RECEIVED office+, ISSUED office- team+,
    HANDED_OUT team-, RETURNED team- office+, LOST team- (with outreach) or office-, ADJUSTMENT ± at the team
    (with outreach) or the office.
    """

    office = models.ForeignKey("core.Office", on_delete=models.PROTECT, related_name="stock_moves")
    material = models.ForeignKey(Material, on_delete=models.PROTECT, related_name="moves")
    kind = models.CharField(_("kind"), max_length=16, choices=MoveKind.choices)
    quantity = models.IntegerField(_("quantity"))
    outreach = models.ForeignKey("campaigns.Outreach", null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="stock_moves")
    officer = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                related_name="+")
    visit = models.ForeignKey("visits.Visit", null=True, blank=True, on_delete=models.PROTECT,
                              related_name="stock_moves")
    reason = models.CharField(_("reason"), max_length=255, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    scope_office_field = "office_id"

    scope_extra = _village_only("outreach__village_id")

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["office", "material"]), models.Index(fields=["outreach", "material"])]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(kind="adjustment") & ~models.Q(quantity=0)) | models.Q(quantity__gt=0)
                | (models.Q(kind="handed_out", quantity__lt=0, visit__isnull=False) & ~models.Q(reason="")),
                name="stockmove_quantity_sign",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="adjustment") | ~models.Q(reason=""),
                name="stockmove_adjustment_reason",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind__in=["issued", "returned"]) | models.Q(outreach__isnull=False),
                name="stockmove_team_moves_name_outreach",
            ),
        ]
        verbose_name = _("stock move")
        verbose_name_plural = _("stock moves")

    def __str__(self):
        return f"{self.get_kind_display()} {self.quantity} × {self.material}"


class StickerBatch(models.Model):
    office = models.ForeignKey("core.Office", on_delete=models.PROTECT, related_name="sticker_batches")
    label = models.CharField(_("label"), max_length=80, blank=True)
    size = models.PositiveIntegerField(_("number of codes"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    scope_office_field = "office_id"

    scope_extra = _village_only(None)

    def __str__(self):
        return self.label or f"#{self.pk}"


class StickerStatus(models.TextChoices):
    PRINTED = "printed", _("Printed")
    ISSUED = "issued", _("Issued to a team")
    PLACED = "placed", _("Placed")
    VOID = "void", _("Void")


class Sticker(models.Model):
    code = models.CharField(_("code"), max_length=12, unique=True)
    batch = models.ForeignKey(StickerBatch, on_delete=models.PROTECT, related_name="stickers")
    office = models.ForeignKey("core.Office", on_delete=models.PROTECT, related_name="+")
    status = models.CharField(_("status"), max_length=10, choices=StickerStatus.choices,
                              default=StickerStatus.PRINTED)
    outreach = models.ForeignKey("campaigns.Outreach", null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="stickers")
    household = models.ForeignKey("campaigns.Household", null=True, blank=True, on_delete=models.PROTECT,
                                  related_name="stickers")
    placed_by_visit = models.ForeignKey("visits.Visit", null=True, blank=True, on_delete=models.PROTECT,
                                        related_name="+")
    placed_at = models.DateTimeField(null=True, blank=True, db_index=True)
    void_reason = models.CharField(_("void reason"), max_length=255, blank=True)
    voided_at = models.DateTimeField(null=True, blank=True)

    scope_office_field = "office_id"

    scope_extra = _village_only("household__village_id")

    class Meta:
        ordering = ["batch_id", "id"]
        indexes = [models.Index(fields=["office", "status"])]
        verbose_name = _("sticker")
        verbose_name_plural = _("stickers")

    def __str__(self):
        return self.code


class StickerScan(models.Model):
    """A scan of a sticker's QR code. Deliberately no IP address, user agent or other personal data."""

    sticker = models.ForeignKey(Sticker, null=True, blank=True, on_delete=models.CASCADE, related_name="scans")
    code = models.CharField(max_length=16)
    scanned_at = models.DateTimeField(default=timezone.now, db_index=True)

    scope_office_field = "sticker__office_id"

    scope_extra = _village_only("sticker__household__village_id")

    def __str__(self):
        return f"{self.code} {self.scanned_at:%Y-%m-%d %H:%M}"


class StickerConflict(models.Model):
    """A sticker already placed on one house was reported placed on another. Never moved: a coordinator looks."""

    sticker = models.ForeignKey(Sticker, on_delete=models.CASCADE, related_name="conflicts")
    visit = models.ForeignKey("visits.Visit", on_delete=models.CASCADE, related_name="+")
    household = models.ForeignKey("campaigns.Household", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    resolution = models.CharField(_("resolution"), max_length=255, blank=True)

    scope_office_field = "sticker__office_id"

    scope_extra = _village_only("household__village_id")

    class Meta:
        ordering = ["resolved_at", "-created_at"]
        constraints = [models.UniqueConstraint(fields=["sticker", "visit"], name="stickerconflict_once_per_visit")]
        verbose_name = _("sticker conflict")
        verbose_name_plural = _("sticker conflicts")

    def __str__(self):
        return f"{self.sticker.code} @ visit {self.visit_id}"


class Reconciliation(models.Model):
    """The coordinator's sign-off of one outreach day's stock: the figures as they were when signed."""

    outreach = models.OneToOneField("campaigns.Outreach", on_delete=models.PROTECT, related_name="reconciliation")
    signed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    signed_at = models.DateTimeField(default=timezone.now)
    note = models.TextField(_("note"), blank=True)
    # {"rows": [...], "unaccounted": n}: the table the coordinator saw, so later moves do not rewrite history.
    snapshot = models.JSONField(default=dict)

    scope_area_field = "outreach__village_id"

    class Meta:
        verbose_name = _("reconciliation")
        verbose_name_plural = _("reconciliations")

    def __str__(self):
        return f"{self.outreach} ({self.signed_at:%d-%m-%Y})"
