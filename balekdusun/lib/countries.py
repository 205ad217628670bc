"""Country names for two-letter ISO 3166 codes, in the interface language.

The names come from the locale data that ships with `phonenumbers` (already a dependency, from Google's
libphonenumber: the country names of the Unicode CLDR), so no list of 250 countries is kept by hand here.
A few names are shortened to the way an Indonesian office writes them."""

from functools import cache

from django.utils.translation import get_language

# Where CLDR's formal name is not what an office writes ("Hong Kong S.A.R., Cina").
_SHORT = {
    "id": {"HK": "Hong Kong", "MO": "Makau", "US": "Amerika Serikat", "GB": "Inggris"},
    "en": {"HK": "Hong Kong", "MO": "Macao"},
}


@cache
def _data() -> dict:
    from phonenumbers.geodata.locale import LOCALE_DATA

    return LOCALE_DATA


def _lookup(code: str, lang: str) -> str | None:
    names = _data().get(code)
    if not names:
        return None
    name, seen = names.get(lang) or names.get("aa"), set()
    # "*xx" means "the same as language xx"; "aa" is the name most languages share.
    while name and name.startswith("*") and name not in seen:
        seen.add(name)
        name = names.get(name[1:])
    return name or None


def country_name(code: str | None, lang: str | None = None) -> str:
    """'MY' -> 'Malaysia', 'SA' -> 'Arab Saudi' (Indonesian) or 'Saudi Arabia' (English); '' for nothing.
    An unknown code comes back as given (it is still better than losing it)."""
    code = (code or "").strip().upper()
    if not code:
        return ""
    lang = (lang or get_language() or "id")[:2].lower()
    if lang not in ("id", "en"):
        lang = "id"
    return _SHORT.get(lang, {}).get(code) or _lookup(code, lang) or code
