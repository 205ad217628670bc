"""Text normalisation shared by searches (areas, agencies, duplicate detection)."""

import re
import unicodedata

_PREFIX = re.compile(
    r"^(?:(?:provinsi|prov|kabupaten|kab|kota administrasi|kota adm|kota|kecamatan|kec|distrik|kelurahan|kel|"
    r"desa|ds|dusun)\b\.?\s*)+"
)
_NOISE = re.compile(r"[^a-z0-9 ]+")
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Lower case, accents removed, punctuation to spaces, single spaces."""
    text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
    text = _NOISE.sub(" ", text.lower())
    return _SPACES.sub(" ", text).strip()


def normalize_area_name(text: str) -> str:
    """'Kab. Ogan  Komering-Ilir' -> 'ogan komering ilir'; 'Kec. SP Padang' -> 'sp padang'."""
    return _PREFIX.sub("", fold(text)).strip()


def squash(text: str) -> str:
    """Normalised name without spaces, so 'Pematang Buluran' and 'PematangBuluran' compare equal."""
    return normalize_area_name(text).replace(" ", "")
