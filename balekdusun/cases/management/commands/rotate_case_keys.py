from django.core.management.base import BaseCommand

from balekdusun.cases import services


class Command(BaseCommand):
    help = ("Re-encrypt every encrypted case field with the first key of FIELD_ENCRYPTION_KEYS. Rotation: put the "
            "new key first (keep the old one after it), restart, run this, then remove the old key.")

    def handle(self, *args, **options):
        counts = services.rotate_keys()
        self.stdout.write("re-encrypted " + ", ".join(f"{n} {name}(s)" for name, n in counts.items()))
