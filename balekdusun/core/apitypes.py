"""Input types shared by the JSON API's schemas: what is strict, what is lax, and why (docs/field.md, "Types").

JSON bodies are strict where a coercion would change the meaning: an id, a count or a flag must be a JSON
integer or boolean (pydantic's default lax mode turns `true` into 1, i.e. household 1, and `"12"` or `12.0` into
12); a coordinate is a finite JSON number (an integer is a number; NaN and Infinity are refused). Text refuses
NUL (PostgreSQL cannot store it) and lone surrogates (not Unicode; no database or JSON encoder accepts them).
Query parameters stay lax: they arrive as text by nature (`?limit=20`).
"""

from typing import Annotated

from django.utils.translation import gettext as _
from ninja import Schema
from pydantic import BeforeValidator, ConfigDict, StrictBool, StrictFloat, StrictInt, field_validator

MAX_ID = 2**63 - 1  # database ids are 64-bit


def clean_text(value):
    """Refuse NUL characters and lone surrogates in a string as a field error (other values pass unchanged)."""
    if isinstance(value, str):
        if "\x00" in value:
            raise ValueError(_("Must not contain NUL characters."))
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise ValueError(_("Must be valid text.")) from None
    return value


def safe_text(value, limit: int = 200) -> str:
    """A value echoed back to the client (a record's uuid, a field name), as short, encodable text."""
    text = value if isinstance(value, str) else ""
    return text[:limit].encode("utf-8", "surrogatepass").decode("utf-8", "replace")


Text = Annotated[str, BeforeValidator(clean_text)]
StrictId = StrictInt  # a JSON integer, never true/false, 1.0 or "1"
Flag = StrictBool  # true or false, never 1/0 or "yes"
Number = StrictFloat  # a JSON number (integers included), finite with allow_inf_nan=False on the model

ID_RULE = "A JSON integer (strict: `true`, `1.0` and `\"1\"` are refused)."
FLAG_RULE = "`true` or `false` (strict: 1, 0 and strings are refused)."
NUMBER_RULE = "A finite JSON number (an integer is fine; strings, booleans, NaN and Infinity are refused)."
TEXT_RULE = "Text without NUL characters or lone surrogates."


class CleanSchema(Schema):
    """A JSON body: every string field refuses NUL and lone surrogates; numbers are finite."""

    model_config = ConfigDict(allow_inf_nan=False)

    @field_validator("*", mode="before")
    @classmethod
    def _clean(cls, value):
        if isinstance(value, list):
            for item in value:
                clean_text(item)
            return value
        return clean_text(value)


class CleanBody(CleanSchema):
    """A JSON request body: as CleanSchema, and a key the schema does not know is a field error ("Unknown
    field."), never silently dropped (a misspelt `consent` must not open a case without it). Query strings and
    the push's `device` report stay lenient: browsers and older apps add parameters of their own."""

    model_config = ConfigDict(allow_inf_nan=False, extra="forbid")
