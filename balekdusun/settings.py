"""Settings for Balek Dusun. Configuration comes only from the environment (see README.md)."""

import ipaddress
import os
import sys
from importlib.util import find_spec
from pathlib import Path

from csp.constants import NONCE
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from balekdusun.lib.env import database_config, env_bool, env_int, env_list, env_str
from balekdusun.ops.logs import logging_config as ops_logging_config

PACKAGE_DIR = Path(__file__).resolve().parent
WORK_DIR = Path.cwd()

# production (default), demo (the `balekdusun demo` command) or test (pytest).
MODE = env_str("BALEKDUSUN_MODE") or ("test" if "pytest" in sys.modules else "production")
if MODE not in {"production", "demo", "test"}:
    raise ImproperlyConfigured(f"BALEKDUSUN_MODE must be production, demo or test; got {MODE!r}")

DEBUG = env_bool("DEBUG", default=MODE == "demo")

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if MODE == "production":
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set it to a long random string in production "
            "(python -c 'import secrets; print(secrets.token_urlsafe(50))'), or run `balekdusun demo`."
        )
    SECRET_KEY = f"insecure-{MODE}-key-not-for-production-use-0123456789"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
# Used to build absolute links that leave the site, e.g. the QR code printed on a sticker.
SITE_URL = (env_str("SITE_URL") or "http://127.0.0.1:8000").rstrip("/")

DATABASES = {"default": database_config(env_str("DATABASE_URL") or f"sqlite:///{WORK_DIR / 'balekdusun.sqlite3'}",
                                        base_dir=WORK_DIR,
                                        prepared_statements=env_bool("DATABASE_PREPARED_STATEMENTS", True))}
if MODE == "test" and DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # Parallel local runs (several checkouts on one server) each get their own test database.
    DATABASES["default"]["TEST"] = {"NAME": env_str("TEST_DATABASE_NAME") or f"test_{DATABASES['default']['NAME']}"}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "balekdusun.core",
    "balekdusun.regions",
    "balekdusun.campaigns",
    "balekdusun.materials",
    "balekdusun.visits",
    "balekdusun.cases",
    "balekdusun.portal",
    "balekdusun.reports",
    "balekdusun.field",
    # Retention and purge, record of processing, access-log export, breach notices (docs/privacy.md).
    "balekdusun.privacy",
    # Residents' data rights (UU PDP): requests, 3 x 24-hour clock; tunables in balekdusun/rights/conf.py.
    "balekdusun.rights",
    "balekdusun.ops",
    "csp",
    # Background jobs (docs/jobs.md): Django's Tasks framework (django-tasks backport) with its database backend.
    "django_tasks",
    "django_tasks_db",
    "balekdusun.jobs",
]

MIDDLEWARE = [
    # Very first: a request id on every log line and response, latency by route for /metrics (ops/middleware.py).
    "balekdusun.ops.middleware.RequestMiddleware",
    # First: any error answered under /api/ (an unknown path, a crash in a later layer) leaves as the API's JSON.
    "balekdusun.core.apierrors.ApiErrorMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "balekdusun.core.ratelimit.DeviceCookieMiddleware",
    "balekdusun.core.middleware.IndonesianFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # Django's, plus: a session signed out in another server process is refused at once (core/sessions.py).
    "balekdusun.core.sessions.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "balekdusun.core.twofactor.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Content-Security-Policy (django-csp) and Permissions-Policy on every response: pages, portal, field app, API.
    "csp.middleware.CSPMiddleware",
    "balekdusun.core.middleware.PermissionsPolicyMiddleware",
    "balekdusun.core.middleware.OfficeRequiredMiddleware",
    # Last (it calls the view): report pages and exports read from DATABASE_REPLICA_URL when set (ops/db.py).
    "balekdusun.ops.db.ReplicaReadsMiddleware",
]

ROOT_URLCONF = "balekdusun.urls"
WSGI_APPLICATION = "balekdusun.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "balekdusun.core.context.navigation",
            ],
        },
    }
]

AUTH_USER_MODEL = "core.User"
# Django's ModelBackend, loading the user's office in the same query (core/backends.py).
AUTHENTICATION_BACKENDS = ["balekdusun.core.backends.UserBackend"]
LOGIN_URL = "core:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "core:login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
if MODE == "test":
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Second factor (TOTP with recovery codes, django-otp; docs/signin.md). The roles that must use it; production
# requires it of national administrators, heads of office and coordinators. The demo and the tests leave it off by
# default (tests that check it turn it on), so a demo needs no authenticator app.
OTP_REQUIRED_ROLES = frozenset(env_list("OTP_REQUIRED_ROLES", ["admin", "head", "coordinator"]
                                        if MODE == "production" else []))
OTP_TOTP_ISSUER = env_str("OTP_TOTP_ISSUER") or "Balek Dusun"

LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Bahasa Indonesia")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
# Leaflet's files come from the django-leaflet package. The package is not an installed app because its admin
# module imports GeoDjango, which needs the GDAL system library we do not otherwise use.
STATICFILES_DIRS = [Path(find_spec("leaflet").origin).parent / "static"]
# Production serves the files `collectstatic` gathered here; demo and tests serve them from the apps directly.
STATIC_ROOT = Path(env_str("STATIC_ROOT") or WORK_DIR / "staticfiles") if MODE == "production" or env_str("STATIC_ROOT") \
    else None
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT") or WORK_DIR / "media")
# Tests and the demo serve static files straight from the apps; production runs collectstatic.
WHITENOISE_USE_FINDERS = MODE != "production" or DEBUG
WHITENOISE_AUTOREFRESH = DEBUG
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if MODE == "production" and not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 60 * 60 * 12)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", default=MODE == "production")
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_PROXY", False) else None
# HTTPS is said by SECURE_COOKIES (cookies only over HTTPS) or BEHIND_PROXY (TLS ends at the proxy): then plain
# HTTP is redirected and browsers are told to use HTTPS only for a year (HSTS).
HTTPS = SESSION_COOKIE_SECURE or SECURE_PROXY_SSL_HEADER is not None
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", HTTPS)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 365 * 24 * 3600 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", HTTPS)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", HTTPS)
# The health check answers the load balancer over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz", r"^readyz", r"^metrics"]
X_FRAME_OPTIONS = "DENY"
# An expired form (a phone left on a page overnight) gets a page that says what to do, in the user's language.
CSRF_FAILURE_VIEW = "balekdusun.core.errors.csrf_failure"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"


def _origins(*urls: str) -> list[str]:
    """scheme://host of tile URL templates ({s} subdomains become a wildcard)."""
    out = []
    for url in urls:
        scheme, _sep, rest = url.partition("://")
        host = rest.split("/", 1)[0].replace("{s}", "*")
        if scheme in ("http", "https") and host and "{" not in host and f"{scheme}://{host}" not in out:
            out.append(f"{scheme}://{host}")
    return out


# Content-Security-Policy (django-csp): scripts and styles only from this site; no inline script without the
# request's nonce ({{ request.csp_nonce }}); inline style attributes are allowed (Leaflet and a few templates set
# them; they cannot run code). Images may come from the map tile servers. Nothing may frame the pages.
MAP_TILE_ORIGINS = _origins(env_str("REPORTS_MAP_TILE_URL") or "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
                            env_str("MAP_TILES_URL") or "https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png")
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", NONCE],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:", *MAP_TILE_ORIGINS],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "media-src": ["'self'", "blob:"],
        "worker-src": ["'self'"],
        "manifest-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
# Permissions-Policy (core/middleware.py): every powerful feature off, except the location and the camera (sticker
# QR scan) for the field app under FIELD_APP_PATH.
FIELD_APP_PATH = "/field/"
PERMISSIONS_POLICY_DEFAULT = ("accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), "
                              "magnetometer=(), microphone=(), payment=(), usb=()")
PERMISSIONS_POLICY_FIELD = PERMISSIONS_POLICY_DEFAULT.replace("camera=()", "camera=(self)").replace(
    "geolocation=()", "geolocation=(self)")

EMAIL_BACKEND = env_str("EMAIL_BACKEND") or (
    "django.core.mail.backends.console.EmailBackend" if MODE != "production"
    else "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_HOST = env_str("EMAIL_HOST") or "localhost"
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER") or ""
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD") or ""
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL") or "balekdusun@localhost"

# Key(s) for fields encrypted at rest (complaint narratives, health and victim data). A comma-separated
# list of Fernet keys: the first encrypts, all decrypt, so a key can be rotated without downtime.
FIELD_ENCRYPTION_KEYS = env_list("FIELD_ENCRYPTION_KEYS", [])
if not FIELD_ENCRYPTION_KEYS:
    if MODE == "production":
        raise ImproperlyConfigured(
            "FIELD_ENCRYPTION_KEYS is not set. Generate one with "
            "python -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())'"
        )
    FIELD_ENCRYPTION_KEYS = ["ZGVtby1hbmQtdGVzdC1vbmx5LWtleS0wMTIzNDU2Nzg="]

# Three caches: "default" (rate limits, portal pages), "sessions" and "reports" (dashboard figures and pages),
# kept apart so that many sessions or dashboards never push a rate-limit counter out of a full per-process cache.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "balekdusun"},
    "sessions": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "balekdusun-sessions",
                 "OPTIONS": {"MAX_ENTRIES": 10_000}},
    # Rendered dashboards, 10-35 KB each: at most about 15 MB per process.
    "reports": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "balekdusun-reports",
                "OPTIONS": {"MAX_ENTRIES": 500}},
}
if env_str("REDIS_URL"):
    CACHES = {alias: {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": env_str("REDIS_URL"),
                      "KEY_PREFIX": prefix}
              for alias, prefix in [("default", ""), ("sessions", "s"), ("reports", "r")]}

