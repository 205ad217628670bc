"""The worker's heartbeat row and the readiness check built on it."""

import os
import socket

from django.conf import settings
from django.db import DatabaseError
from django.utils import timezone


def beat(worker_id: str, started_at) -> bool:
    """Touch this worker's row; False when the database refused (locked by a long write): the next beat retries."""
    from balekdusun.jobs.models import WorkerHeartbeat

    try:
        WorkerHeartbeat.objects.update_or_create(
            worker_id=worker_id,
            defaults={"beat_at": timezone.now(), "hostname": socket.gethostname()[:200], "pid": os.getpid(),
                      "started_at": started_at})
    except DatabaseError:
        return False
    return True


def stop(worker_id: str) -> None:
    from balekdusun.jobs.models import WorkerHeartbeat

    try:
        WorkerHeartbeat.objects.filter(worker_id=worker_id).delete()
    except DatabaseError:
        pass


def alive_ids() -> set[str]:
    from balekdusun.jobs.models import WorkerHeartbeat

    since = timezone.now() - timezone.timedelta(seconds=settings.READY_WORKER_STALE_SECONDS)
    return set(WorkerHeartbeat.objects.filter(beat_at__gte=since).values_list("worker_id", flat=True))


def last_beat():
    from balekdusun.jobs.models import WorkerHeartbeat

    return WorkerHeartbeat.objects.order_by("-beat_at").values_list("beat_at", flat=True).first()


class WorkerNotReady(RuntimeError):
    pass


def readiness_check() -> str:
    """For ops.readiness (/readyz): a short detail while some worker beat within READY_WORKER_STALE_SECONDS;
    raises otherwise (the contract of `balekdusun.ops.readiness.register`)."""
    at = last_beat()
    if at is None:
        raise WorkerNotReady("no worker has started")
    age = int((timezone.now() - at).total_seconds())
    if age > settings.READY_WORKER_STALE_SECONDS:
        raise WorkerNotReady(f"last worker heartbeat {age} s ago (limit {settings.READY_WORKER_STALE_SECONDS} s)")
    return f"last worker heartbeat {age} s ago"
