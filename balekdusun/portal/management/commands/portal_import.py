from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from balekdusun.core.roles import has_perm
from balekdusun.portal import imports


class Command(BaseCommand):
    help = ("Import the agency register or job openings from a .csv or .xlsx file (all or nothing; errors by line "
            "and column).")

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
        with path.open("rb") as fh:
            result = run(fh, path.name, actor=user)
        if not result.ok:
            for error in result.errors:
                self.stderr.write(str(error))
            if result.truncated:
                self.stderr.write("… more errors not shown")
            raise CommandError(f"{len(result.errors)}{'+' if result.truncated else ''} error(s); nothing was imported.")
        self.stdout.write(f"{result.created} created, {result.updated} updated.")
