"""balekdusun import_migration FILE: load PMI-origin figures from CSV or XLSX, all or nothing."""

import os

from django.core.management.base import BaseCommand, CommandError

from balekdusun.campaigns.imports import import_migration


class Command(BaseCommand):
    help = "Import PMI-origin figures (MigrationStat) from a .csv or .xlsx file. Nothing is written if any row is bad."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--source", default="", help="Where the figures come from (stored with each row).")
        parser.add_argument("--no-progress", action="store_true", help="Do not draw a progress bar.")

    def handle(self, *args, file, source, no_progress, **options):
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        if not os.path.isfile(file):
            raise CommandError(f"{file}: no such file")
        is_csv = not file.lower().endswith(".xlsx")
        total = os.path.getsize(file) if is_csv else None
        if not is_csv:
            from openpyxl import load_workbook

            book = load_workbook(file, read_only=True)
            total = book.worksheets[0].max_row
            book.close()
        console = Console(file=self.stderr._out, force_terminal=None)
        progress = Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                            TextColumn("{task.percentage:>3.0f}%"), TimeRemainingColumn(), console=console,
                            disable=no_progress, transient=False)
        with progress, open(file, "rb") as fh:
            task = progress.add_task("bytes" if is_csv else "rows", total=total)
            result = import_migration(fh, os.path.basename(file), source=source,
                                      progress=lambda done: progress.update(task, completed=done))
            progress.update(task, completed=total)
        if not result.ok:
            for error in result.errors:
                self.stderr.write(str(error))
            if result.truncated:
                self.stderr.write("… more errors not shown")
            raise CommandError(f"{len(result.errors)}{'+' if result.truncated else ''} error(s); nothing imported.")
        self.stdout.write(f"Imported {result.created} rows from {file}.")
