"""The record of processing (UU 27/2022 art. 31): each processing activity with its purpose, legal basis, data,
retention and who can see it.

Retention comes from conf.retention() (what the purge does) and "who can see it" from the permission table of
core/roles.py, so the page and its PDF say what the code does; a test changes both and reads the page.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from balekdusun.core.roles import Role, role_has_perm
from balekdusun.privacy import conf

# Categories of personal data the product holds (keys are stored in BreachNotice.categories).
CATEGORIES = {
    "identity": _("Names of residents and reporters"),
    "contact": _("Phone numbers"),
    "location": _("Addresses and GPS positions of houses"),
    "migration": _("Family members working abroad (country, sector, year)"),
    "story": _("Stories told in the family's own words"),
    "case": _("Complaint narratives and case notes"),
    "health": _("Health details (specific data)"),
    "victim": _("Victim status, e.g. suspected trafficking (specific data)"),
    "staff": _("Staff accounts and sign-in records"),
    "access": _("Records of who viewed or exported data"),
}

# Legal bases of UU 27/2022 art. 20 (2).
CONSENT = _("Explicit consent of the person (art. 20 (2) a)")
LEGAL_DUTY = _("A legal obligation of the office (art. 20 (2) c)")
VITAL = _("Protection of the person's vital interests (art. 20 (2) d)")
PUBLIC_TASK = _("A task in the public interest and the office's authority under UU 18/2017 (art. 20 (2) e)")


@dataclass(frozen=True)
class Activity:
    name: str
    purpose: str
    legal_basis: tuple
    categories: tuple  # keys of CATEGORIES
    retention: tuple  # kinds of conf.retention(); empty: kept while in use
    perms: tuple  # permissions of core/roles.py that open this data
    kept_while: str = ""  # retention in words when no period applies


ACTIVITIES = (
    Activity(_("Door-to-door information visits"),
             _("Inform families about safe, legal migration and note who needs a follow-up."),
             (PUBLIC_TASK, CONSENT), ("location", "identity", "contact", "migration"), ("visit_personal",),
             ("households.edit", "visits.review", "personal.view")),
    Activity(_("Stories told at the door"),
             _("Quote, without a name, what families lived through in activity reports."),
             (CONSENT,), ("story",), ("story",), ("personal.view", "reports.view")),
    Activity(_("Follow-up and protection cases"),
             _("Help migrant workers and their families: repatriation, unpaid wages, fraud, trafficking."),
             (PUBLIC_TASK, VITAL, CONSENT), ("identity", "contact", "case", "health", "victim"), ("closed_case",),
             ("cases.view", "cases.view_all_restricted")),
    Activity(_("Requests for help from the public portal"),
             _("Receive reports and requests typed by residents on the public portal."),
             (CONSENT, PUBLIC_TASK), ("identity", "contact", "case"), ("portal_report",), ("cases.view",)),
    Activity(_("Audit log"),
             _("Show who viewed, changed or exported personal data, for accountability and breach enquiries."),
             (LEGAL_DUTY,), ("staff", "access"), ("audit",), ("audit.view",)),
    Activity(_("Staff accounts and sign-in"),
             _("Let staff sign in with a second factor and limit each to the office's jurisdiction."),
             (LEGAL_DUTY,), ("staff",), (), ("users.manage",),
             kept_while=_("while the account exists")),
)


def roles_with(perms) -> list[str]:
    """The roles (in words) holding any of these permissions, in the order of the Role choices."""
    return [str(label) for value, label in Role.choices if any(role_has_perm(value, p) for p in perms)]


def retention_words(days: int):
    if days <= 0:
        return _("kept without a time limit")
    if days % 365 == 0:
        return ngettext("%(n)s year", "%(n)s years", days // 365) % {"n": days // 365}
    return ngettext("%(n)s day", "%(n)s days", days) % {"n": days}


def activities() -> list[dict]:
    """The record as rows for the page and the PDF, read from the settings and the permission table now."""
    periods = {p.kind: p for p in conf.retention()}
    out = []
    for activity in ACTIVITIES:
        retention = [{"label": periods[k].label, "words": retention_words(periods[k].days),
                      "action": periods[k].action, "days": periods[k].days} for k in activity.retention]
        out.append({
            "name": activity.name,
            "purpose": activity.purpose,
            "legal_basis": activity.legal_basis,
            "categories": [CATEGORIES[c] for c in activity.categories],
            "retention": retention,
            "kept_while": activity.kept_while,
            "roles": roles_with(activity.perms),
        })
    return out
