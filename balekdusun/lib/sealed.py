"""JSON columns whose free-text parts are stored only encrypted ("sealed").

A visit's answers (Visit.data) are mostly choices and counts the reports read, but two parts are what a family told
the officer in its own words: the story (``story.text``) and the follow-up notes (``followups[].note``). Those
strings are Fernet tokens in the database (lib/crypto.py, the keys of the case narratives) wherever the answers are
stored: the visit, a sync conflict's incoming version, an audit entry's "before" copy. Python code reads and writes
plain text: `SealedJSONField` seals on the way in and opens on the way out; the rest of the JSON stays queryable.

A path is a tuple of keys; ``"*"`` walks every item of a list. A value that is already a token is left as it is
(so sealing twice is harmless), and a plain value read from an old row is returned as it is (the data migration
seals those rows).
"""

from __future__ import annotations

import copy
from collections.abc import Callable

from django.db import models

from balekdusun.lib.crypto import TOKEN_PREFIX, decrypt, encrypt, rotate

# The answers typed in the family's words, in Visit.data and in a sync conflict's incoming version.
VISIT_TEXT = (("story", "text"), ("followups", "*", "note"))


def _is_token(value) -> bool:
    return isinstance(value, str) and value.startswith(TOKEN_PREFIX)


def _walk(node, path: tuple, change: Callable[[str], str]):
    """`node` with `change` applied to the strings at `path` (in place in `node`, which the caller copied)."""
    if not path:
        return change(node) if isinstance(node, str) and node else node
    key, rest = path[0], path[1:]
    if key == "*":
        if isinstance(node, list):
            for i, item in enumerate(node):
                node[i] = _walk(item, rest, change)
        return node
    if isinstance(node, dict) and key in node:
        node[key] = _walk(node[key], rest, change)
    return node


def _has(node, path) -> bool:
    """Whether a non-empty string sits at `path` in `node` (read only: most answers hold none, and are not copied)."""
    if not path:
        return isinstance(node, str) and bool(node)
    key, rest = path[0], path[1:]
    if key == "*":
        return isinstance(node, list) and any(_has(item, rest) for item in node)
    return isinstance(node, dict) and key in node and _has(node[key], rest)


def _apply(value, paths, change):
    if not paths or not isinstance(value, dict) or not any(_has(value, path) for path in paths):
        return value
    value = copy.deepcopy(value)
    for path in paths:
        _walk(value, path, change)
    return value


def _seal_one(text: str) -> str:
    return text if _is_token(text) else encrypt(text)


def _open_one(text: str) -> str:
    return decrypt(text) if _is_token(text) else text


def _rotate_one(text: str) -> str:
    return rotate(text) if _is_token(text) else encrypt(text)


def seal(value, paths=VISIT_TEXT):
    """A copy of `value` with the strings at `paths` encrypted."""
    return _apply(value, paths, _seal_one)


def unseal(value, paths=VISIT_TEXT):
    """A copy of `value` with the tokens at `paths` decrypted."""
    return _apply(value, paths, _open_one)


def reseal(value, paths=VISIT_TEXT):
    """A copy of `value` with the strings at `paths` encrypted with the first key (key rotation)."""
    return _apply(value, paths, _rotate_one)


class SealedJSONField(models.JSONField):
    """A JSONField whose strings at `sealed` paths never reach the database in plain text."""

    def __init__(self, *args, sealed: tuple = (), **kwargs):
        self.sealed = tuple(tuple(p) for p in sealed)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["sealed"] = self.sealed
        return name, path, args, kwargs

    def from_db_value(self, value, expression, connection):
        # A key lookup (values("data__story")) reads a part: its paths do not match, it stays as stored.
        return unseal(super().from_db_value(value, expression, connection), self.sealed)

    def get_prep_value(self, value):
        return super().get_prep_value(seal(value, self.sealed))


def _has_text(value, paths) -> bool:
    return isinstance(value, dict) and any(_has(value, path) for path in paths)


def reseal_rows(queryset, field: str, *, batch: int = 500) -> int:
    """Write back every row of `queryset` whose `field` holds text at its sealed paths: plain text of rows written
    before sealing is encrypted, tokens of an older key are encrypted with the first key. Returns the rows written.
    Plain `QuerySet.update` is used, so the audit log's refusal of edits (its own queryset) is not in the way."""
    model = queryset.model
    paths = model._meta.get_field(field).sealed
    plain = models.QuerySet(model, using=queryset.db)
    done = 0
    pks = list(queryset.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(pks), batch):
        for pk, value in plain.filter(pk__in=pks[start:start + batch]).values_list("pk", field):
            if _has_text(value, paths):
                # Read opened (any key); written sealed with the first key.
                plain.filter(pk=pk).update(**{field: value})
                done += 1
    return done
