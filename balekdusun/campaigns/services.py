"""Planning workflows. Each public function is one transaction; refused operations raise DomainError."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from rapidfuzz import fuzz

from balekdusun.campaigns import conf
from balekdusun.campaigns.geo import haversine_m, metres_to_degrees
from balekdusun.campaigns.models import Household
from balekdusun.core import audit
from balekdusun.core.services import DomainError
from balekdusun.reports import rollups

HOUSEHOLD_FIELDS = ("dusun", "rt", "rw", "address", "latitude", "longitude", "head_name", "phone")
CONSENT_TEXT_VERSION = "2024-10"  # version of the consent text read to residents (UU PDP), shown on the form
ADDRESS_SIMILARITY = 70  # rapidfuzz token_set_ratio (0-100) above which two addresses count as "similar"


def _village(village):
    from balekdusun.regions.models import Area

    if isinstance(village, Area):
        area = village
    else:
        area = Area.objects.filter(code=str(village)).first()
        if area is None:
            raise DomainError("household.unknown_village", _("Unknown village code %(code)s.") % {"code": village},
                              field="village")
    if area.level != 4:
        raise DomainError("household.not_a_village", _("Households belong to a village (desa/kelurahan)."),
                          field="village")
    return area


def normalize_phone(raw: str) -> str:
    """An Indonesian phone number in E.164 (+62...), or DomainError naming the field."""
    import phonenumbers

    raw = (raw or "").strip()
    if not raw:
        return ""
    try:
        number = phonenumbers.parse(raw, "ID")
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_possible_number(number):
        raise DomainError("household.bad_phone", _("“%(value)s” is not a phone number.") % {"value": raw},
                          field="phone")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def clean_household_fields(fields: dict, *, consent: bool) -> dict:
    """Validate and normalise household fields; shared by the form, the API and the CSV import."""
    unknown = set(fields) - set(HOUSEHOLD_FIELDS)
    if unknown:
        raise DomainError("household.unknown_field", _("Unknown field: %(f)s") % {"f": ", ".join(sorted(unknown))},
                          field=sorted(unknown)[0])
    out = {k: ("" if fields.get(k) is None else str(fields.get(k)).strip())
           for k in ("dusun", "rt", "rw", "address", "head_name", "phone")}
    limits = {"dusun": 60, "rt": 5, "rw": 5, "address": 255, "head_name": 120}
    for name, limit in limits.items():
        if len(out[name]) > limit:
            raise DomainError("household.too_long", _("At most %(n)d characters.") % {"n": limit}, field=name)
    for name, bound in (("latitude", 90), ("longitude", 180)):
        value = fields.get(name)
        if value in (None, ""):
            out[name] = None
            continue
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise DomainError("household.bad_coordinate", _("“%(value)s” is not a number.") % {"value": value},
                              field=name) from None
        if not -bound <= number <= bound:
            raise DomainError("household.bad_coordinate", _("Must be between -%(b)d and %(b)d.") % {"b": bound},
                              field=name)
        out[name] = number
    if (out["latitude"] is None) != (out["longitude"] is None):
        raise DomainError("household.half_coordinate", _("Give both latitude and longitude, or neither."),
                          field="longitude" if out["longitude"] is None else "latitude")
    if (out["head_name"] or out["phone"]) and not consent:
        field = "head_name" if out["head_name"] else "phone"
        raise DomainError("household.consent_required",
                          _("A name or phone may only be recorded when the resident has given consent."), field=field)
    out["phone"] = normalize_phone(out["phone"])
    return out


def create_household(*, village, actor, client_uuid=None, consent: bool = False,
                     consent_text_version: str = CONSENT_TEXT_VERSION, **fields) -> Household:
    """Store a new household. With `client_uuid` (field app), a second call with the same UUID returns the first
    household unchanged. Name and phone need `consent=True`, which records when, which text and who collected it."""
    area = _village(village)
    if client_uuid is not None:
        existing = Household.objects.filter(client_uuid=client_uuid).first()
        if existing is not None:
            if existing.village_id != area.code:
                raise DomainError("household.uuid_conflict",
                                  _("This household was already recorded in another village."), field="client_uuid")
            return existing
    values = clean_household_fields(fields, consent=consent)
    household = Household(village=area, client_uuid=client_uuid, created_by=actor if _is_user(actor) else None,
                          **values)
    if consent and (values["head_name"] or values["phone"]):
        household.consent_at = timezone.now()
        household.consent_text_version = consent_text_version
        household.consent_by = household.created_by
    try:
        with transaction.atomic():
            household.save()
            audit.log(actor, "household.created", household, source="field" if client_uuid else "back_office")
            rollups.household_added(household)
    except IntegrityError:
        # Two phones sent the same creation at once: the other one won; return what it stored.
        if client_uuid is not None:
            existing = Household.objects.filter(client_uuid=client_uuid).first()
            if existing is not None:
                return existing
        raise
    return household


def _is_user(actor) -> bool:
    return actor is not None and getattr(actor, "is_authenticated", False)


def update_household(*, household: Household, actor, consent: bool | None = None, **fields) -> Household:
    current = {k: getattr(household, k) for k in HOUSEHOLD_FIELDS}
    current.update(fields)
    has_consent = household.consent_at is not None if consent is None else consent
    values = clean_household_fields(current, consent=has_consent)
    with transaction.atomic():
        for key, value in values.items():
            setattr(household, key, value)
        if not (values["head_name"] or values["phone"]):
            household.consent_at, household.consent_text_version, household.consent_by = None, "", None
        elif household.consent_at is None:
            household.consent_at = timezone.now()
            household.consent_text_version = CONSENT_TEXT_VERSION
            household.consent_by = actor if _is_user(actor) else None
        household.save()
        audit.log(actor, "household.updated", household, fields=sorted(fields))
    return household


def nearby_households(*, village_code: str, latitude: float, longitude: float, address: str = "",
                      radius_m: float | None = None, exclude_pk: int | None = None) -> list[Household]:
    """Possible duplicates of a new household: same village, within `radius_m` metres and a similar address.

    When either address is blank the distance alone decides. Nearest first.
    """
    if latitude is None or longitude is None:
        return []
    radius = conf.DUPLICATE_RADIUS_M if radius_m is None else radius_m
    dlat, dlon = metres_to_degrees(radius, latitude)
    qs = Household.objects.filter(village_id=village_code,
                                  latitude__range=(latitude - dlat, latitude + dlat),
                                  longitude__range=(longitude - dlon, longitude + dlon))
    if exclude_pk is not None:
        qs = qs.exclude(pk=exclude_pk)
    wanted = (address or "").strip().lower()
    found = []
    for household in qs:
        distance = haversine_m(latitude, longitude, household.latitude, household.longitude)
        if distance > radius:
            continue
        other = (household.address or "").strip().lower()
        if wanted and other and fuzz.token_set_ratio(wanted, other) < ADDRESS_SIMILARITY:
            continue
        household.distance_m = round(distance, 1)
        found.append(household)
    found.sort(key=lambda h: h.distance_m)
    return found
