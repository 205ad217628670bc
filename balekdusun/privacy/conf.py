"""Retention periods and limits of the privacy app, from the environment with defaults (docs/privacy.md says why
each default is what it is). A period of 0 days means "keep forever": `purge` then leaves that kind alone.

The purge, the record of processing page and its PDF all read these values through `retention()`, so what the
record says is what the purge does.
"""

from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from balekdusun.lib.env import env_int


@dataclass(frozen=True)
class Period:
    kind: str  # key used in the purge's counts (never shown to people)
    env: str  # the environment variable that sets it
    days: int
    label: str  # the kind of data in words
    action: str  # what the purge does when the period has passed, in words


def _days(name: str, default: int) -> int:
    value = env_int(name, default)
    if value < 0 or value > 36500:
        raise ImproperlyConfigured(f"{name} must be a number of days between 0 (keep forever) and 36500; got {value}")
    return value


# A visit's personal details: its GPS position, the follow-up notes typed at the door, and the household's name
# and phone number once nobody has visited it for this long. Two campaign years: long enough to plan a return
# visit and to review a disputed visit, short enough that a household's contact does not outlive the campaign.
VISIT_PERSONAL_DAYS = _days("PRIVACY_VISIT_PERSONAL_DAYS", 730)
# The story a family told in its own words: one year, the time an activity report or a press release quotes it.
STORY_DAYS = _days("PRIVACY_STORY_DAYS", 365)
# A closed or resolved protection case: five years after it closed, as archives of complaints (and a later claim
# about the same broker or employer) need; then the people's details and the narrative are erased.
CLOSED_CASE_DAYS = _days("PRIVACY_CLOSED_CASE_DAYS", 1825)
# A report typed by the public on the portal (a case from the portal) once it is closed: one year; most are
# unverified and were given without an officer's conversation, so they are kept shorter than other cases.
PORTAL_REPORT_DAYS = _days("PRIVACY_PORTAL_REPORT_DAYS", 365)
# The audit log (who viewed or exported what): five years, as long as the closed cases it documents.
AUDIT_DAYS = _days("PRIVACY_AUDIT_DAYS", 1825)
# The export of access logs covers at most this many days at once.
EXPORT_MAX_DAYS = _days("PRIVACY_EXPORT_MAX_DAYS", 366) or 366
# The law's deadline for notifying a breach (UU 27/2022 art. 46: 3 x 24 hours after it is known).
BREACH_NOTICE_HOURS = 72


def retention() -> list[Period]:
    """Every retention period, in the order the purge runs them (read at call time, so tests may change them)."""
    return [
        Period("visit_personal", "PRIVACY_VISIT_PERSONAL_DAYS", VISIT_PERSONAL_DAYS, _("Visits' personal details"),
               _("GPS position and follow-up notes erased; the household's name and phone erased when it was not "
                 "visited since")),
        Period("story", "PRIVACY_STORY_DAYS", STORY_DAYS, _("Stories told at the door"),
               _("story text erased")),
        Period("closed_case", "PRIVACY_CLOSED_CASE_DAYS", CLOSED_CASE_DAYS, _("Closed protection cases"),
               _("names, phone, narrative, notes and attachments erased; kind, status and dates kept")),
        Period("portal_report", "PRIVACY_PORTAL_REPORT_DAYS", PORTAL_REPORT_DAYS, _("Reports from the public portal"),
               _("names, phone, narrative, notes and attachments erased; kind, status and dates kept")),
        Period("audit", "PRIVACY_AUDIT_DAYS", AUDIT_DAYS, _("Audit log entries"), _("deleted")),
    ]


def period(kind: str) -> Period:
    return next(p for p in retention() if p.kind == kind)
