"""Public portal content: the agency register, job openings and the information pages.

None of these hold personal data; everything here may be shown to anyone.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from balekdusun.lib.text import fold


class AgencyStatus(models.TextChoices):
    LICENSED = "licensed", _("Licensed")
    SUSPENDED = "suspended", _("Suspended")
    REVOKED = "revoked", _("Licence revoked")


# Words that do not tell agencies apart ("PT Maju Jaya" and "Maju Jaya, PT" are the same name).
_NAME_NOISE = {"pt", "p3mi", "cv", "tbk", "persero", "ltd", "perusahaan", "penempatan", "pekerja", "migran",
               "indonesia"}


def agency_search_key(name: str) -> str:
    words = [w for w in fold(name).split() if w not in _NAME_NOISE]
    return " ".join(words) or fold(name)


def normalize_licence(value: str) -> str:
    """Licence numbers are typed with any spacing, dots or dashes; compare only letters and digits."""
    return "".join(ch for ch in (value or "").upper() if ch.isalnum())


class Agency(models.Model):
    """A placement agency (P3MI) in the register the portal checks against."""

    name = models.CharField(_("name"), max_length=160)
    licence_number = models.CharField(_("licence number"), max_length=80, unique=True)
    status = models.CharField(_("status"), max_length=12, choices=AgencyStatus.choices,
                              default=AgencyStatus.LICENSED)
    licence_valid_until = models.DateField(_("licence valid until"), null=True, blank=True)
    city = models.CharField(_("city"), max_length=80, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    phone = models.CharField(_("office phone"), max_length=32, blank=True)
    status_note = models.CharField(_("note on the status"), max_length=255, blank=True,
                                   help_text=_("Public. E.g. the decree that suspended or revoked the licence."))
    search_key = models.CharField(max_length=160, editable=False, db_index=True)
    licence_key = models.CharField(max_length=80, editable=False, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")

    class Meta:
        ordering = ["name"]
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.search_key = agency_search_key(self.name)[:160]
        self.licence_key = normalize_licence(self.licence_number)[:80]
        super().save(*args, **kwargs)

    def clean(self):
        if self.licence_number and not normalize_licence(self.licence_number):
            raise ValidationError({"licence_number": _("Enter the licence number.")})
        clash = Agency.objects.filter(licence_key=normalize_licence(self.licence_number)).exclude(pk=self.pk)
        if clash.exists():
            raise ValidationError({"licence_number": _("Another agency already has this licence number.")})


class Country(models.TextChoices):
    MY = "MY", _("Malaysia")
    HK = "HK", _("Hong Kong")
    TW = "TW", _("Taiwan")
    JP = "JP", _("Japan")
    KR = "KR", _("South Korea")
    SG = "SG", _("Singapore")
    SA = "SA", _("Saudi Arabia")
    BN = "BN", _("Brunei Darussalam")
    AE = "AE", _("United Arab Emirates")
    QA = "QA", _("Qatar")
    KW = "KW", _("Kuwait")
    OM = "OM", _("Oman")
    TR = "TR", _("Turkey")
    IT = "IT", _("Italy")
    DE = "DE", _("Germany")
    PL = "PL", _("Poland")
    NL = "NL", _("Netherlands")
    AU = "AU", _("Australia")
    NZ = "NZ", _("New Zealand")
    US = "US", _("United States")


class Sector(models.TextChoices):
    DOMESTIC = "domestic", _("Domestic worker")
    CAREGIVER = "caregiver", _("Caregiver")
    PLANTATION = "plantation", _("Plantation")
    AGRICULTURE = "agriculture", _("Agriculture")
    FISHING = "fishing", _("Fishing crew")
    MANUFACTURING = "manufacturing", _("Manufacturing")
    CONSTRUCTION = "construction", _("Construction")
    HOSPITALITY = "hospitality", _("Hotel and restaurant")
    HEALTHCARE = "healthcare", _("Nursing and health care")
    OTHER = "other", _("Other")


# Occupations that may not be charged placement costs (Perban 9/2020, docs/design.md "Domain facts").
ZERO_COST_SECTORS = {Sector.DOMESTIC, Sector.CAREGIVER, Sector.PLANTATION, Sector.AGRICULTURE, Sector.FISHING}


class Scheme(models.TextChoices):
    P_TO_P = "p_to_p", _("Through a licensed agency (P to P)")
    G_TO_G = "g_to_g", _("Government programme (G to G)")
    G_TO_P = "g_to_p", _("Government to private employer (G to P)")
    UKPS = "ukps", _("Company sending its own staff (UKPS)")


class JobStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class JobOpeningQuerySet(models.QuerySet):
    def public(self):
        """Published openings whose closing date has not passed (in Indonesian western time)."""
        return self.filter(status=JobStatus.PUBLISHED, closing_date__gte=timezone.localdate())


class JobOpening(models.Model):
    """A job order (lowongan) that residents may apply to through the legal way."""

    reference = models.CharField(_("job-order reference"), max_length=60, unique=True,
                                 help_text=_("The job order number as registered in SISKOP2MI."))
    office = models.ForeignKey("core.Office", verbose_name=_("office"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="job_openings",
                               help_text=_("The office that publishes it; empty for national openings."))
    position = models.CharField(_("position"), max_length=160)
    country = models.CharField(_("country"), max_length=2, choices=Country.choices)
    sector = models.CharField(_("sector"), max_length=16, choices=Sector.choices)
    scheme = models.CharField(_("scheme"), max_length=8, choices=Scheme.choices, default=Scheme.P_TO_P)
    employer = models.CharField(_("employer"), max_length=160)
    agency = models.ForeignKey(Agency, verbose_name=_("agency"), null=True, blank=True, on_delete=models.PROTECT,
                               related_name="job_openings")
    quota = models.PositiveIntegerField(_("quota (workers)"))
    salary_min = models.DecimalField(_("salary from"), max_digits=12, decimal_places=0)
    salary_max = models.DecimalField(_("salary up to"), max_digits=12, decimal_places=0)
    currency = models.CharField(_("currency"), max_length=3,
                                validators=[RegexValidator(r"^[A-Z]{3}$", _("Use a three-letter code, e.g. MYR."))])
    requirements = models.TextField(_("requirements"))
    allowed_costs = models.TextField(_("costs the worker may be charged"), blank=True)
    forbidden_costs = models.TextField(_("costs the worker may not be charged"), blank=True)
    closing_date = models.DateField(_("closing date"))
    status = models.CharField(_("status"), max_length=10, choices=JobStatus.choices, default=JobStatus.DRAFT)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")

    objects = JobOpeningQuerySet.as_manager()
    scope_office_field = "office_id"

    class Meta:
        ordering = ["closing_date", "position"]
        verbose_name = _("job opening")
        verbose_name_plural = _("job openings")
        indexes = [models.Index(fields=["status", "closing_date"])]

    def __str__(self):
        return f"{self.position} ({self.get_country_display()})"

    def clean(self):
        errors = {}
        if self.salary_min is not None and self.salary_max is not None and self.salary_max < self.salary_min:
            errors["salary_max"] = _("The upper salary must not be below the lower one.")
        if self.scheme == Scheme.P_TO_P and not self.agency_id:
            errors["agency"] = _("An opening through an agency names the agency.")
        if self.agency_id and self.status == JobStatus.PUBLISHED and self.agency.status != AgencyStatus.LICENSED:
            errors["agency"] = _("Only openings of a licensed agency can be published.")
        if self.quota is not None and self.quota < 1:
            errors["quota"] = _("The quota is at least one worker.")
        if errors:
            raise ValidationError(errors)

    @property
    def zero_cost(self) -> bool:
        return self.sector in ZERO_COST_SECTORS

    @property
    def is_public(self) -> bool:
        return self.status == JobStatus.PUBLISHED and self.closing_date >= timezone.localdate()


class InfoSection(models.TextChoices):
    PROCEDURE = "procedure", _("Legal procedure")
    SCHEMES = "schemes", _("Placement schemes")
    WARNING = "warning", _("Warning signs")
    COSTS = "costs", _("Costs")
    FAQ = "faq", _("Questions and answers")


class InfoPage(models.Model):
    """An editable page of "the legal way", written in Indonesian and English.

    The body is plain text: blank lines separate paragraphs, lines starting with "- " are bullets, "1. " are
    numbered steps and "## " starts a heading. Staff never write HTML, so nothing unsafe reaches the public.
    """

    slug = models.SlugField(_("address (slug)"), max_length=60, unique=True)
    section = models.CharField(_("section"), max_length=12, choices=InfoSection.choices)
    order = models.PositiveSmallIntegerField(_("order"), default=10)
    title_id = models.CharField(_("title (Indonesian)"), max_length=160)
    title_en = models.CharField(_("title (English)"), max_length=160, blank=True)
    summary_id = models.CharField(_("summary (Indonesian)"), max_length=255, blank=True)
    summary_en = models.CharField(_("summary (English)"), max_length=255, blank=True)
    body_id = models.TextField(_("text (Indonesian)"))
    body_en = models.TextField(_("text (English)"), blank=True)
    published = models.BooleanField(_("published"), default=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("information page")
        verbose_name_plural = _("information pages")

    def __str__(self):
        return self.title_id

    def _pick(self, field: str) -> str:
        if translation.get_language() == "en":
            return getattr(self, f"{field}_en") or getattr(self, f"{field}_id")
        return getattr(self, f"{field}_id")

    @property
    def title(self) -> str:
        return self._pick("title")

    @property
    def summary(self) -> str:
        return self._pick("summary")

    @property
    def body(self) -> str:
        return self._pick("body")
