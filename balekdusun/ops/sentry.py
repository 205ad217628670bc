"""Optional error reporting: sentry-sdk, initialised only when SENTRY_DSN is set, never sending personal data."""

from django.conf import settings

_PRIVATE_REQUEST_KEYS = ("data", "query_string", "cookies", "headers", "env")


def scrub(event, hint=None):
    """Drop what could carry personal data: request bodies, query strings, cookies, headers, the user."""
    request = event.get("request")
    if isinstance(request, dict):
        for key in _PRIVATE_REQUEST_KEYS:
            request.pop(key, None)
    event.pop("user", None)
    return event


def init_from_settings() -> bool:
    dsn = getattr(settings, "SENTRY_DSN", None)
    if not dsn:
        return False
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    from balekdusun import __version__

    sentry_sdk.init(dsn=dsn, integrations=[DjangoIntegration()], send_default_pii=False, include_local_variables=False,
                    max_request_body_size="never", release=f"balekdusun@{__version__}", environment=settings.MODE,
                    traces_sample_rate=getattr(settings, "SENTRY_TRACES_SAMPLE_RATE", 0.0), before_send=scrub)
    return True
