from importlib import import_module

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from balekdusun.core import demo as core_demo

# Each app's demo.seed(ctx) runs in this order; an app without demo.py is skipped.
SEED_ORDER = ["core", "regions", "campaigns", "materials", "visits", "cases", "portal", "reports", "rights", "jobs"]


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


def _lan_address() -> str:
    """This machine's address on the local network (no packet is sent), for a demo served on 0.0.0.0."""
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.255.255.255", 1))
            return probe.getsockname()[0]
        except OSError:
            return "127.0.0.1"


def _check_public_url(public_url: str):
    from urllib.parse import urlsplit

    parts = urlsplit(public_url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise CommandError(f"--public-url must look like https://HOST:PORT; got {public_url!r}")
    return parts


def serve_here(host: str, port: str, public_url: str = "") -> str:
    """Sticker links (SITE_URL) point at the address the demo serves (or the proxy's --public-url), and that
    host is allowed (ALLOWED_HOSTS; CSRF_TRUSTED_ORIGINS for an HTTPS proxy's origin)."""
    if public_url:
        parts = _check_public_url(public_url)
        site_url = f"{parts.scheme}://{parts.netloc}"
        hosts = [parts.hostname]
    else:
        shown = _lan_address() if host in ("0.0.0.0", "::", "[::]") else host
        site_url = f"http://{shown}:{port}"
        hosts = [shown]
    settings.SITE_URL = site_url
    for name in hosts + ([host] if host not in ("0.0.0.0", "::", "[::]") else []):
        if name not in settings.ALLOWED_HOSTS and "*" not in settings.ALLOWED_HOSTS:
            settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, name]
    if site_url.startswith("https://") and site_url not in settings.CSRF_TRUSTED_ORIGINS:
        settings.CSRF_TRUSTED_ORIGINS = [*settings.CSRF_TRUSTED_ORIGINS, site_url]
    return site_url


class Command(BaseCommand):
    help = "Migrate, load regions, seed demo data (idempotent), print the demo logins and serve the site."

    def add_arguments(self, parser):
        parser.add_argument("--addr", default="127.0.0.1:8000", help="HOST:PORT to serve on.")
        parser.add_argument("--public-url", default="",
                            help="Address phones use when a proxy serves the demo over HTTPS, e.g. "
                                 "https://192.168.1.20:8443 (docs/operations.md); default http://HOST:PORT.")
        parser.add_argument("--no-serve", action="store_true", help="Prepare everything, then exit.")
        parser.add_argument("--skip-regions", action="store_true",
                            help="Do not (re)load the national region list (it must already be loaded).")
        parser.add_argument("--no-worker", action="store_true",
                            help="Do not start the background-job worker (`balekdusun worker`) beside the server.")

    def handle(self, *args, addr, no_serve, skip_regions, public_url="", no_worker=False, **options):
        host, sep, port = addr.rpartition(":")
        if not sep or not host or not port.isdigit():
            raise CommandError(f"--addr must look like HOST:PORT, e.g. 127.0.0.1:8000; got {addr!r}")
        if public_url:
            _check_public_url(public_url)
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
        serve_here(host, port, public_url)
        worker = None if no_worker else start_worker(self.stdout)
        self.stdout.write(f"Serving on http://{addr}/ (DEBUG={settings.DEBUG}); sticker links point at "
                          f"{settings.SITE_URL}. Ctrl+C to stop.")
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
