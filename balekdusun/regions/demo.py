"""Regions come from `load_regions`; the demo only checks the launch village is there."""

from django.core.management.base import CommandError

from balekdusun.regions.models import Area


def seed(ctx: dict) -> None:
    for code in ("16.02.08.2017", "35.02.01.2003"):
        if not Area.objects.filter(code=code).exists():
            raise CommandError(f"Area {code} is missing: run `balekdusun load_regions` first.")
