"""A visit in words: what the visit page shows and what the conflict screen compares.

`facts(version, refs)` turns one version of a visit (the shape of `VisitIn`: a stored visit through
`stored_version()`, or the incoming content of a sync conflict) into a list of `Fact` rows. Each fact has a label
and lines a person reads (names, not ids; words, not choice keys) and a `value` that carries its meaning, so two
versions are compared by meaning: the same instant written with `+00:00` or `Z`, a knowledge answer missing or
given as its default, a list in another order all compare equal.

The visit page (`visits/visit.html`) and the conflict screen (`visits/conflict.html`) both render facts through
`visits/_fact.html`.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from pydantic import ValidationError

from balekdusun.lib.countries import country_name
from balekdusun.visits.models import Outcome
from balekdusun.visits.schemas import HouseholdIn, VisitIn

MET_ROLE = {
    "head": gettext_lazy("Head of household"), "spouse": gettext_lazy("Husband or wife"),
    "parent": gettext_lazy("Parent"), "child": gettext_lazy("Child"),
    "other_member": gettext_lazy("Another member of the family"), "neighbour": gettext_lazy("Neighbour"),
}
TOPICS = {
    "jobs": gettext_lazy("Job opportunities"), "legal_procedure": gettext_lazy("The legal procedure"),
    "hotline": gettext_lazy("The complaints hotline"),
    "illegal_recruitment": gettext_lazy("Signs of illegal recruitment"),
    "document_help": gettext_lazy("Help with documents"),
}
SECTORS = {
    "domestic_worker": gettext_lazy("Domestic worker"), "caregiver": gettext_lazy("Caregiver"),
    "plantation": gettext_lazy("Plantation"), "manufacturing": gettext_lazy("Factory"),
    "construction": gettext_lazy("Construction"), "fishing": gettext_lazy("Fishing crew"),
    "hospitality": gettext_lazy("Hotels and restaurants"), "other": gettext_lazy("Other work"),
}
WHEN = {
    "within_6_months": gettext_lazy("within 6 months"), "within_1_year": gettext_lazy("within a year"),
    "later": gettext_lazy("later"), "unknown": gettext_lazy("not yet decided"),
}
QUESTIONS = {
    "legal_procedure": gettext_lazy("Knows the legal procedure to work abroad?"),
    "hotline": gettext_lazy("Knows the complaints hotline?"),
    "warning_signs": gettext_lazy("Knows the signs of a fake job offer?"),
}
FOLLOWUPS = {
    "wants_to_apply": gettext_lazy("Wants to apply for work abroad the legal way"),
    "family_in_trouble": gettext_lazy("A family member is in trouble abroad"),
    "broker_report": gettext_lazy("Reports an illegal recruiter (calo)"),
    "needs_documents": gettext_lazy("Needs help with documents"),
}
# Every flag the server sets on a visit (visits.services, visits.conflicts, materials.services), in a sentence.
FLAGS = {
    "visit.time_in_future": gettext_lazy(
        "The visit is dated more than 12 hours after it reached the server: the phone's clock was probably wrong."),
    "visit.before_outreach_day": gettext_lazy(
        "The visit is dated before its outreach day: check the phone's date, or whether it belongs to another day."),
    "materials.over_issued": gettext_lazy(
        "More materials were handed out than the officer had been issued; the shortfall was booked as an "
        "automatic adjustment, so check the stock reconciliation of the day."),
    "materials.bad_quantity": gettext_lazy("A quantity of materials could not be read and was not booked."),
    "sticker.invalid_code": gettext_lazy(
        "The sticker code is not a valid code (probably mistyped), so no sticker was marked as placed."),
    "sticker.unknown": gettext_lazy("No sticker was ever printed with this code, so none was marked as placed."),
    "sticker.void": gettext_lazy("This sticker had been voided, so it was not marked as placed."),
    "sticker.other_office": gettext_lazy("This sticker belongs to another office, so it was not marked as placed."),
    "sticker.already_placed": gettext_lazy(
        "This sticker is already placed on another house. It was not moved; a coordinator decides under "
        "“Placed twice”."),
    "sticker.previous_kept": gettext_lazy(
        "The visit was corrected from a sync conflict; the sticker placed by the earlier version stays on the "
        "house until someone checks the door and voids it."),
    "cases.no_office": gettext_lazy(
        "The follow-up requests could not be opened as cases because no office could be found for them."),
    "turf.unknown": gettext_lazy("The house could not join the walk list its phone named."),
}


def explain_flag(flag: str) -> str:
    """The sentence for a flag; a flag this version does not know yet is still announced, without its code."""
    return str(FLAGS.get(flag) or _("The server noted something to check about this visit."))


@dataclass
class Fact:
    key: str  # pairs the rows of two versions
    label: str
    lines: list[str] = field(default_factory=list)  # what a person reads; empty: "—"
    value: object = None  # the meaning, compared between versions
    links: list[tuple[str, str]] = field(default_factory=list)  # (text, url) shown after the lines


def when_in_words(moment: dt.datetime | None) -> str:
    """'Kamis, 7 Desember 2023, 09.30' in the office's time zone and the interface language."""
    if moment is None:
        return ""
    local = timezone.localtime(moment)
    return f"{formats.date_format(local, 'l, j F Y')}, {local:%H.%M}"