# Where the rate-limit and sign-in counters live (core/counters.py): "database" or "cache". Without Redis the cache
# is per process, so the counters go to the database, where every server process shares them.
RATE_COUNTERS = env_str("RATE_COUNTERS") or ("cache" if env_str("REDIS_URL") else "database")
if RATE_COUNTERS not in {"database", "cache"}:
    raise ImproperlyConfigured(f"RATE_COUNTERS must be database or cache; got {RATE_COUNTERS!r}")

# Sessions: the database row is the truth, with a cached copy so a page does not read it (core/sessions.py).
# The copy lives at most SESSION_CACHE_SECONDS: with the per-process cache a sign-out on one server process
# reaches the others within that time; with Redis the copy is deleted for all of them at once.
SESSION_ENGINE = "balekdusun.core.sessions"
SESSION_CACHE_ALIAS = "sessions"
SESSION_CACHE_SECONDS = env_int("SESSION_CACHE_SECONDS", SESSION_COOKIE_AGE if env_str("REDIS_URL") else 30)

LEAFLET_CONFIG = {
    "DEFAULT_CENTER": (-3.0, 104.75),
    "DEFAULT_ZOOM": 8,
    "TILES": env_str("MAP_TILES_URL") or "https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png",
    "ATTRIBUTION_PREFIX": "Balek Dusun",
}

# Operations (balekdusun/ops, docs/operations.md): logs (JSON lines with LOG_FORMAT=json, request and user ids),
# /readyz, /metrics (METRICS_TOKEN and/or METRICS_ALLOWED_IPS), optional error reporting (SENTRY_DSN), dashboards
# and exports from a read replica (DATABASE_REPLICA_URL). BACKUP_KEY is read by the backup commands only.
LOG_FORMAT = env_str("LOG_FORMAT") or "text"
if LOG_FORMAT not in {"text", "json"}:
    raise ImproperlyConfigured(f"LOG_FORMAT must be text or json; got {LOG_FORMAT!r}")
LOGGING = ops_logging_config(fmt=LOG_FORMAT, level=env_str("LOG_LEVEL") or "WARNING")
METRICS_TOKEN = env_str("METRICS_TOKEN") or ""
METRICS_ALLOWED_IPS = env_list("METRICS_ALLOWED_IPS", [])
for _net in METRICS_ALLOWED_IPS:
    try:
        ipaddress.ip_network(_net, strict=False)
    except ValueError:
        raise ImproperlyConfigured(f"METRICS_ALLOWED_IPS: {_net!r} is no address or network (e.g. 10.0.0.0/8)")
SENTRY_DSN = env_str("SENTRY_DSN") or ""
try:
    SENTRY_TRACES_SAMPLE_RATE = float(env_str("SENTRY_TRACES_SAMPLE_RATE") or 0)
except ValueError:
    raise ImproperlyConfigured("SENTRY_TRACES_SAMPLE_RATE must be a number between 0 and 1") from None
if env_str("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = database_config(env_str("DATABASE_REPLICA_URL"), base_dir=WORK_DIR,
                                           prepared_statements=env_bool("DATABASE_PREPARED_STATEMENTS", True))
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
DATABASE_ROUTERS = ["balekdusun.ops.db.ReplicaRouter"]
REPLICA_APPS = env_list("REPLICA_APPS", ["reports"])

# Upload limits, shared by every import and attachment form.
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("DATA_UPLOAD_MAX_MEMORY_SIZE", 10 * 1024 * 1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

if MODE == "production" and DEBUG:
    print("WARNING: DEBUG is on in production mode", file=sys.stderr)

os.environ.setdefault("BALEKDUSUN_MODE", MODE)

# --- background jobs (balekdusun/jobs, docs/jobs.md) -----------------------------------------------------------
# Queued in the database (no extra service); `balekdusun worker` runs them and the schedule (jobs/schedule.py).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# Live progress of a running job is written here, outside the job's own transaction: shared by every process.
CACHES["jobs"] = ({"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": env_str("REDIS_URL"),
                   "KEY_PREFIX": "j"} if env_str("REDIS_URL") else
                  {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                   "LOCATION": str(Path(env_str("JOBS_PROGRESS_DIR") or WORK_DIR / "jobs-progress"))})
# Uploads up to this size are imported within the request as before; larger ones become a job.
JOBS_SYNC_IMPORT_MAX_BYTES = env_int("JOBS_SYNC_IMPORT_MAX_BYTES", 256 * 1024)
# The worker's readiness check fails when its heartbeat is older than this.
READY_WORKER_STALE_SECONDS = env_int("READY_WORKER_STALE_SECONDS", 120)
# Finished jobs' files and rows are deleted after this many days.
JOBS_KEEP_DAYS = env_int("JOBS_KEEP_DAYS", 14)
