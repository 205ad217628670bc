"""Prometheus metrics (prometheus-client), served at /metrics (views.metrics).

Why prometheus-client and not django-prometheus: we need five metrics of our own (latency by route, sync records
by status, login failures, the job queue) and gunicorn's multiprocess mode; django-prometheus adds two
middlewares and wraps every database backend and cache with counters of its own, which this project's custom
SQLite backend and raw dashboard query would need extra wiring for. prometheus-client is what it is built on.

Several gunicorn workers: set PROMETHEUS_MULTIPROC_DIR to an empty directory writable by the server (cleared at
each start) and import `child_exit` in gunicorn.conf.py:

    from balekdusun.ops.metrics import child_exit  # noqa: F401

Other apps feed the queue gauges through `register_queue(fn)`: fn() returns {queue name: (length, age of the
oldest waiting job in seconds)}; it runs when /metrics is scraped.
"""

import os
from collections.abc import Callable

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest, multiprocess
from prometheus_client.core import GaugeMetricFamily

REQUEST_LATENCY = Histogram(
    "balekdusun_http_request_duration_seconds", "Time to answer a request, by route name and method.",
    ["route", "method"], buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30))
REQUESTS = Counter("balekdusun_http_requests_total", "Requests answered, by route name, method and status class.",
                   ["route", "method", "status"])
SYNC_RECORDS = Counter("balekdusun_sync_records_total", "Records pushed by the field app, by result status.",
                       ["status"])
LOGIN_FAILURES = Counter("balekdusun_login_failures_total", "Failed sign-ins (wrong username or password).")

_QUEUES: dict[str, Callable[[], dict[str, tuple[float, float]]]] = {}


def register_queue(name: str, fn: Callable[[], dict[str, tuple[float, float]]]) -> None:
    """Add a source of job queue figures (see the module's docstring)."""
    _QUEUES[name] = fn


def unregister_queue(name: str) -> None:
    _QUEUES.pop(name, None)


def sync_pushed(results) -> None:
    """Count a push's results (the visits push path calls this with its list of results)."""
    for result in results:
        status = result.get("status") if isinstance(result, dict) else getattr(result, "status", None)
        SYNC_RECORDS.labels(status=str(status or "unknown")).inc()


def _login_failed(sender, credentials=None, request=None, **kwargs) -> None:
    LOGIN_FAILURES.inc()


def connect_signals() -> None:
    from django.contrib.auth.signals import user_login_failed

    user_login_failed.connect(_login_failed, dispatch_uid="ops.metrics.login_failed")


class QueueCollector:
    """Job queue length and oldest age, read from the registered sources at scrape time."""

    def collect(self):
        length = GaugeMetricFamily("balekdusun_job_queue_length", "Jobs waiting, by queue.", labels=["queue"])
        age = GaugeMetricFamily("balekdusun_job_queue_oldest_age_seconds",
                                "Age of the oldest waiting job, by queue.", labels=["queue"])
        errors = GaugeMetricFamily("balekdusun_job_queue_source_errors", "Queue sources that failed to answer.")
        failed = 0
        for fn in list(_QUEUES.values()):
            try:
                figures = fn()
            except Exception:  # noqa: BLE001 - one broken source must not hide the other metrics
                failed += 1
                continue
            for queue, (n, oldest) in sorted(figures.items()):
                length.add_metric([queue], float(n))
                age.add_metric([queue], float(oldest))
        errors.add_metric([], failed)
        yield from (length, age, errors)


def multiprocess_dir() -> str | None:
    return os.environ.get("PROMETHEUS_MULTIPROC_DIR") or os.environ.get("prometheus_multiproc_dir") or None


def exposition() -> bytes:
    """The text of /metrics: this process's metrics, or every gunicorn worker's in multiprocess mode."""
    registry = CollectorRegistry()
    if multiprocess_dir():
        multiprocess.MultiProcessCollector(registry)
    else:
        for collector in (REQUEST_LATENCY, REQUESTS, SYNC_RECORDS, LOGIN_FAILURES):
            registry.register(collector)
    registry.register(QueueCollector())
    return generate_latest(registry)


def child_exit(server, worker) -> None:
    """gunicorn's child_exit hook: forget a dead worker's live gauges in multiprocess mode."""
    if multiprocess_dir():
        multiprocess.mark_process_dead(worker.pid)
