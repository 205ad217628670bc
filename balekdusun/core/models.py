import hashlib
import secrets

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from balekdusun.core.roles import Role
from balekdusun.lib.sealed import VISIT_TEXT, SealedJSONField

# Parts of an audit entry's data that hold a family's own words (a visit's answers before a conflict replaced them).
AUDIT_SEALED = tuple(("before", "data") + path for path in VISIT_TEXT)


class Office(models.Model):
    """A BP3MI (or the ministry itself) with the areas it is responsible for."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    short_name = models.CharField(_("short name"), max_length=40, blank=True)
    # Area codes (any level). Everything whose area code equals one of these or lies below it is in scope.
    jurisdiction = models.JSONField(_("jurisdiction (area codes)"), default=list)
    address = models.CharField(_("address"), max_length=255, blank=True)
    hotline_phone = models.CharField(_("hotline phone"), max_length=32, blank=True)
    hotline_name = models.CharField(_("hotline name"), max_length=60, blank=True)
    whatsapp = models.CharField(_("WhatsApp number"), max_length=32, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    # Where the office signs its letters and reports ("Palembang, 4 Desember 2026").
    city = models.CharField(_("city (place of signing)"), max_length=60, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("office")
        verbose_name_plural = _("offices")

    def __str__(self):
        return self.name

    def clean(self):
        from balekdusun.regions.models import Area

        codes = list(dict.fromkeys(self.jurisdiction or []))
        known = set(Area.objects.filter(code__in=codes).values_list("code", flat=True))
        unknown = [c for c in codes if c not in known]
        if unknown:
            raise ValidationError({"jurisdiction": _("Unknown area codes: %(codes)s") % {"codes": ", ".join(unknown)}})
        self.jurisdiction = codes

    def covers(self, area_code: str) -> bool:
        return any(area_code == c or area_code.startswith(c + ".") for c in self.jurisdiction or [])


class User(AbstractUser):
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.VIEWER)
    office = models.ForeignKey(Office, verbose_name=_("office"), null=True, blank=True, on_delete=models.PROTECT,
                               related_name="users")
    # Only for village officials: the one village they may see.
    village = models.ForeignKey("regions.Area", verbose_name=_("village"), null=True, blank=True,
                                on_delete=models.PROTECT, related_name="+")
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    # Civil servant number (Nomor Induk Pegawai, 18 digits), printed under the name in signature blocks.
    nip = models.CharField(_("NIP (civil servant number)"), max_length=18, blank=True,
                           validators=[RegexValidator(r"^\d{18}$", _("A NIP has 18 digits."))])

    scope_office_field = "office_id"

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def clean(self):
        super().clean()
        if self.role != Role.ADMIN and not self.office_id:
            raise ValidationError({"office": _("Every user except a national administrator belongs to an office.")})
        if self.role == Role.VILLAGE:
            if not self.village_id:
                raise ValidationError({"village": _("A village official must be linked to one village.")})
            if self.village.level != 4:
                raise ValidationError({"village": _("Choose a village (desa/kelurahan), not a larger area.")})
            if self.office_id and not self.office.covers(self.village_id):
                raise ValidationError({"village": _("The village lies outside the office's jurisdiction.")})
        elif self.village_id:
            raise ValidationError({"village": _("Only village officials are linked to a village.")})

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username


class ApiToken(models.Model):
    """A bearer token for a device or a script. Only a hash is stored; the token is shown once."""

    PREFIX = "bd_"

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=80)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    hint = models.CharField(max_length=12, editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(_("expires at"), null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name} ({self.hint}…)"

    @staticmethod
    def hash_key(key: str) -> str:
        return hashlib.sha256(key.encode()).hexdigest()

    @classmethod
    def issue(cls, *, user, name: str, expires_at=None) -> tuple["ApiToken", str]:
        key = cls.PREFIX + secrets.token_urlsafe(30)
        token = cls.objects.create(user=user, name=name, key_hash=cls.hash_key(key), hint=key[:8],
                                   expires_at=expires_at)
        return token, key

    @property
    def is_active(self) -> bool:
        if self.revoked_at:
            return False
        return self.expires_at is None or self.expires_at > timezone.now()


class AuditEntryQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionError("audit entries are never edited")

    def delete(self):
        raise PermissionError("audit entries are never deleted")


class AuditEntry(models.Model):
    """An immutable record of who did what to which record (UU PDP record of processing)."""

    at = models.DateTimeField(default=timezone.now, db_index=True)
    actor = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    actor_name = models.CharField(max_length=150, blank=True)
    office = models.ForeignKey(Office, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    # Dotted code: visit.created, case.status_changed, export.downloaded, personal.viewed, ...
    action = models.CharField(max_length=64, db_index=True)
    object_type = models.CharField(max_length=64, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    object_repr = models.CharField(max_length=200, blank=True)
    # The area the record belongs to, so office heads see entries of their own jurisdiction.
    area_code = models.CharField(max_length=16, blank=True, db_index=True)
    # A visit replaced from a sync conflict keeps its earlier answers under "before": their free text is sealed.
    data = SealedJSONField(default=dict, blank=True, sealed=AUDIT_SEALED)

    objects = AuditEntryQuerySet.as_manager()
    scope_office_field = "office_id"

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_name} {self.action} {self.object_repr}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("audit entries are never edited")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("audit entries are never deleted")

    @property
    def object_label(self) -> str:
        """The kind of record in words ("kasus", not "cases.case")."""
        from django.apps import apps

        try:
            return str(apps.get_model(self.object_type)._meta.verbose_name) if self.object_type else ""
        except (LookupError, ValueError):
            return ""


class RateCounter(models.Model):
    """One shared counter of core/counters.py when no Redis is configured: every server process reads and bumps the
    same row with one atomic upsert. The key is a salted hash (never an address or a username in clear); times are
    Unix seconds. Rows past `expires` count as zero and are swept now and then."""

    key = models.CharField(max_length=80, primary_key=True)
    count = models.IntegerField(default=0)
    last = models.FloatField(default=0)
    expires = models.FloatField(db_index=True)

    class Meta:
        verbose_name = _("rate counter")
        verbose_name_plural = _("rate counters")

    def __str__(self):
        return self.key
