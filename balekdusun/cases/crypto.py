"""Fields encrypted at rest with Fernet (AES-128-CBC + HMAC), keys from settings.FIELD_ENCRYPTION_KEYS.

The first key encrypts; every key decrypts (MultiFernet), so a new key is put first, `balekdusun
rotate_case_keys` re-encrypts the rows, and only then the old key is removed from the environment.
Encrypted columns cannot be searched or sorted in SQL; search uses the plain, non-sensitive fields.
"""

from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models

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
            "An encrypted case field cannot be decrypted with any key in FIELD_ENCRYPTION_KEYS "
            "(was a key removed before `balekdusun rotate_case_keys` ran?)"
        ) from None


def rotate(token: str) -> str:
    """The same plain text, encrypted with the first key."""
    if not token:
        return ""
    return fernet().rotate(token.encode("ascii")).decode("ascii")


class EncryptedTextField(models.TextField):
    """A TextField stored as a Fernet token. Python code sees plain text; the column never holds it."""

    def from_db_value(self, value, expression, connection):
        if value is None:
            return value
        return decrypt(value)

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value is None:
            return None
        return encrypt(value)

    def get_lookup(self, lookup_name):
        # Encrypted values are randomised: equality or "contains" in SQL could never match, so fail loudly.
        if lookup_name != "isnull":
            return None
        return super().get_lookup(lookup_name)


class EncryptedCharField(EncryptedTextField):
    """Short encrypted value (e.g. victim status); stored as text because tokens are longer than the value."""

    def __init__(self, *args, plain_max_length: int = 200, **kwargs):
        self.plain_max_length = plain_max_length
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if self.plain_max_length != 200:
            kwargs["plain_max_length"] = self.plain_max_length
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        from django import forms

        return super().formfield(**{"max_length": self.plain_max_length, "widget": forms.TextInput, **kwargs})
