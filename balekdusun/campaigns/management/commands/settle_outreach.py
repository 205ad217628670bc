from django.core.management.base import BaseCommand

from balekdusun.campaigns.services import settle_outreach_status


class Command(BaseCommand):
    help = ("Move outreach days with visits along: planned -> in progress, and to done once their date has passed "
            "(docs/campaigns.md, Status). Safe to run daily from a scheduler; the sync does the same for the days "
            "it receives visits for.")

    def handle(self, *args, **options):
        moved = settle_outreach_status()
        self.stdout.write("outreach days moved: {done} to done, {started} to in progress".format(
            done=moved.get("done", 0), started=moved.get("in_progress", 0)))
