import os

from django.core.management.base import BaseCommand, CommandError

from balekdusun.jobs.worker import JobWorker


class Command(BaseCommand):
    help = ("Run background jobs (imports, exports, PDFs, rollup rebuilds) as they are queued, and the scheduled "
            "work of jobs/schedule.py (case reminders hourly, the retention purge daily). Run one or more.")

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=1.0,
                            help="Seconds to wait when the queue is empty (default 1).")
        parser.add_argument("--once", action="store_true", help="Run the queued jobs and due scheduled work, then exit.")
        parser.add_argument("--no-schedule", action="store_true", help="Run jobs only, not the scheduled work.")
        parser.add_argument("--nice", type=int, default=10,
                            help="Lower the worker's CPU priority by this much (0-19, default 10), so web requests "
                                 "served on the same machine stay quick while a long job runs.")
        parser.add_argument("--worker-id", default=None, help="A name unique among the workers (default: random).")

    def handle(self, *args, interval, once, no_schedule, worker_id, nice, **options):
        if not (0 <= interval <= 3600):
            raise CommandError("--interval must be between 0 and 3600 seconds")
        if not (0 <= nice <= 19):
            raise CommandError("--nice must be between 0 and 19")
        if nice:
            os.nice(nice)
        if worker_id is not None and not (0 < len(worker_id) <= 64):
            raise CommandError("--worker-id must be 1-64 characters")
        worker = JobWorker(interval=interval, worker_id=worker_id, run_schedule=not no_schedule)
        if once:
            worker.run_once()
            return
        self.stdout.write(f"worker {worker.worker_id} running; Ctrl+C to stop.")
        worker.configure_signals()
        worker.run()
