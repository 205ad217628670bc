import datetime as dt
import os
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from balekdusun.ops import crypto
from balekdusun.ops.backup import backup
from balekdusun.ops.crypto import BackupError


class Command(BaseCommand):
    help = ("Write the database and the uploaded files (MEDIA_ROOT) into one file encrypted with BACKUP_KEY "
            "(docs/operations.md). The site may keep running.")

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", help="File to write (default: balekdusun-YYYYmmdd-HHMMSS.bdbackup "
                                                   "in the current directory).")
        parser.add_argument("--generate-key", action="store_true",
                            help="Print a new random BACKUP_KEY and exit (keep it apart from the backups).")

    def handle(self, *args, output, generate_key: bool, **options):
        if generate_key:
            self.stdout.write(crypto.generate_key())
            return
        path = Path(output or f"balekdusun-{dt.datetime.now():%Y%m%d-%H%M%S}.bdbackup")
        if path.is_dir():
            raise CommandError(f"--output {path} is a directory; give a file name.")
        try:
            manifest = backup(path, key=os.environ.get("BACKUP_KEY"))
        except BackupError as exc:
            raise CommandError(str(exc))
        self.stdout.write(f"Backup written to {path}: {manifest['tables']} tables, {manifest['rows']} rows, "
                          f"{manifest['media_files']} uploaded files ({manifest['vendor']}, version "
                          f"{manifest['version']}).")
