from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from balekdusun.core.roles import has_perm
from balekdusun.portal import imports


class Command(BaseCommand):
    help = "Import the agency register or job openings from a CSV file (all or nothing; errors per line)."

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=["agencies", "jobs"])
        parser.add_argument("file")
        parser.add_argument("--as", dest="username", required=True,
                            help="The user the import is recorded for (needs portal.manage).")

    def handle(self, *args, kind, file, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user {username!r}.")
        if not has_perm(user, "portal.manage"):
            raise CommandError(f"{username} may not manage the portal (needs portal.manage).")
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No file {file!r}.")
        run = imports.import_agencies if kind == "agencies" else imports.import_jobs
        result = run(path.read_bytes(), actor=user)
        if not result.ok:
            for line in result.errors:
                self.stderr.write(line)
            raise CommandError(f"{len(result.errors)} error(s); nothing was imported.")
        self.stdout.write(f"{result.created} created, {result.updated} updated.")