def household_label(household) -> str:
    """A house as people find it: address, RT/RW, dusun. Never its database id."""
    if household is None:
        return _("a house not known to the server")
    parts = [household.address or _("house without an address")]
    if household.rt:
        parts.append(f"RT {household.rt}" + (f"/RW {household.rw}" if household.rw else ""))
    if household.dusun:
        dusun = household.dusun
        parts.append(dusun if dusun.lower().startswith("dusun") else f"Dusun {dusun}")
    return ", ".join(str(p) for p in parts)


# --- normalising a version ------------------------------------------------------------------------------------

def normalized(version: dict, schema=VisitIn) -> dict:
    """The version as the schema reads it, defaults filled in and times in UTC (what `facts` and the hash see).
    A version the schema no longer accepts is shown as it is rather than not at all."""
    try:
        return schema.model_validate(version).model_dump(mode="json")
    except (ValidationError, TypeError, ValueError):
        return dict(version)


def stored_version(visit) -> dict:
    """A stored visit in the shape of VisitIn (the server-added flags left out)."""
    data = {k: v for k, v in (visit.data or {}).items() if k != "flags"}
    return {"household": visit.household_id, "outreach": visit.outreach_id, "visited_at": visit.visited_at,
            "outcome": visit.outcome, "latitude": visit.latitude, "longitude": visit.longitude, **data}


@dataclass
class Refs:
    """The records a set of versions names, read once: houses, outreach days, materials, turfs."""

    households: dict = field(default_factory=dict)
    households_by_uuid: dict = field(default_factory=dict)
    outreaches: dict = field(default_factory=dict)
    materials: dict = field(default_factory=dict)
    turfs: dict = field(default_factory=dict)
    villages: dict = field(default_factory=dict)

    @classmethod
    def load(cls, versions: list[dict]) -> Refs:
        from balekdusun.campaigns.models import Household, Outreach, Turf
        from balekdusun.materials.models import Material
        from balekdusun.regions.models import Area

        def ints(key):
            return {v.get(key) for v in versions if isinstance(v.get(key), int) and not isinstance(v.get(key), bool)}

        uuids = {str(v["household_uuid"]) for v in versions if v.get("household_uuid")}
        material_ids = {line.get("material_id") for v in versions for line in (v.get("materials") or [])
                        if isinstance(line, dict) and isinstance(line.get("material_id"), int)}
        village_codes = {v["village"] for v in versions if isinstance(v.get("village"), str)}
        return cls(
            households=Household.objects.in_bulk(ints("household")),
            households_by_uuid={str(h.client_uuid): h for h in Household.objects.filter(client_uuid__in=uuids)},
            outreaches=Outreach.objects.select_related("village").in_bulk(ints("outreach")),
            materials=Material.objects.in_bulk(material_ids),
            turfs=Turf.objects.in_bulk(ints("turf")),
            villages=Area.objects.in_bulk(village_codes),
        )

    def household(self, version: dict):
        if version.get("household_uuid"):
            return self.households_by_uuid.get(str(version["household_uuid"]))
        return self.households.get(version.get("household"))


