"""The project's own system checks, run by `balekdusun check` (and `check --deploy`), by the development server,
and at the start of every production server process (wsgi.py: `refuse_to_start_if_unsafe`).

* FIELD_ENCRYPTION_KEYS: every key a valid Fernet key (32 url-safe base64 bytes), and in production not the
  demo key that ships in the code.
* DEBUG off in production (a traceback page shows settings and personal data).
* SECRET_KEY long and random enough in production (Django's own rule: 50 characters, 5 distinct, not the
  throw-away key of the demo and tests).
"""

from cryptography.fernet import Fernet
from django.conf import settings
from django.core.checks import Error, Tags, register
from django.core.exceptions import ImproperlyConfigured

DEMO_KEY = "ZGVtby1hbmQtdGVzdC1vbmx5LWtleS0wMTIzNDU2Nzg="
SECRET_KEY_MIN_LENGTH = 50
SECRET_KEY_MIN_UNIQUE = 5


def _production() -> bool:
    return getattr(settings, "MODE", "production") == "production"


@register(Tags.security)
def encryption_keys(app_configs=None, **kwargs):
    errors = []
    keys = list(getattr(settings, "FIELD_ENCRYPTION_KEYS", []) or [])
    if not keys:
        errors.append(Error("FIELD_ENCRYPTION_KEYS is empty.", id="balekdusun.E001", hint=(
            "Generate a key: python -c 'from cryptography.fernet import Fernet; "
            "print(Fernet.generate_key().decode())'")))
    for n, key in enumerate(keys, start=1):
        try:
            Fernet(key.encode() if isinstance(key, str) else key)
        except (ValueError, TypeError):
            # Never print the key itself: the check's output may land in a log.
            errors.append(Error(f"FIELD_ENCRYPTION_KEYS: key number {n} is not a valid Fernet key.",
                                id="balekdusun.E002",
                                hint="A Fernet key is 32 random bytes in url-safe base64 (44 characters)."))
        else:
            if _production() and key == DEMO_KEY:
                errors.append(Error(f"FIELD_ENCRYPTION_KEYS: key number {n} is the demo key published in the code.",
                                    id="balekdusun.E003", hint="Generate a key of your own and rotate to it."))
    return errors


@register(Tags.security)
def production_safety(app_configs=None, **kwargs):
    if not _production():
        return []
    errors = []
    if settings.DEBUG:
        errors.append(Error("DEBUG is on in production.", id="balekdusun.E004",
                            hint="Unset DEBUG (or set DEBUG=false): error pages would show settings and data."))
    key = settings.SECRET_KEY or ""
    if (len(key) < SECRET_KEY_MIN_LENGTH or len(set(key)) < SECRET_KEY_MIN_UNIQUE
            or key.startswith(("insecure-", "django-insecure"))):
        errors.append(Error(f"SECRET_KEY is too short or not random (it needs at least {SECRET_KEY_MIN_LENGTH} "
                            f"characters, {SECRET_KEY_MIN_UNIQUE} of them different).", id="balekdusun.E005",
                            hint="python -c 'import secrets; print(secrets.token_urlsafe(50))'"))
    return errors


def refuse_to_start_if_unsafe() -> None:
    """Run every check (the deployment ones too) and stop the server process on an error."""
    from django.core.checks import ERROR, run_checks

    problems = [m for m in run_checks(include_deployment_checks=_production()) if m.level >= ERROR]
    if problems:
        raise ImproperlyConfigured("the server refuses to start: " + "; ".join(
            f"{m.id}: {m.msg}" for m in problems))
