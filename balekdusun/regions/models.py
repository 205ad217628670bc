from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Level(models.IntegerChoices):
    PROVINCE = 1, _("Province")
    REGENCY = 2, _("Regency/city")
    DISTRICT = 3, _("District")
    VILLAGE = 4, _("Village")


class VillageType(models.TextChoices):
    DESA = "desa", _("Desa")
    KELURAHAN = "kelurahan", _("Kelurahan")
    DESA_ADAT = "desa_adat", _("Desa adat")


def area_prefix(level: int, kind: str) -> str:
    """The word before an area's name ("Provinsi", "Kec.", "Desa", "Kel."), "" for a regency, whose name already
    says kabupaten or kota."""
    if level == Level.PROVINCE:
        return str(_("Provinsi"))
    if level == Level.DISTRICT:
        return str(_("Kec."))
    if level == Level.VILLAGE:
        return str(_("Kel.") if kind == VillageType.KELURAHAN else _("Desa"))
    return ""


def area_label(level: int, kind: str, name: str, prefix: str | None = None) -> str:
    """How an area is named on pages and in reports: "Provinsi Sumatera Selatan", "Kabupaten Ogan Komering Ilir",
    "Kec. Jejawi", "Desa Pematang Buluran", "Kel. ...". `prefix`: `area_prefix(level, kind)` when the caller
    already has it (a table of sibling areas translates it once)."""
    if prefix is None:
        prefix = area_prefix(level, kind)
    return f"{prefix} {name}" if prefix else name


class Area(models.Model):
    """One row per Kemendagri region, keyed by its official dotted code (16, 16.02, 16.02.08, 16.02.08.2017).

    Scoping compares codes by prefix, so "16.02" covers every district and village of Ogan Komering Ilir.
    """

    code = models.CharField(_("code"), max_length=16, primary_key=True)
    level = models.PositiveSmallIntegerField(_("level"), choices=Level.choices, db_index=True)
    name = models.CharField(_("name"), max_length=100)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="children",
                               db_constraint=False)
    # Regencies: "kabupaten" or "kota"; villages: desa / kelurahan / desa adat; blank otherwise.
    kind = models.CharField(_("type"), max_length=16, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=5, blank=True)
    # Normalised name for search (lower case, no prefixes, single spaces).
    search_name = models.CharField(max_length=100, db_index=True, editable=False)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("area")
        verbose_name_plural = _("areas")

    def __str__(self):
        return self.label

    @property
    def label(self) -> str:
        return area_label(self.level, self.kind, self.name)

    def ancestor_codes(self) -> list[str]:
        parts = self.code.split(".")
        return [".".join(parts[:i]) for i in range(1, len(parts))]

    def ancestors(self) -> list["Area"]:
        found = {a.code: a for a in Area.objects.filter(code__in=self.ancestor_codes())}
        return [found[c] for c in self.ancestor_codes() if c in found]

    @property
    def path(self) -> str:
        """Village, district, regency, province: how people write an address."""
        return ", ".join(a.label for a in [self, *reversed(self.ancestors())])


class AreaAlias(models.Model):
    """A local or common spelling of an area name ("SP Padang", "Permatang Buluran", "OKI")."""

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="aliases")
    alias = models.CharField(_("alias"), max_length=100)
    search_name = models.CharField(max_length=100, db_index=True, editable=False)

    class Meta:
        unique_together = [("area", "search_name")]
        verbose_name = _("area alias")
        verbose_name_plural = _("area aliases")

    def __str__(self):
        return f"{self.alias} → {self.area_id}"

    def save(self, *args, **kwargs):
        from balekdusun.lib.text import normalize_area_name

        self.search_name = normalize_area_name(self.alias)
        super().save(*args, **kwargs)


class UnmatchedStatus(models.TextChoices):
    OPEN = "open", _("To map")
    MAPPED = "mapped", _("Mapped to an area")
    IGNORED = "ignored", _("Ignored")


class UnmatchedSearch(models.Model):
    """An area search that found nothing, kept so a coordinator can map it to an area as a new alias.

    Only the normalised query text, how often it was searched and when: no user, no place, no other context
    (a query is what someone typed into a place-name box, not personal data worth keeping)."""

    search_name = models.CharField(_("search"), max_length=100, unique=True)
    count = models.PositiveIntegerField(_("times searched"), default=1)
    first_at = models.DateTimeField(_("first searched"), auto_now_add=True)
    last_at = models.DateTimeField(_("last searched"), db_index=True)
    status = models.CharField(_("status"), max_length=8, choices=UnmatchedStatus.choices,
                              default=UnmatchedStatus.OPEN, db_index=True)
    area = models.ForeignKey(Area, verbose_name=_("area"), null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="+")
    resolved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-count", "-last_at"]
        verbose_name = _("search without a result")
        verbose_name_plural = _("searches without a result")

    def __str__(self):
        return self.search_name