# --- the facts --------------------------------------------------------------------------------------------------

def _yes_no(value) -> str:
    return _("Yes") if value is True else _("No") if value is False else _("Does not know")


def _instant(value) -> dt.datetime | None:
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        try:
            return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None
    return None


def materials_fact(version: dict, refs: Refs) -> Fact:
    quantities: Counter = Counter()
    for line in version.get("materials") or []:
        if isinstance(line, dict) and isinstance(line.get("quantity"), int):
            quantities[line.get("material_id")] += line["quantity"]
    lines = []
    for material_id, quantity in sorted(quantities.items(), key=lambda kv: str(kv[0])):
        material = refs.materials.get(material_id)
        name = str(material) if material is not None else _("a material not in the catalogue")
        lines.append(f"{quantity} × {name}")
    return Fact("materials", _("Materials handed out"), lines, sorted(quantities.items(), key=lambda kv: str(kv[0])))


def _sticker(version: dict) -> Fact:
    from balekdusun.materials import codes

    raw = version.get("sticker_code") or ""
    code = codes.normalize(raw) if raw else ""
    return Fact("sticker", _("Sticker placed"), [code] if code else [], code)


def _abroad(version: dict) -> Fact:
    rows, lines = [], []
    for person in (version.get("migration") or {}).get("abroad") or []:
        if not isinstance(person, dict):
            continue
        sector = person.get("sector") or "other"
        procedural = person.get("procedural")
        rows.append((person.get("country") or "", sector, procedural, person.get("year")))
        way = (_("went the legal way") if procedural is True else _("went without the legal procedure")
               if procedural is False else _("not known whether they went the legal way"))
        parts = [country_name(person.get("country")), str(SECTORS.get(sector, SECTORS["other"])), way]
        if person.get("year"):
            parts.append(_("since %(year)s") % {"year": person["year"]})
        lines.append(" · ".join(parts))
    return Fact("migration.abroad", _("Family members abroad now"), lines, sorted(rows, key=str))


def _planning(version: dict) -> Fact:
    rows, lines = [], []
    for person in (version.get("migration") or {}).get("planning") or []:
        if not isinstance(person, dict):
            continue
        when, country = person.get("when") or "unknown", person.get("country") or ""
        rows.append((when, country))
        text = _("Plans to go %(when)s") % {"when": WHEN.get(when, WHEN["unknown"])}
        if country:
            text += " · " + country_name(country)
        lines.append(text)
    return Fact("migration.planning", _("Planning to go abroad"), lines, sorted(rows))


