"""Who sees what of a case. Lists and exports show redacted summaries; names, phone and the narrative only to
those who work the case (the assignee) or hold personal.view (coordinators, heads, administrators)."""

from django.utils.translation import gettext as _

from balekdusun.core.roles import has_perm


def can_see_personal(user, case) -> bool:
    if case.assignee_id is not None and case.assignee_id == user.pk:
        return True
    return has_perm(user, "personal.view")


def initials(name: str) -> str:
    return " ".join(part[0].upper() + "." for part in (name or "").split() if part[:1].isalpha())


def summary(case, user) -> str:
    """One line for lists: kind, country and who, never the narrative; names reduced to initials unless the
    user may see personal data; restricted cases say only that they are restricted."""
    parts = [case.get_kind_display()]
    if case.destination_country:
        parts.append(case.destination_country)
    if case.is_restricted and not can_see_personal(user, case):
        parts.append(_("restricted"))
        return " · ".join(str(p) for p in parts)
    who = [n for n in (case.reporter_name, case.subject_name) if n]
    if who:
        show = (lambda n: n) if can_see_personal(user, case) else initials
        parts.append(" → ".join(show(n) for n in who))
    return " · ".join(str(p) for p in parts)


def redact_phone(phone: str) -> str:
    return f"…{phone[-4:]}" if phone else ""
