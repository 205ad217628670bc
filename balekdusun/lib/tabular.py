"""Streaming CSV/XLSX reading with errors by line and column, shared by the campaigns and portal imports.

Files are read row by row (csv over a byte-counting stream; openpyxl in read-only mode), so a 50,000-row file
never sits in memory. Importers write valid rows in chunks inside one transaction and roll it back at the end if
any row was bad: all or nothing, with every problem reported (up to a limit) in one pass.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

MAX_ERRORS = 200


@dataclass
class RowError:
    line: int
    column: str
    message: str

    def __str__(self):
        where = _("line %(line)d") % {"line": self.line}
        if self.column:
            where += ", " + _("column %(col)s") % {"col": self.column}
        return f"{where}: {self.message}"


@dataclass
class ImportResult:
    created: int = 0
    rows: int = 0
    errors: list[RowError] = field(default_factory=list)
    truncated: bool = False  # more errors than MAX_ERRORS were found

    @property
    def ok(self) -> bool:
        return not self.errors

    def add(self, line: int, column: str, message: str) -> None:
        if len(self.errors) >= MAX_ERRORS:
            self.truncated = True
            return
        self.errors.append(RowError(line, column, str(message)))


class FileProblem(Exception):
    """The file as a whole cannot be read (wrong type, empty, broken encoding, wrong header)."""

    def __init__(self, message: str, *, line: int = 1, column: str = ""):
        super().__init__(message)
        self.error = RowError(line, column, message)


class _CountingReader(io.RawIOBase):
    def __init__(self, raw):
        self.raw = raw
        self.count = 0

    def readable(self):
        return True

    def readinto(self, buffer):
        data = self.raw.read(len(buffer))
        n = len(data)
        buffer[:n] = data
        self.count += n
        return n


def kind_of(filename: str) -> str:
    name = (filename or "").lower()
    if name.endswith(".csv") or name.endswith(".txt"):
        return "csv"
    if name.endswith(".xlsx"):
        return "xlsx"
    raise FileProblem(_("Upload a .csv or .xlsx file."), line=0)


def _clean_header(cells) -> list[str]:
    return [str(c or "").strip().lower().replace(" ", "_") for c in cells]


def read_rows(fileobj, filename: str, *, progress: Callable[[int], None] | None = None
              ) -> tuple[list[str], Iterator[tuple[int, dict]]]:
    """(header, iterator of (line number, {column: text})). `progress(bytes_or_rows_done)` is called as it goes.

    Line numbers count the header as line 1, as spreadsheet programs show them.
    """
    kind = kind_of(filename)
    if kind == "csv":
        counter = _CountingReader(fileobj)
        text = io.TextIOWrapper(io.BufferedReader(counter, 64 * 1024), encoding="utf-8-sig", newline="")
        sample = text.read(4096)
        if not sample.strip():
            raise FileProblem(_("The file is empty."))
        try:
            dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        reader = csv.reader(_chain(sample, text), dialect)
        try:
            header = _clean_header(next(reader))
        except (StopIteration, UnicodeDecodeError):
            raise FileProblem(_("The file is empty or not UTF-8 text.")) from None

        def rows():
            line = 1
            try:
                for cells in reader:
                    line += 1
                    if not any(c.strip() for c in cells):
                        continue
                    if len(cells) > len(header):
                        yield line, {"__extra__": cells[len(header):], **dict(zip(header, cells, strict=False))}
                    else:
                        yield line, dict(zip(header, cells, strict=False))
                    if progress and line % 500 == 0:
                        progress(counter.count)
            except UnicodeDecodeError:
                raise FileProblem(_("The file is not UTF-8 text."), line=line + 1) from None
            except csv.Error as exc:
                raise FileProblem(_("Broken CSV: %(e)s") % {"e": exc}, line=line + 1) from None
            if progress:
                progress(counter.count)

        return header, rows()

    from openpyxl import load_workbook

    try:
        book = load_workbook(fileobj, read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - openpyxl raises many kinds for a broken file; all mean "not readable"
        raise FileProblem(_("The file is not a readable .xlsx workbook."), line=0) from None
    sheet = book.worksheets[0]
    it = sheet.iter_rows(values_only=True)
    first = next(it, None)
    if first is None or not any(c not in (None, "") for c in first):
        book.close()
        raise FileProblem(_("The file is empty."))
    header = _clean_header(first)
    while header and header[-1] == "":
        header.pop()

    def xrows():
        line = 1
        for cells in it:
            line += 1
            values = ["" if c is None else (str(int(c)) if isinstance(c, float) and c.is_integer() else str(c))
                      for c in cells]
            if not any(v.strip() for v in values):
                continue
            extra = [v for v in values[len(header):] if v.strip()]
            row = dict(zip(header, values, strict=False))
            if extra:
                row["__extra__"] = extra
            yield line, row
            if progress and line % 500 == 0:
                progress(line)
        if progress:
            progress(line)
        book.close()

    return header, xrows()


def _chain(sample: str, rest) -> Iterator[str]:
    """Lines of `sample` + the rest of the stream, without reading the whole file."""
    buffer = io.StringIO(sample + rest.readline())
    yield from buffer
    yield from rest


def check_header(header: list[str], *, required: list[str], optional: list[str],
                 prefixes: tuple[str, ...] = ()) -> None:
    seen = set()
    for index, name in enumerate(header, start=1):
        column = name or _("column %(n)d") % {"n": index}
        if not name:
            raise FileProblem(_("Column %(n)d has no name.") % {"n": index}, column=column)
        if name in seen:
            raise FileProblem(_("Column “%(c)s” appears twice.") % {"c": name}, column=name)
        seen.add(name)
        if name not in required and name not in optional and not name.startswith(prefixes):
            raise FileProblem(_("Unknown column “%(c)s”. Expected: %(cols)s.") % {
                "c": name, "cols": ", ".join(required + optional + [p + "…" for p in prefixes])}, column=name)
    missing = [c for c in required if c not in seen]
    if missing:
        raise FileProblem(_("Missing column(s): %(cols)s.") % {"cols": ", ".join(missing)}, column=missing[0])


def parse_count(value: str, *, required: bool = False) -> int:
    """A non-negative whole number ("1.250" and "1,250" are thousands separators). ValueError with a message."""
    text = (value or "").strip().replace(" ", "")
    if not text:
        if required:
            raise ValueError(_("A number is required."))
        return 0
    digits = text.replace(".", "").replace(",", "") if len(text) > 4 and text[-4] in ".," else text
    if not digits.isdigit():
        raise ValueError(_("“%(v)s” is not a whole number.") % {"v": value})
    number = int(digits)
    if number > 10_000_000:
        raise ValueError(_("%(v)s is too large.") % {"v": value})
    return number
