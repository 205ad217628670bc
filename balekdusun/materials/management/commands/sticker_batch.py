"""Generate a sticker batch from the command line (for print orders larger than the web form allows)."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from balekdusun.core import audit
from balekdusun.core.models import Office
from balekdusun.materials import services
from balekdusun.materials.models import StickerBatch


class Command(BaseCommand):
    help = "Generate N sticker codes for an office (unique across the country) and print the batch id."

    def add_arguments(self, parser):
        parser.add_argument("--office", required=True, help="Office name or short name")
        parser.add_argument("--size", required=True, type=int, help="Number of codes (1 to 2,000,000)")
        parser.add_argument("--label", default="", help="Batch label, e.g. the print order")

    def handle(self, *args, office, size, label, **options):
        found = Office.objects.filter(name=office).first() or Office.objects.filter(short_name=office).first()
        if found is None:
            raise CommandError(f"No office named {office!r}.")
        if not 1 <= size <= 2_000_000:
            raise CommandError("--size must be between 1 and 2000000.")
        with transaction.atomic():
            batch = StickerBatch.objects.create(office=found, size=size, label=label.strip()[:80])
            services.insert_codes(batch=batch, n=size)
            audit.log(None, "stickers.batch_created", batch, office=found, size=size, via="command")
        self.stdout.write(f"Batch {batch.pk}: {size} codes for {found.name}.")
