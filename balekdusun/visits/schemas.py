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

from balekdusun.core.apierrors import message
from balekdusun.core.apitypes import (
    FLAG_RULE,
    ID_RULE,
    MAX_ID,
    NUMBER_RULE,
    TEXT_RULE,
    Flag,
    Number,
    StrictId,
    Text,
    clean_text,
)

Outcome = Literal["met", "not_home", "refused", "moved", "vacant", "inaccessible"]
MetRole = Literal["head", "spouse", "parent", "child", "other_member", "neighbour", ""]
Topic = Literal["jobs", "legal_procedure", "hotline", "illegal_recruitment", "document_help"]
Sector = Literal["domestic_worker", "caregiver", "plantation", "manufacturing", "construction", "fishing",
                 "hospitality", "other"]
When = Literal["within_6_months", "within_1_year", "later", "unknown"]
FollowupKind = Literal["wants_to_apply", "family_in_trouble", "broker_report", "needs_documents"]

COUNTRY = r"^[A-Z]{2}$"

no_nul = clean_text  # the earlier name, kept for importers


def _iso_text(value):
    """A time must come as ISO 8601 text: pydantic would also take a number as seconds since 1970."""
    if isinstance(value, (str, dt.datetime)):
        return value
    raise ValueError(message("datetime_type"))


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


# Free text typed on the phone (NUL and lone surrogates refused). Other strings are a Literal, a pattern or a date,
# which refuse both already; checking only these keeps validation in pydantic's compiled core (500 visits a push).
# Ids, counts and flags are strict (core/apitypes.py): `"household": true` is not household 1.
Time = Annotated[dt.datetime, BeforeValidator(_iso_text)]

_ID = f"Server id. {ID_RULE}"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, allow_inf_nan=False)


class MaterialLine(_Strict):
    material_id: StrictId = Field(gt=0, le=MAX_ID, description=f"Material id. {ID_RULE}")
    quantity: StrictId = Field(ge=1, le=1000, description=f"Pieces handed out, 1-1000. {ID_RULE}")


class Abroad(_Strict):
    country: str = Field(pattern=COUNTRY, description="ISO 3166 alpha-2 code, upper case")
    sector: Sector = "other"
    procedural: Flag | None = Field(default=None, description=f"Went the legal way; null = unknown. {FLAG_RULE}")
    year: StrictId | None = Field(default=None, ge=1950, le=2100, description=f"Year of departure. {ID_RULE}")


class Planning(_Strict):
    when: When = "unknown"
    country: str = Field(default="", pattern=r"^([A-Z]{2})?$")


class Migration(_Strict):
    abroad: list[Abroad] = Field(default_factory=list, max_length=30)
    returnees: StrictId = Field(default=0, ge=0, le=50, description=f"Returned migrant workers. {ID_RULE}")
    planning: list[Planning] = Field(default_factory=list, max_length=30)


class Knowledge(_Strict):
    legal_procedure: Flag | None = Field(default=None, description=FLAG_RULE)
    hotline: Flag | None = Field(default=None, description=FLAG_RULE)
    warning_signs: Flag | None = Field(default=None, description=FLAG_RULE)


class Story(_Strict):
    text: Text = Field(default="", max_length=4000, description=TEXT_RULE)
    consent_to_quote: Flag = Field(default=False, description=FLAG_RULE)


class Followup(_Strict):
    kind: FollowupKind
    note: Text = Field(default="", max_length=1000, description=TEXT_RULE)


class VisitIn(_Strict):
    """`data` of a push record of type `visit`. Unknown keys are refused."""

    household: StrictId | None = Field(default=None, gt=0, le=MAX_ID,
                                       description=f"Server id of a known household (or give household_uuid). {ID_RULE}")
    household_uuid: UUID | None = Field(default=None, description="Client UUID of a household created offline (text)")
    outreach: StrictId | None = Field(default=None, gt=0, le=MAX_ID, description=f"Outreach day. {_ID}")
    turf: StrictId | None = Field(default=None, gt=0, le=MAX_ID, description=f"Turf. {_ID}")
    visited_at: Time = Field(description="ISO 8601 text with its time zone, between 2000 and 2099 (strict: a number "
                             "of seconds is refused)")
    outcome: Outcome
    latitude: Number | None = Field(default=None, ge=-90, le=90, description=NUMBER_RULE)
    longitude: Number | None = Field(default=None, ge=-180, le=180, description=NUMBER_RULE)
    accuracy_m: Number | None = Field(default=None, ge=0, le=100000, description=NUMBER_RULE)
    met_role: MetRole = ""
    materials: list[MaterialLine] = Field(default_factory=list, max_length=20)
    sticker_code: Text = Field(default="", max_length=40, description="As typed; normalised by the server")
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
    """`data` of a push record of type `household`. Unknown keys are refused."""

    village: str = Field(min_length=13, max_length=13, pattern=r"^\d\d\.\d\d\.\d\d\.\d{4}$",
                         description="Kemendagri village code, e.g. 16.02.08.2017")
    outreach: StrictId | None = Field(default=None, gt=0, le=MAX_ID, description=f"Outreach day. {_ID}")
    turf: StrictId | None = Field(default=None, gt=0, le=MAX_ID,
                                  description=f"Turf the house was added from. {_ID}")
    dusun: Text = Field(default="", max_length=60, description=TEXT_RULE)
    rt: Text = Field(default="", max_length=5, description=TEXT_RULE)
    rw: Text = Field(default="", max_length=5, description=TEXT_RULE)
    address: Text = Field(default="", max_length=255, description=TEXT_RULE)
    latitude: Number | None = Field(default=None, ge=-90, le=90, description=NUMBER_RULE)
    longitude: Number | None = Field(default=None, ge=-180, le=180, description=NUMBER_RULE)
    accuracy_m: Number | None = Field(default=None, ge=0, le=100000, description=NUMBER_RULE)
    created_at: Time | None = Field(default=None, description="ISO 8601 text with its time zone (not stored)")

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
