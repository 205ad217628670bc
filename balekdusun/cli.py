"""The `balekdusun` console command: Django's management commands with our settings, and clear errors."""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "balekdusun.settings")
    if len(argv) > 1 and argv[1] == "demo":
        # The demo is the one place where DEBUG and a throw-away secret are fine.
        os.environ.setdefault("BALEKDUSUN_MODE", "demo")
    from django.core.exceptions import ImproperlyConfigured

    try:
        from django.core.management import execute_from_command_line

        execute_from_command_line(argv)
    except ImproperlyConfigured as exc:
        print(f"balekdusun: configuration error: {exc}", file=sys.stderr)
        raise SystemExit(2) from None


if __name__ == "__main__":
    main()
