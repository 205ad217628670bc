"""What a person reads on a page, and the words that must not be there (used by test_words.py).

A page's readable text is its text outside <script>/<style> plus the attributes people read (aria-label, title,
placeholder, alt, the value of buttons). It is checked for

* English words that are not also Indonesian ("Save", "the", "Household") on an Indonesian page;
* raw codes: choice keys of the project's models (`not_home`, `in_progress`) and flag names
  (`sticker.already_placed`), in either language;
* an English msgid of our catalogues left untranslated on an Indonesian page, or an Indonesian translation
  left on an English page (messages of three words or more, where the two languages differ).
"""

import re
from functools import lru_cache
from html.parser import HTMLParser

# English words people would notice on an Indonesian page, none of which is also an Indonesian word or a name
# the pages use ("data", "status", "program", "hotline", "filter", "menu", "portal", "email" are both).
ENGLISH = {
    "the", "and", "of", "with", "for", "from", "this", "that", "your", "you", "not", "yes", "save", "cancel",
    "delete", "edit", "search", "submit", "back", "next", "previous", "page", "visit", "visits", "household",
    "households", "village", "villages", "officer", "officers", "outreach", "sticker", "stickers", "case", "cases",
    "report", "reports", "open", "closed", "new", "planned", "done", "printed", "placed", "void", "issued",
    "received", "returned", "lost", "refused", "moved", "vacant", "none", "true", "false", "home", "sign",
    "welcome", "dashboard", "export", "exports", "download", "upload", "materials", "stock",
    "choose", "name", "date", "time", "due", "overdue", "assigned", "unassigned", "resolved", "pending",
    "week", "weeks", "month", "year", "today", "yesterday", "add", "remove", "create", "update", "view", "show",
    "hide", "more", "less", "all", "other", "unknown", "settings", "users", "user", "password",
}

# Flags the server writes on a visit (visits.services, visits.conflicts, materials.services).
FLAGS = {
    "visit.time_in_future", "visit.before_outreach_day", "materials.over_issued", "materials.bad_quantity",
    "sticker.invalid_code", "sticker.unknown", "sticker.void", "sticker.other_office", "sticker.already_placed",
    "sticker.previous_kept", "cases.no_office", "turf.unknown",
}

_READ_ATTRS = ("aria-label", "title", "placeholder", "alt")


class _Text(HTMLParser):
    """Readable text; skips code, scripts, and content marked as being in another language (lang="en" on an
    Indonesian page: the English title of a bilingual page is meant to be English)."""

    def __init__(self, language):
        super().__init__(convert_charrefs=True)
        self.parts, self.language = [], language
        self._skip_tag, self._depth = None, 0  # the element being skipped and how deep it nests in itself

    def handle_starttag(self, tag, attrs):
        if self._skip_tag:
            self._depth += tag == self._skip_tag
            return
        attrs = dict(attrs)
        other = bool(attrs.get("lang")) and tag != "html" and attrs["lang"][:2] != self.language
        if tag in ("script", "style", "textarea", "code", "pre") or other:
            self._skip_tag, self._depth = tag, 1
            return
        for name in _READ_ATTRS:
            if attrs.get(name):
                self.parts.append(attrs[name])
        if tag == "input" and attrs.get("type") in ("submit", "button") and attrs.get("value"):
            self.parts.append(attrs["value"])

    def handle_endtag(self, tag):
        if self._skip_tag and tag == self._skip_tag:
            self._depth -= 1
            if not self._depth:
                self._skip_tag = None

    def handle_data(self, data):
        if not self._skip_tag and data.strip():
            self.parts.append(data)


def readable_text(html: str, language: str = "id") -> str:
    parser = _Text(language)
    parser.feed(html)
    return " \n ".join(" ".join(p.split()) for p in parser.parts)


@lru_cache(maxsize=1)
def choice_keys() -> frozenset[str]:
    """Every choice key of every model field with choices that a person could mistake for nothing but a code:
    keys with an underscore (`not_home`, `handed_out`)."""
    from django.apps import apps

    keys = set()
    for model in apps.get_models():
        if not model.__module__.startswith("balekdusun."):
            continue
        for field in model._meta.get_fields():
            for key, _label in getattr(field, "flatchoices", None) or []:
                if isinstance(key, str) and "_" in key:
                    keys.add(key)
    return frozenset(keys)


@lru_cache(maxsize=1)
def _messages():
    from balekdusun.core.tests.test_catalogues import translations

    pairs = []
    for (_context, msgid), apps in translations().items():
        text = next(iter(apps.values()))
        if "%(" in msgid or "{" in msgid or not text or text == msgid:
            continue
        pairs.append((msgid, text))
    return pairs


def _long(text: str) -> bool:
    return len(text.split()) >= 3 and len(text) >= 16


@lru_cache(maxsize=1)
def english_messages() -> frozenset[str]:
    return frozenset(msgid for msgid, _text in _messages() if _long(msgid))


@lru_cache(maxsize=1)
def indonesian_messages() -> frozenset[str]:
    english = {msgid for msgid, _text in _messages()}
    return frozenset(text for _msgid, text in _messages() if _long(text) and text not in english)


_WORD = re.compile(r"[A-Za-z][A-Za-z_'’-]*")
_CODE = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b|\b[a-z]+\.[a-z]+(?:_[a-z]+)+\b|\b[a-z]+\.[a-z]+\b")


def problems(text: str, language: str) -> list[str]:
    """What is wrong with a page's readable text in `language`."""
    found = []
    for code in set(_CODE.findall(text)):
        if code in choice_keys() or code in FLAGS:
            found.append(f"code {code}")
    for token in ("None", "True", "False", "[]", "{}", "<QuerySet", "object at 0x"):
        if re.search(rf"(?<![\w]){re.escape(token)}(?![\w])", text):
            found.append(f"python {token}")
    for doubled in re.findall(r"\b(Dusun Dusun|Desa Desa|Kelurahan Kelurahan)\b", text, re.IGNORECASE):
        found.append(f"doubled {doubled}")
    for number in re.findall(r"(?<![\w&])#\d+\b", text):
        found.append(f"database id {number}")
    if language == "id":
        words = {w.lower() for w in _WORD.findall(text) if "_" not in w}  # snake_case is a column name
        found += [f"english {w}" for w in sorted(words & ENGLISH)]
        found += [f"untranslated {m!r}" for m in english_messages() if m in text]
    else:
        found += [f"indonesian {m!r}" for m in indonesian_messages() if m in text]
    return sorted(set(found))
