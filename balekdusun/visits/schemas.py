"""The shapes of what the field app sends. Validated per record, so one bad record never rejects its batch.

`VisitIn` mirrors the shared contract of Visit.data (see docs/field.md); `canonical()` gives the content that
is hashed to tell a replay from a conflict.
"""

import datetime as dt
import hashlib
from typing import Annotated, Literal
from uuid import UUID

from django.utils.translation import gettext as _
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator, model_validator

Outcome = Literal["met", "not_home", "refused", "moved", "vacant", "inaccessible"]
MetRole = Literal["head", "spouse", "parent", "child", "other_member", "neighbour", ""]
Topic = Literal["jobs", "legal_procedure", "hotline", "illegal_recruitment", "document_help"]
Sector = Literal["domestic_worker", "caregiver", "plantation", "manufacturing", "construction", "fishing",
                 "hospitality", "other"]
When = Literal["within_6_months", "within_1_year", "later", "unknown"]
FollowupKind = Literal["wants_to_apply", "family_in_trouble", "broker_report", "needs_documents"]

COUNTRY = r"^[A-Z]{2}$"
MAX_ID = 2**63 - 1  # database ids are 64-bit


def no_nul(value):
    """PostgreSQL cannot store NUL characters in text; refuse them as a field error instead of failing."""
    if isinstance(value, str) and "\x00" in value:
        raise ValueError(_("Must not contain NUL characters."))
    return value


# Times a phone may report. Earlier or later is a clock gone wrong (or a hostile value: year 1 or 9999 cannot even
# be moved to UTC) and is refused as a field error of that record.
EARLIEST = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
LATEST = dt.datetime(2100, 1, 1, tzinfo=dt.UTC)


def aware_in_range(value: dt.datetime | None) -> dt.datetime | None:
    """A time with its zone, in UTC, between EARLIEST and LATEST; anything else is a ValueError (a field error)."""
    if value is None:
        return None
    if value.tzinfo is None:
        raise ValueError(_("Needs a time zone, e.g. 2023-12-07T09:30:00+07:00."))
    try:
        value = value.astimezone(dt.UTC)
    except OverflowError:
        value = None
    if value is None or not EARLIEST <= value < LATEST:
        raise ValueError(_("Not a possible time: it must lie between the years 2000 and 2099. Is the phone's "
                           "clock right?"))
    return value


# Free text typed on the phone. Other strings are a Literal, a pattern or a date, which refuse NUL already;
# checking only these keeps validation in pydantic's compiled core (a push validates 500 visits).
Text = Annotated[str, BeforeValidator(no_nul)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class MaterialLine(_Strict):
    material_id: int = Field(gt=0, le=MAX_ID)
    quantity: int = Field(ge=1, le=1000)


class Abroad(_Strict):
    country: str = Field(pattern=COUNTRY)
    sector: Sector = "other"
    procedural: bool | None = None
    year: int | None = Field(default=None, ge=1950, le=2100)


class Planning(_Strict):
    when: When = "unknown"
    country: str = Field(default="", pattern=r"^([A-Z]{2})?$")


class Migration(_Strict):
    abroad: list[Abroad] = Field(default_factory=list, max_length=30)
    returnees: int = Field(default=0, ge=0, le=50)
    planning: list[Planning] = Field(default_factory=list, max_length=30)


class Knowledge(_Strict):
    legal_procedure: bool | None = None
    hotline: bool | None = None
    warning_signs: bool | None = None


class Story(_Strict):
    text: Text = Field(default="", max_length=4000)
    consent_to_quote: bool = False


class Followup(_Strict):
    kind: FollowupKind
    note: Text = Field(default="", max_length=1000)


class VisitIn(_Strict):
    household: int | None = Field(default=None, gt=0, le=MAX_ID, description="Server id of a known household")
    household_uuid: UUID | None = Field(default=None, description="Client UUID of a household created offline")
    outreach: int | None = Field(default=None, gt=0, le=MAX_ID)
    turf: int | None = Field(default=None, gt=0, le=MAX_ID)
    visited_at: dt.datetime
    outcome: Outcome
    latitude: float | None = Field(default=None, ge=-90, le=90)
    longitude: float | None = Field(default=None, ge=-180, le=180)
    accuracy_m: float | None = Field(default=None, ge=0, le=100000)
    met_role: MetRole = ""
    materials: list[MaterialLine] = Field(default_factory=list, max_length=20)
    sticker_code: Text = Field(default="", max_length=40)
    topics: list[Topic] = Field(default_factory=list, max_length=5)
    migration: Migration = Field(default_factory=Migration)
    knowledge: Knowledge | None = None
    story: Story | None = None
    followups: list[Followup] = Field(default_factory=list, max_length=10)

    @field_validator("visited_at")
    @classmethod
    def _aware(cls, value: dt.datetime) -> dt.datetime:
        return aware_in_range(value)

    @field_validator("topics")
    @classmethod
    def _unique_topics(cls, value):
        return sorted(set(value))

    @model_validator(mode="after")
    def _consistent(self):
        if self.outcome != "met":
            # The knowledge check is asked only of someone met at the door.
            self.knowledge = None
        return self

    def problems(self) -> list[tuple[str, str]]:
        """Checks across fields, as (field, message) pairs."""
        out = []
        if (self.household is None) == (self.household_uuid is None):
            out.append(("household", _("Give either household (server id) or household_uuid.")))
        if (self.latitude is None) != (self.longitude is None):
            out.append(("longitude" if self.longitude is None else "latitude",
                        _("Give both latitude and longitude, or neither.")))
        return out

    def data(self) -> dict:
        """Visit.data as in the shared contract (flags are added by the server after the effects)."""
        out = self.model_dump(include=_DATA_FIELDS)
        if out["knowledge"] is None:
            del out["knowledge"]
        if out["story"] is None or not out["story"]["text"]:
            del out["story"]
        for key in ("turf", "accuracy_m"):
            if out[key] is None:
                del out[key]
        return out


_DATA_FIELDS = {"met_role", "materials", "sticker_code", "topics", "migration", "knowledge", "story", "followups",
                "turf", "accuracy_m"}


class HouseholdIn(_Strict):
    village: str = Field(min_length=13, max_length=13, pattern=r"^\d\d\.\d\d\.\d\d\.\d{4}$")
    outreach: int | None = Field(default=None, gt=0, le=MAX_ID)
    turf: int | None = Field(default=None, gt=0, le=MAX_ID)
    dusun: Text = Field(default="", max_length=60)
    rt: Text = Field(default="", max_length=5)
    rw: Text = Field(default="", max_length=5)
    address: Text = Field(default="", max_length=255)
    latitude: float | None = Field(default=None, ge=-90, le=90)
    longitude: float | None = Field(default=None, ge=-180, le=180)
    accuracy_m: float | None = Field(default=None, ge=0, le=100000)
    created_at: dt.datetime | None = None

    @field_validator("created_at")
    @classmethod
    def _aware(cls, value: dt.datetime | None) -> dt.datetime | None:
        return aware_in_range(value)


def canonical(model: BaseModel) -> dict:
    return model.model_dump(mode="json")


def content_hash(kind: str, model: BaseModel) -> str:
    """SHA-256 of the kind and the validated content as JSON. Fields come out in the schema's order, so the same
    content (whatever the key order, spacing or time zone the phone sent) gives the same hash; the schema's
    defaults are part of it, so a record sent before and after a new optional field was added hashes differently
    (its retry is then kept aside as a conflict, never lost)."""
    return hashlib.sha256(kind.encode() + b"\n" + model.model_dump_json().encode()).hexdigest()
