import os

from django.core.management.base import BaseCommand, CommandError

from balekdusun.ops.backup import restore
from balekdusun.ops.crypto import BackupError


class Command(BaseCommand):
    help = ("Restore a file written by `balekdusun backup` into the empty database of DATABASE_URL and into "
            "MEDIA_ROOT. Refuses a database that has tables. The key comes from BACKUP_KEY.")

    def add_arguments(self, parser):
        parser.add_argument("file", help="The .bdbackup file.")

    def handle(self, *args, file, **options):
        try:
            manifest = restore(file, key=os.environ.get("BACKUP_KEY"))
        except BackupError as exc:
            raise CommandError(str(exc))
        self.stdout.write(f"Restored {file} (made {manifest['created']} by version {manifest['version']}): "
                          f"{manifest['tables']} tables, {manifest['rows']} rows (counts checked), "
                          f"{manifest['media_restored']} uploaded files. Run `balekdusun migrate` if this "
                          "version is newer than the backup's.")
