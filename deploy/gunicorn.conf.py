"""gunicorn settings for Balek Dusun in production (deploy/balekdusun-web.service runs
`gunicorn --config deploy/gunicorn.conf.py balekdusun.wsgi`).

Every value can be overridden from the environment file with GUNICORN_* variables (deploy/env.example):
the defaults suit a 2-core server, three workers of four threads (threads overlap the time a request waits for
PostgreSQL; docs/field.md "Many phones at once")."""

import os


def _int(name: str, default: int, minimum: int = 1) -> int:
    """A whole number from the environment; a wrong one stops the server with the variable's name."""
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    if not value.isdigit() or int(value) < minimum:
        raise ValueError(f"{name} must be a whole number of at least {minimum}; got {value!r}")
    return int(value)

# Behind the reverse proxy on the same machine (deploy/Caddyfile, deploy/nginx.conf). Bind to 0.0.0.0:8000 only
# when the proxy runs on another machine, and then firewall the port.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = _int("GUNICORN_WORKERS", 3)
threads = _int("GUNICORN_THREADS", 4)
worker_class = "gthread"
# Load Django and every URL module once, before the workers fork (balekdusun/wsgi.py); a server whose settings
# are unsafe (DEBUG on, weak SECRET_KEY, malformed keys) stops here instead of serving.
preload_app = True
# Long requests are the synchronous imports and exports; background jobs take the big ones.
timeout = _int("GUNICORN_TIMEOUT", 120)
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then so a slow leak never grows for months.
max_requests = _int("GUNICORN_MAX_REQUESTS", 2000, minimum=0)
max_requests_jitter = 200
# The proxy on this machine sets X-Forwarded-Proto; trust it only from there.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# Logs go to the journal (stderr). Access logs hold URLs, never request bodies; no personal data is put in URLs
# (balekdusun/core/lookup.py).
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
proc_name = "balekdusun"


def child_exit(server, worker):
    """A worker ended: with Prometheus multiprocess metrics (balekdusun.ops.metrics), drop its live gauges."""
    try:
        from balekdusun.ops.metrics import child_exit as metrics_child_exit
    except ImportError:
        return
    metrics_child_exit(server, worker)
