"""Case fields encrypted at rest (the Fernet helpers live in lib/crypto.py, shared with the sealed JSON fields)."""

from django.db import models

from balekdusun.lib.crypto import TOKEN_PREFIX, decrypt, encrypt, fernet, rotate  # noqa: F401  (re-exported)


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
