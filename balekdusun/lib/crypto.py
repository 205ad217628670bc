"""Text encrypted at rest with Fernet (AES-128-CBC + HMAC), keys from settings.FIELD_ENCRYPTION_KEYS.

The first key encrypts; every key decrypts (MultiFernet), so a new key is put first, `balekdusun
rotate_case_keys` re-encrypts the rows, and only then the old key is removed from the environment.
Encrypted columns cannot be searched or sorted in SQL; search uses the plain, non-sensitive fields.
"""

from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

# Fernet tokens are url-safe base64 of a version byte 0x80: they always start with "gAAAAA".
TOKEN_PREFIX = "gAAAAA"


@lru_cache(maxsize=4)
def _fernet(keys: tuple[str, ...]) -> MultiFernet:
    if not keys:
        raise ImproperlyConfigured("FIELD_ENCRYPTION_KEYS is empty")
    try:
        return MultiFernet([Fernet(k.encode() if isinstance(k, str) else k) for k in keys])
    except (ValueError, TypeError) as exc:
        raise ImproperlyConfigured(f"FIELD_ENCRYPTION_KEYS holds a malformed Fernet key: {exc}") from None


def fernet() -> MultiFernet:
    return _fernet(tuple(settings.FIELD_ENCRYPTION_KEYS))


def encrypt(text: str) -> str:
    if text in (None, ""):
        return ""
    return fernet().encrypt(str(text).encode("utf-8")).decode("ascii")


def decrypt(token: str) -> str:
    if not token:
        return ""
    try:
        return fernet().decrypt(token.encode("ascii")).decode("utf-8")
    except (InvalidToken, UnicodeEncodeError):
        raise ImproperlyConfigured(
            "An encrypted value cannot be decrypted with any key in FIELD_ENCRYPTION_KEYS "
            "(was a key removed before `balekdusun rotate_case_keys` ran?)"
        ) from None


def rotate(token: str) -> str:
    """The same plain text, encrypted with the first key."""
    if not token:
        return ""
    return fernet().rotate(token.encode("ascii")).decode("ascii")


