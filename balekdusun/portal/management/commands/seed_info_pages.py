from django.core.management.base import BaseCommand

from balekdusun.portal.demo import seed_info_pages
from balekdusun.portal.services import bump_content_version


class Command(BaseCommand):
    help = "Create the portal's starting information pages (legal procedure, schemes, costs, warning signs, FAQ)."

    def handle(self, *args, **options):
        created = seed_info_pages()
        bump_content_version()
        self.stdout.write(f"{created} information page(s) created; existing pages left as they are.")
