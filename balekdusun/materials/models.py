from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class MaterialKind(models.TextChoices):
    BROCHURE = "brochure", _("Brochure")
    STICKER = "sticker", _("Sticker")
    POSTER = "poster", _("Poster")
    OTHER = "other", _("Other")


class Material(models.Model):
    kind = models.CharField(_("kind"), max_length=16, choices=MaterialKind.choices)
    title = models.CharField(_("title"), max_length=160)
    version = models.CharField(_("version"), max_length=20, default="1")
    language = models.CharField(_("language"), max_length=8, default="id")
    # Subset of: jobs, legal_procedure, hotline, illegal_recruitment
    topics = models.JSONField(_("topics"), default=list, blank=True)
    print_file = models.FileField(_("print file (PDF)"), upload_to="materials/", blank=True)
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["kind", "title", "version"]
        unique_together = [("title", "version", "language")]
        verbose_name = _("material")
        verbose_name_plural = _("materials")

    def __str__(self):
        return f"{self.title} v{self.version}"


class MoveKind(models.TextChoices):
    RECEIVED = "received", _("Received from printer")
    ISSUED = "issued", _("Issued to outreach team")
    HANDED_OUT = "handed_out", _("Handed out at a visit")
    RETURNED = "returned", _("Returned")
    LOST = "lost", _("Lost or damaged")
    ADJUSTMENT = "adjustment", _("Adjustment")


class StockMove(models.Model):
    """One line of the stock ledger. Stock anywhere is the sum of these rows; rows are never edited."""

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

    class Meta:
        ordering = ["-created_at", "-id"]
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
    placed_at = models.DateTimeField(null=True, blank=True)
    void_reason = models.CharField(_("void reason"), max_length=255, blank=True)

    scope_office_field = "office_id"

    class Meta:
        ordering = ["batch_id", "id"]
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

    def __str__(self):
        return f"{self.code} {self.scanned_at:%Y-%m-%d %H:%M}"
