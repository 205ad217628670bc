import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "balekdusun.settings")
application = get_wsgi_application()

# A server process never starts with a malformed encryption key, DEBUG on or a weak SECRET_KEY (core/checks.py).
from balekdusun.core.checks import refuse_to_start_if_unsafe  # noqa: E402

refuse_to_start_if_unsafe()

# Import every URL module (and with it the API's routers and schemas) now, at start-up, rather than in the first
# request a worker serves (about half a second); with `gunicorn --preload` the workers inherit it all.
from django.urls import get_resolver  # noqa: E402

URL_PATTERNS = get_resolver().url_patterns
