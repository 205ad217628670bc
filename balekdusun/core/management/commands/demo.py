from importlib import import_module

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from balekdusun.core import demo as core_demo

# Each app's demo.seed(ctx) runs in this order; an app without demo.py is skipped.
SEED_ORDER = ["core", "regions", "campaigns", "materials", "visits", "cases", "portal", "reports", "jobs"]


def seed_all(stdout=None) -> dict:
    ctx: dict = {}
    for app in SEED_ORDER:
        try:
            module = import_module(f"balekdusun.{app}.demo")
        except ModuleNotFoundError as exc:
            if exc.name != f"balekdusun.{app}.demo":
                raise
            continue
        with transaction.atomic():
            module.seed(ctx)
        if stdout is not None:
            stdout.write(f"  demo data: {app} ✓")
    return ctx


class Command(BaseCommand):
    help = "Migrate, load regions, seed demo data (idempotent), print the demo logins and serve the site."

    def add_arguments(self, parser):
        parser.add_argument("--addr", default="127.0.0.1:8000", help="HOST:PORT to serve on.")
        parser.add_argument("--no-serve", action="store_true", help="Prepare everything, then exit.")
        parser.add_argument("--skip-regions", action="store_true",
                            help="Do not (re)load the national region list (it must already be loaded).")
        parser.add_argument("--no-worker", action="store_true",
                            help="Do not start the background-job worker (`balekdusun worker`) beside the server.")

    def handle(self, *args, addr, no_serve, skip_regions, no_worker=False, **options):
        host, sep, port = addr.rpartition(":")
        if not sep or not host or not port.isdigit():
            raise CommandError(f"--addr must look like HOST:PORT, e.g. 127.0.0.1:8000; got {addr!r}")
        call_command("migrate", interactive=False, verbosity=0)
        if not skip_regions:
            call_command("load_regions", quiet=True, stdout=self.stdout)
        seed_all(self.stdout)
        self.stdout.write("")
        self.stdout.write(f"Demo logins (password for all: {core_demo.DEMO_PASSWORD}):")
        for username, role, office in core_demo.logins():
            self.stdout.write(f"  {username:<22} {role:<26} {office}")
        self.stdout.write("")
        if no_serve:
            return
        worker = None if no_worker else start_worker(self.stdout)
        self.stdout.write(f"Serving on http://{addr}/ (DEBUG={settings.DEBUG}); Ctrl+C to stop.")
        try:
            call_command("runserver", addr, use_reloader=False, use_threading=True)
        finally:
            stop_worker(worker)


def start_worker(stdout=None):
    """The background-job worker as a child process (imports, exports and reminders run there)."""
    import os
    import subprocess
    import sys

    cmd = [sys.executable, "-m", "balekdusun", "worker", "--interval", "0.5"]
    env = {**os.environ, "BALEKDUSUN_MODE": settings.MODE}
    process = subprocess.Popen(cmd, env=env)
    if stdout is not None:
        stdout.write(f"Background-job worker started (process {process.pid}); --no-worker to skip.")
    return process


def stop_worker(process) -> None:
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(10)
    except Exception:  # noqa: BLE001 - a worker that does not stop in time is killed
        process.kill()
