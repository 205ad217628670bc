"""Translations of fixed words memoised per language, for pages built in Python that translate dozens of them.

Django's `gettext` finds the active language through a context-local variable on every call (a few
microseconds each); a dashboard translates about seventy labels. `translator()` reads the language once and
returns a function that answers from a per-process table of that language, filled on first use.

Use it under the name `gettext`, so that `makemessages` (xgettext) still extracts the strings::

    gettext = translator()
    gettext("Households known")

Catalogues do not change while a process runs (Django itself caches them per process), so the table is never
invalidated."""

from django.utils import translation

_tables: dict[str | None, dict[str, str]] = {}


class _Translator:
    __slots__ = ("language", "table")

    def __init__(self, language: str | None):
        self.language = language
        self.table = _tables.setdefault(language, {})

    def __call__(self, message: str) -> str:
        try:
            return self.table[message]
        except KeyError:
            with translation.override(self.language):
                value = self.table[message] = translation.gettext(message)
            return value


def translator() -> _Translator:
    """A gettext for the active language (the request's), memoised; None (translation deactivated) answers
    every message as written, as Django does."""
    return _Translator(translation.get_language())
