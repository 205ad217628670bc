"""The copy of what the office holds about one household, for an access request: built once as plain data, then
written as JSON (machine-readable) or rendered as a printable PDF (WeasyPrint, like the other PDFs).

Every value is what a person reads (labels, dates, text), never a database id or a choice key. Stories and notes
are decrypted for the copy. Cases list what the law lets the office disclose to the household: kind, status and
dates; a narrative, the reporter and health details are left out when they may identify another person or
endanger an open protection case (docs/rights.md)."""

import json

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from balekdusun.core.models import AuditEntry
from balekdusun.core.roles import Role

ACTIONS = {
    "household.created": gettext_lazy("Household recorded"),
    "household.viewed": gettext_lazy("Household record viewed"),
    "personal.viewed": gettext_lazy("Personal data viewed"),
    "visit.replaced_from_conflict": gettext_lazy("Visit answers corrected"),
    "sync.conflict_resolved": gettext_lazy("Visit answers corrected"),
    "case.opened": gettext_lazy("Case opened"),
    "case.viewed": gettext_lazy("Case viewed"),
    "case.status_changed": gettext_lazy("Case status changed"),
    "case.details_changed": gettext_lazy("Case details changed"),
    "case.note_added": gettext_lazy("Note added to a case"),
    "case.call_logged": gettext_lazy("Call recorded on a case"),
    "case.assigned": gettext_lazy("Case assigned"),
    "case.due_changed": gettext_lazy("Case due date changed"),
    "case.attachment_added": gettext_lazy("Document added to a case"),
    "case.attachment_viewed": gettext_lazy("Document of a case viewed"),
    "export.downloaded": gettext_lazy("Exported"),
    "rights.requested": gettext_lazy("Data request received"),
    "rights.verified": gettext_lazy("Identity verified in person"),
    "rights.copy_downloaded": gettext_lazy("Copy of the data prepared"),
    "rights.corrected": gettext_lazy("Data corrected on request"),
    "rights.erased": gettext_lazy("Data erased on request"),
    "rights.consent_withdrawn": gettext_lazy("Consent withdrawn"),
    "rights.answered": gettext_lazy("Data request answered"),
    "rights.refused": gettext_lazy("Data request refused"),
}


def _when(value) -> str:
    return timezone.localtime(value).strftime("%d-%m-%Y %H:%M") if value else ""


def _who(entry) -> str:
    actor = entry.actor
    if actor is None:
        return _("The system or the resident")
    role = str(Role(actor.role).label) if actor.role in Role.values else ""
    office = entry.office.name if entry.office_id else ""
    return " · ".join(p for p in (role, office) if p)


def _visits(visits) -> list[dict]:
    """Each visit as the visit page shows it (visits/present.py): a label and the lines a person reads."""
    from balekdusun.visits.present import Refs, stored_version, visit_facts

    versions = [stored_version(v) for v in visits]
    refs = Refs.load(versions)
    out = []
    for version in versions:
        out.append({str(f.label): "; ".join(str(line) for line in f.lines)
                    for f in visit_facts(version, refs) if f.key != "household"})
    return out


def _case(case) -> dict:
    # A restricted case (trafficking, a broker's threats) is named without its kind: the office explains in person.
    kind = _("Restricted case: ask the office") if case.is_restricted else str(case.get_kind_display())
    return {
        _("Reference"): case.reference[:4] + "-" + case.reference[4:],
        _("Kind"): kind,
        _("Status"): str(case.get_status_display()),
        _("Opened"): _when(case.created_at),
        _("Closed"): _when(case.closed_at),
        _("Destination country"): case.destination_country,
        _("Narrative and reporter"): _("Not included: ask the office (they may identify another person or "
                                       "concern an open protection case)."),
    }


def build(household) -> dict:
    """Everything the office holds about `household`, as a person reads it."""
    from balekdusun.cases.models import Case
    from balekdusun.materials.models import Sticker
    from balekdusun.visits.models import Visit

    visits = list(Visit.objects.filter(household=household).order_by("visited_at", "pk"))
    cases = list(Case.objects.filter(household=household).order_by("created_at", "pk"))
    stickers = list(Sticker.objects.filter(household=household).select_related("office").order_by("pk"))
    requests = list(household.rights_requests.order_by("received_at"))
    objects = ([("campaigns.household", household.pk)] + [("visits.visit", v.pk) for v in visits]
               + [("cases.case", c.pk) for c in cases] + [("rights.rightsrequest", r.pk) for r in requests])
    from django.db.models import Q

    where = Q(pk__in=[])
    for label, pk in objects:
        where |= Q(object_type=label, object_id=str(pk))
    log = AuditEntry.objects.filter(where).select_related("actor", "office").order_by("at", "pk")[:2000]
    return {
        "title": _("Personal data held about your household"),
        "made_at": _when(timezone.now()),
        _("Household"): {
            _("Village"): household.village.name,
            _("Dusun"): household.dusun, _("RT"): household.rt, _("RW"): household.rw,
            _("Address description"): household.address,
            _("Head of household"): household.head_name, _("Phone"): household.phone,
            _("Location (GPS)"): (f"{household.latitude:.5f}, {household.longitude:.5f}"
                                  if household.latitude is not None and household.longitude is not None else ""),
            _("Consent recorded"): _when(household.consent_at),
            _("Recorded on"): _when(household.created_at),
        },
        _("Stickers"): [{_("Code"): s.code, _("Status"): str(s.get_status_display()),
                         _("Placed"): _when(s.placed_at), _("Office"): s.office.name} for s in stickers],
        _("Visits"): _visits(visits),
        _("Cases"): [_case(c) for c in cases],
        _("Who used this data"): [{_("When"): _when(e.at), _("What"): str(ACTIONS.get(e.action, _("Other use"))),
                                   _("Who"): _who(e)} for e in log],
    }


def as_json(data: dict) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=2).encode()


def as_pdf(data: dict, *, req, request=None) -> bytes:
    from weasyprint import HTML

    html = render_to_string("rights/copy_pdf.html", {"copy": data, "req": req, "office": req.office},
                            request=request)
    return HTML(string=html).write_pdf()
