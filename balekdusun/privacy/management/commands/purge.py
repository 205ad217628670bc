from django.core.management.base import BaseCommand

from balekdusun.privacy import purge


class Command(BaseCommand):
    help = ("Erase or delete personal data whose retention period (PRIVACY_*_DAYS) has passed, and write one audit "
            "entry with the counts. --dry-run lists what would go, per kind and office, without changing anything. "
            "Safe to run daily: a second run finds nothing more.")

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="List what would be removed; change nothing.")

    def handle(self, *args, dry_run=False, **options):
        from django.utils.translation import gettext as _

        result = purge.run(dry_run=dry_run)
        if dry_run:
            self.stdout.write(_("Dry run: nothing was changed. A purge now would remove:"))
        else:
            self.stdout.write(_("Purged:"))
        for line in result.lines() or [_("nothing")]:
            self.stdout.write(f"- {line}")