def visit_facts(version: dict, refs: Refs) -> list[Fact]:
    """The facts of one version of a visit (see the module's docstring)."""
    v = normalized(version)
    household = refs.household(v)
    outreach = refs.outreaches.get(v.get("outreach"))
    at = _instant(v.get("visited_at"))
    out = [
        Fact("household", _("House"), [household_label(household)],
             household.pk if household is not None else (v.get("household"), str(v.get("household_uuid") or ""))),
        Fact("outreach", _("Outreach day"),
             [f"{formats.date_format(outreach.date, 'j F Y')}, {outreach.village.name}"] if outreach else
             [_("not part of an outreach day")], v.get("outreach")),
        Fact("visited_at", _("When"), [when_in_words(at)] if at else [], at),
        Fact("outcome", _("Outcome"), [str(Outcome(v["outcome"]).label)] if v.get("outcome") in Outcome.values
             else [], v.get("outcome")),
    ]
    lat, lon = v.get("latitude"), v.get("longitude")
    position = []
    if lat is not None and lon is not None:
        position = [f"{lat:.5f}, {lon:.5f}"]
        if v.get("accuracy_m") is not None:
            position[0] += " " + _("(to within %(m)s m)") % {"m": round(v["accuracy_m"])}
    out.append(Fact("position", _("Location"), position, (lat, lon, v.get("accuracy_m"))))
    turf = refs.turfs.get(v.get("turf"))
    if v.get("turf") is not None:
        out.append(Fact("turf", _("Turf"), [turf.name] if turf else [_("a turf not known to the server")],
                        v.get("turf")))
    role = v.get("met_role") or ""
    out.append(Fact("met_role", _("Met with"), [str(MET_ROLE[role])] if role in MET_ROLE else [], role))
    out.append(materials_fact(v, refs))
    out.append(_sticker(v))
    topics = sorted(t for t in v.get("topics") or [] if isinstance(t, str))
    out.append(Fact("topics", _("Topics discussed"), [str(TOPICS.get(t, _("another topic"))) for t in topics],
                    topics))
    out.append(_abroad(v))
    returnees = (v.get("migration") or {}).get("returnees") or 0
    out.append(Fact("migration.returnees", _("Returned migrant workers living here"),
                    [str(returnees)] if returnees else [], returnees))
    out.append(_planning(v))
    knowledge = v.get("knowledge") or {}
    for key, question in QUESTIONS.items():
        answer = knowledge.get(key) if isinstance(knowledge, dict) else None
        asked = bool(knowledge)
        out.append(Fact(f"knowledge.{key}", str(question), [_yes_no(answer)] if asked else [],
                        answer if asked else "not asked"))
    story = v.get("story") or {}
    text = (story.get("text") or "").strip() if isinstance(story, dict) else ""
    consent = bool(story.get("consent_to_quote")) if isinstance(story, dict) else False
    story_lines = [text, _("May be quoted without a name.") if consent else _("Not to be quoted.")] if text else []
    out.append(Fact("story", _("Story told"), story_lines, (text, consent) if text else None))
    followups = [(f.get("kind"), (f.get("note") or "").strip()) for f in v.get("followups") or []
                 if isinstance(f, dict)]
    out.append(Fact("followups", _("Follow-up requests"),
                    [str(FOLLOWUPS.get(kind, _("another request"))) + (f": {note}" if note else "")
                     for kind, note in followups], sorted(followups, key=str)))
    return out


def household_facts(version: dict, refs: Refs) -> list[Fact]:
    """The facts of one version of a household recorded on a phone."""
    v = normalized(version, HouseholdIn)
    village = refs.villages.get(v.get("village"))
    lat, lon = v.get("latitude"), v.get("longitude")
    return [
        Fact("village", _("Village"), [village.name] if village else [], v.get("village")),
        Fact("dusun", _("Dusun"), [v["dusun"]] if v.get("dusun") else [], v.get("dusun") or ""),
        Fact("rt", "RT", [v["rt"]] if v.get("rt") else [], v.get("rt") or ""),
        Fact("rw", "RW", [v["rw"]] if v.get("rw") else [], v.get("rw") or ""),
        Fact("address", _("Address"), [v["address"]] if v.get("address") else [], v.get("address") or ""),
        Fact("position", _("Location"), [f"{lat:.5f}, {lon:.5f}"] if lat is not None and lon is not None else [],
             (lat, lon)),
    ]


@dataclass
class Row:
    label: str
    stored: Fact | None
    incoming: Fact | None

    @property
    def differs(self) -> bool:
        a = self.stored.value if self.stored else None
        b = self.incoming.value if self.incoming else None
        return a != b


def compare(stored: list[Fact], incoming: list[Fact]) -> list[Row]:
    """Pair the facts of two versions by key, in the order the visit page shows them."""
    theirs = {f.key: f for f in incoming}
    rows, seen = [], set()
    for fact in stored:
        rows.append(Row(fact.label, fact, theirs.get(fact.key)))
        seen.add(fact.key)
    rows += [Row(f.label, None, f) for f in incoming if f.key not in seen]
    return rows
