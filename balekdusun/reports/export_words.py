"""Exports in words: the headers and values a person reads (villages by name and code, officers by name,
outcomes, kinds and statuses in words), in the interface language. `?codes=1` keeps the machine form (column
keys and codes) for scripts and joins.

Each dataset in `exports.py` builds its rows once with codes; `people_rows()` turns each row into words here,
column by column, with lookups cached for the export (one query per village, officer or outreach day seen, not
per row)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from balekdusun.lib.countries import country_name

# Column key -> header a person reads.
HEADERS = {
    "uuid": gettext_lazy("Visit ID"), "visited_at": gettext_lazy("Visited at"),
    "village_code": gettext_lazy("Village"), "area_code": gettext_lazy("Area"),
    "outreach_id": gettext_lazy("Outreach day"), "officer": gettext_lazy("Officer"),
    "household_id": gettext_lazy("Household number"), "outcome": gettext_lazy("Outcome"),
    "latitude": gettext_lazy("Latitude"), "longitude": gettext_lazy("Longitude"),
    "met_role": gettext_lazy("Person met"), "topics": gettext_lazy("Topics discussed"),
    "materials_handed_out": gettext_lazy("Materials handed out"), "sticker_code": gettext_lazy("Sticker code"),
    "members_abroad": gettext_lazy("Family members abroad"), "countries": gettext_lazy("Countries"),
    "nonprocedural": gettext_lazy("Abroad without the legal procedure"), "returnees": gettext_lazy("Returnees"),
    "planning_to_go": gettext_lazy("Planning to go"),
    "knows_legal_procedure": gettext_lazy("Knows the legal procedure"),
    "knows_hotline": gettext_lazy("Knows the hotline"), "knows_warning_signs": gettext_lazy("Knows the warning signs"),
    "followups": gettext_lazy("Follow-up requests"), "story": gettext_lazy("Story"),
    "flags": gettext_lazy("Notes to check"),
    "id": gettext_lazy("Number"), "dusun": gettext_lazy("Dusun"), "rt": "RT", "rw": "RW",
    "address": gettext_lazy("Address"), "head_name": gettext_lazy("Head of household"),
    "phone": gettext_lazy("Phone"), "consent_at": gettext_lazy("Consent given at"),
    "created_at": gettext_lazy("Recorded at"),
    "reference": gettext_lazy("Reference number"), "kind": gettext_lazy("Kind"), "source": gettext_lazy("Source"),
    "status": gettext_lazy("Status"), "sensitivity": gettext_lazy("Sensitivity"),
    "assignee": gettext_lazy("Handled by"), "due_at": gettext_lazy("Due"), "closed_at": gettext_lazy("Closed at"),
    "reporter_name": gettext_lazy("Reporter's name"), "reporter_phone": gettext_lazy("Reporter's phone"),
    "office": gettext_lazy("Office"), "material": gettext_lazy("Material"), "quantity": gettext_lazy("Quantity"),
    "visit_uuid": gettext_lazy("Visit ID"), "reason": gettext_lazy("Reason"),
    "code": gettext_lazy("Sticker code"), "batch": gettext_lazy("Batch"), "placed_at": gettext_lazy("Placed at"),
    "scans": gettext_lazy("Scans"),
}

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
FOLLOWUPS = {
    "wants_to_apply": gettext_lazy("Wants to apply for work abroad the legal way"),
    "family_in_trouble": gettext_lazy("A family member is in trouble abroad"),
    "broker_report": gettext_lazy("Reports an illegal recruiter (calo)"),
    "needs_documents": gettext_lazy("Needs help with documents"),
}
# Flags the server sets on a visit, as a short note for a spreadsheet cell.
FLAGS = {
    "visit.time_in_future": gettext_lazy("dated in the future"),
    "visit.before_outreach_day": gettext_lazy("dated before its outreach day"),
    "materials.over_issued": gettext_lazy("more materials handed out than issued"),
    "materials.bad_quantity": gettext_lazy("unreadable quantity of materials"),
    "sticker.invalid_code": gettext_lazy("invalid sticker code"),
    "sticker.unknown": gettext_lazy("sticker code never printed"),
    "sticker.void": gettext_lazy("voided sticker"),
    "sticker.other_office": gettext_lazy("sticker of another office"),
    "sticker.already_placed": gettext_lazy("sticker already on another house"),
    "sticker.previous_kept": gettext_lazy("earlier sticker kept on the house"),
    "cases.no_office": gettext_lazy("follow-ups without an office"),
    "turf.unknown": gettext_lazy("unknown walk list"),
}
YES_NO = {"yes": gettext_lazy("yes"), "no": gettext_lazy("no")}


class Lookups:
    """Names for codes and ids met in one export, each looked up once."""

    def __init__(self):
        self._areas, self._users, self._outreaches = {}, {}, {}

    def area(self, code) -> str:
        if not code:
            return ""
        if code not in self._areas:
            from balekdusun.regions.models import Area

            name = Area.objects.filter(code=code).values_list("name", flat=True).first()
            self._areas[code] = f"{name} ({code})" if name else str(code)
        return self._areas[code]

    def user(self, username) -> str:
        if not username:
            return ""
        if username not in self._users:
            from django.contrib.auth import get_user_model

            user = get_user_model().objects.filter(username=username).only("first_name", "last_name",
                                                                             "username").first()
            self._users[username] = user.display_name if user else str(username)
        return self._users[username]

    def outreach(self, pk) -> str:
        if not pk:
            return ""
        if pk not in self._outreaches:
            from balekdusun.campaigns.models import Outreach

            row = Outreach.objects.filter(pk=pk).values_list("date", "village__name").first()
            self._outreaches[pk] = f"{row[0]:%d-%m-%Y} · {row[1]}" if row else ""
        return self._outreaches[pk]


def _choice(choices):
    labels = dict(choices)
    return lambda value, _lookups: str(labels.get(value, value)) if value else ""


def _each(mapping, joiner="; "):
    return lambda value, _lookups: joiner.join(str(mapping.get(v, v)) for v in str(value or "").split() if v)


def _flags(value, _lookups):
    words = [str(FLAGS.get(flag, _("other note"))) for flag in str(value or "").split()]
    return "; ".join(dict.fromkeys(words))


def _countries(value, _lookups):
    return ", ".join(country_name(c) for c in str(value or "").split())


def converters(dataset_name: str) -> dict:
    """Column key -> function(value, lookups) -> words, for one dataset."""
    from balekdusun.cases.models import CaseKind, CaseSource, CaseStatus, Sensitivity
    from balekdusun.materials.models import MoveKind, StickerStatus
    from balekdusun.visits.models import Outcome

    common = {
        "village_code": lambda v, lk: lk.area(v), "area_code": lambda v, lk: lk.area(v),
        "officer": lambda v, lk: lk.user(v), "assignee": lambda v, lk: lk.user(v),
        "outreach_id": lambda v, lk: lk.outreach(v),
    }
    specific = {
        "visits": {"outcome": _choice(Outcome.choices), "met_role": _choice(MET_ROLE.items()),
                   "topics": _each(TOPICS), "followups": _each(FOLLOWUPS), "flags": _flags,
                   "countries": _countries, "knows_legal_procedure": _choice(YES_NO.items()),
                   "knows_hotline": _choice(YES_NO.items()), "knows_warning_signs": _choice(YES_NO.items())},
        "cases": {"kind": _choice(CaseKind.choices), "source": _choice(CaseSource.choices),
                  "status": _choice(CaseStatus.choices), "sensitivity": _choice(Sensitivity.choices)},
        "stock": {"kind": _choice(MoveKind.choices)},
        "stickers": {"status": _choice(StickerStatus.choices)},
    }
    return {**common, **specific.get(dataset_name, {})}


def people_header(header: list[str]) -> list[str]:
    return [str(HEADERS.get(key, key)) for key in header]


def people_rows(dataset_name: str, header: list[str], rows):
    """The dataset's rows with every coded column in words."""
    convert = converters(dataset_name)
    lookups = Lookups()
    plan = [(i, convert[key]) for i, key in enumerate(header) if key in convert]
    for row in rows:
        row = list(row)
        for i, fn in plan:
            row[i] = fn(row[i], lookups)
        yield row
