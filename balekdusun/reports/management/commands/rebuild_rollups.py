from django.core.management.base import BaseCommand

from balekdusun.reports.rebuild import rebuild


class Command(BaseCommand):
    help = "Recompute every dashboard rollup counter from the raw visits, households, stock, stickers and cases."

    def handle(self, *args, **options):
        n = rebuild()
        self.stdout.write(self.style.SUCCESS(f"rollups rebuilt: {n} counters"))
