"""`balekdusun create_admin`: the first national administrator of a new installation, without questions.

The password comes from the environment (ADMIN_PASSWORD) or standard input (--password-stdin), never from the
command line, where other users of the server could read it in the process list. It must pass the same password
rules as a password set in the application (settings.AUTH_PASSWORD_VALIDATORS)."""

import os
import sys

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import translation

from balekdusun.core import audit
from balekdusun.core.models import User
from balekdusun.core.roles import Role


class Command(BaseCommand):
    help = ("Create a national administrator. Username and e-mail from the options or ADMIN_USERNAME and "
            "ADMIN_EMAIL; the password from ADMIN_PASSWORD or standard input (--password-stdin).")

    def add_arguments(self, parser):
        parser.add_argument("--username", default=None, help="Default: ADMIN_USERNAME.")
        parser.add_argument("--email", default=None, help="Default: ADMIN_EMAIL.")
        parser.add_argument("--password-stdin", action="store_true",
                            help="Read the password from the first line of standard input.")
        parser.add_argument("--if-missing", action="store_true",
                            help="Do nothing (successfully) when a national administrator already exists.")

    def handle(self, *args, username, email, password_stdin, if_missing, **options):
        username = (username if username is not None else os.environ.get("ADMIN_USERNAME", "")).strip()
        email = (email if email is not None else os.environ.get("ADMIN_EMAIL", "")).strip()
        if password_stdin:
            password = sys.stdin.readline().rstrip("\r\n")
        else:
            password = os.environ.get("ADMIN_PASSWORD", "")

        if if_missing and User.objects.filter(role=Role.ADMIN, is_active=True).exists():
            self.stdout.write("A national administrator already exists; nothing to do.")
            return
        if not username:
            raise CommandError("username: give --username or set ADMIN_USERNAME.")
        if len(username) > 150 or not User.username_validator.regex.match(username):
            raise CommandError("username: use at most 150 letters, digits and @ . + - _ only.")
        if email:
            try:
                validate_email(email)
            except ValidationError:
                raise CommandError(f"email: {email!r} is not an e-mail address.")
        if not password:
            raise CommandError("password: set ADMIN_PASSWORD or pipe it in with --password-stdin.")

        user = User(username=username, email=email, role=Role.ADMIN, is_staff=True, is_superuser=True)
        try:
            with translation.override("en"):  # the console commands speak English, like their --help
                validate_password(password, user)
        except ValidationError as exc:
            raise CommandError("password: " + " ".join(exc.messages))
        if User.objects.filter(username__iexact=username).exists():
            raise CommandError(f"username: {username!r} is already taken.")
        user.set_password(password)
        with transaction.atomic():
            user.full_clean()
            user.save()
            audit.log(None, "user.created", user, role=Role.ADMIN, via="create_admin")
        self.stdout.write(f"National administrator {username!r} created. Sign in at /accounts/login/; a second "
                          "step (authenticator app) is set up at the first sign-in.")
