"""The case workflow as data: which status may follow which, and what each move needs.

new → verified → in progress → referred → resolved → closed. A case can be closed early from any open status
(duplicate, out of scope, unreachable…) with a closure reason whose day limit allows it; a resolved or closed
case can be reopened to "in progress" by someone who may assign cases.
"""

from balekdusun.cases.models import CaseStatus as S

# status -> statuses it may move to
TRANSITIONS: dict[str, frozenset[str]] = {
    S.NEW: frozenset({S.VERIFIED, S.IN_PROGRESS, S.CLOSED}),
    S.VERIFIED: frozenset({S.IN_PROGRESS, S.REFERRED, S.CLOSED}),
    S.IN_PROGRESS: frozenset({S.REFERRED, S.RESOLVED, S.CLOSED}),
    S.REFERRED: frozenset({S.IN_PROGRESS, S.RESOLVED, S.CLOSED}),
    S.RESOLVED: frozenset({S.CLOSED, S.IN_PROGRESS}),
    S.CLOSED: frozenset({S.IN_PROGRESS}),
}

# (from, to) -> permission needed beyond cases.work
EXTRA_PERMISSION: dict[tuple[str, str], str] = {
    (S.RESOLVED, S.IN_PROGRESS): "cases.assign",
    (S.CLOSED, S.IN_PROGRESS): "cases.assign",
}

NEEDS_CLOSURE_REASON = frozenset({S.CLOSED})
NEEDS_REFERRAL_TARGET = frozenset({S.REFERRED})


def allowed_next(status: str) -> list[str]:
    return [s for s in S.values if s in TRANSITIONS.get(status, ())]
