"""Reads of dashboards and exports from a PostgreSQL replica when DATABASE_REPLICA_URL is set.

settings.py adds the "replica" database; `ReplicaRouter` sends a model's reads there only while a read-only report
view runs (`ReplicaReadsMiddleware` for GET/HEAD requests to the apps in REPLICA_APPS, or the `replica_reads`
decorator), and every write, migration and all other reads to "default". A streamed export reads while it is sent,
after the view has returned: the middleware keeps the replica for the stream's whole iteration.
"""

import functools

from django.conf import settings
from django.db import connections

from balekdusun.ops import context

REPLICA = "replica"


def replica_configured() -> bool:
    return REPLICA in connections.settings


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if context.replica_reads.get() and replica_configured():
            return REPLICA
        return None

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the replica is a copy of default: objects from either relate

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db != REPLICA  # the replica follows the primary; migrations run there only


def replica_reads(view):
    """Decorator: the view's reads (and a streamed response's) go to the replica when there is one."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        token = context.replica_reads.set(True)
        try:
            return _keep_for_stream(view(request, *args, **kwargs))
        finally:
            context.replica_reads.reset(token)

    return wrapped


def _keep_for_stream(response):
    if getattr(response, "streaming", False):
        inner = response.streaming_content

        def chunks():
            token = context.replica_reads.set(True)
            try:
                yield from inner
            finally:
                context.replica_reads.reset(token)

        response.streaming_content = chunks()
    return response


class ReplicaReadsMiddleware:
    """GET/HEAD requests to the views of settings.REPLICA_APPS (default: reports) read from the replica."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method not in ("GET", "HEAD") or not replica_configured():
            return None
        match = request.resolver_match
        if match is None or not set(match.namespaces) & set(getattr(settings, "REPLICA_APPS", ["reports"])):
            return None
        return replica_reads(view_func)(request, *view_args, **view_kwargs)
