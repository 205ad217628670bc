from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from balekdusun.core import services


class Command(BaseCommand):
    help = "Create an API token for a user and print it (shown only once)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", default="cli", help="A name for the device or script.")
        parser.add_argument("--days", type=int, default=None, help="Expire after this many days.")

    def handle(self, *args, username, name, days, **options):
        try:
            user = get_user_model().objects.get(username=username)
        except get_user_model().DoesNotExist:
            raise CommandError(f"No user named {username!r}.") from None
        if days is not None and days < 1:
            raise CommandError("--days must be at least 1.")
        _token, key = services.create_token(user=user, name=name, days=days)
        self.stdout.write(key)
