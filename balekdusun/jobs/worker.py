"""The worker: django-tasks-db's loop (claims queued tasks with row locks, so several workers can run), plus a
heartbeat row for /readyz and the schedule of jobs/schedule.py, so no cron is needed."""

import logging
import threading
import time

from django.db import DatabaseError, close_old_connections, connection
from django.utils import timezone
from django.utils.crypto import get_random_string
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction

from balekdusun.jobs import heartbeat, runner, schedule

logger = logging.getLogger("balekdusun.jobs")

BEAT_SECONDS = 5
RECOVER_SECONDS = 60


class JobWorker(Worker):
    def __init__(self, *, interval: float = 1.0, worker_id: str | None = None, run_schedule: bool = True,
                 queue_names=("default",), backend_name: str = "default"):
        super().__init__(queue_names=list(queue_names), interval=interval, batch=True, backend_name=backend_name,
                         startup_delay=False, max_tasks=None, worker_id=worker_id or get_random_string(32),
                         excluded_queue_names=[])
        self.run_schedule = run_schedule
        self.started_at = timezone.now()
        self._stop = threading.Event()
        self._beater: threading.Thread | None = None

    def _beat_loop(self) -> None:
        try:
            while not self._stop.wait(BEAT_SECONDS):
                heartbeat.beat(self.worker_id, self.started_at)
        finally:
            connection.close()

    def start_heartbeat(self) -> None:
        heartbeat.beat(self.worker_id, self.started_at)
        self._beater = threading.Thread(target=self._beat_loop, name="jobs-heartbeat", daemon=True)
        self._beater.start()

    def recover(self) -> None:
        try:
            n = runner.recover_abandoned(heartbeat.alive_ids() | {self.worker_id})
        except DatabaseError:
            return
        if n:
            logger.warning("%d job(s) left running by a stopped worker marked failed", n)

    def run_once(self) -> None:
        """Run every queued job now, then the due scheduled work (tests and `worker --once`)."""
        runner.CURRENT_WORKER["id"] = self.worker_id
        # The library's loop, without its connection recycling (which would close a test's open transaction).
        while True:
            tasks = DBTaskResult.objects.ready().filter(backend_name=self.backend_name,
                                                         queue_name__in=self.queue_names)
            with exclusive_transaction(tasks.db):
                task_result = tasks.get_locked()
                if task_result is not None:
                    task_result.claim(self.worker_id)
            if task_result is None:
                break
            self.run_task(task_result)
        if self.run_schedule:
            schedule.tick()

    def run(self) -> None:
        runner.CURRENT_WORKER["id"] = self.worker_id
        logger.info("worker %s started", self.worker_id)
        self.start_heartbeat()
        self.recover()
        last_recover = time.monotonic()
        try:
            while self.running:
                close_old_connections()
                if self.run_schedule:
                    schedule.tick()
                try:
                    super().run()  # batch mode: every ready task, then back here
                except DatabaseError:
                    # The database went away or stayed locked: log it and try again after the interval.
                    logger.exception("worker %s could not read the queue", self.worker_id)
                if time.monotonic() - last_recover > RECOVER_SECONDS:
                    self.recover()
                    last_recover = time.monotonic()
                if self.running:
                    time.sleep(self.interval)
        finally:
            self.stop()
            connection.close()

    def stop(self) -> None:
        self.running = False
        self._stop.set()
        if self._beater is not None and self._beater is not threading.current_thread():
            self._beater.join(BEAT_SECONDS + 5)
        heartbeat.stop(self.worker_id)
