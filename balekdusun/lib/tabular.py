"""Streaming CSV/XLSX reading with errors by line and column, shared by the campaigns and portal imports.

Files are read row by row (CSV decoded line by line over a byte-counting stream; openpyxl in read-only mode), so a
50,000-row file never sits in memory. Importers write valid rows inside one transaction and roll it back at the end
if any row was bad: all or nothing, with every problem reported (up to a limit) in one pass.

The messages are translated in the project-level catalogue, balekdusun/locale (settings.LOCALE_PATHS; lib/ is no app),
extracted and filled by `make lib-messages` (see docs/architecture.md).
"""

from __future__ import annotations

import codecs
import csv
import datetime
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

MAX_ERRORS = 200
EXTRA = "__extra__"  # key of a row's cells beyond the header's columns
SAMPLE_CHARS = 4096  # text the CSV dialect is guessed from

_BARE_CR = re.compile(r"(?<=\r)(?!\n)")


@dataclass
class RowError:
    line: int  # 0: the file as a whole (wrong type, unreadable)
    column: str
    message: str

    def __str__(self):
        if not self.line:
            return self.message
        if self.column:
            return _("Line %(line)d, column %(column)s: %(message)s") % {
                "line": self.line, "column": self.column, "message": self.message}
        return _("Line %(line)d: %(message)s") % {"line": self.line, "message": self.message}


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
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


def _text_lines(stream) -> Iterator[str]:
    """The stream's lines as text, each decoded on its own so a byte that is not UTF-8 is named by its line.

    Lines end at \\n, \\r\\n or a bare \\r (old spreadsheet exports), as with open(newline=""); a UTF-8 byte-order
    mark is dropped.
    """
    number = 0
    for data in stream:  # a BufferedReader yields lines ending at b"\n", which never falls inside a UTF-8 character
        if number == 0 and data.startswith(codecs.BOM_UTF8):
            data = data[len(codecs.BOM_UTF8):]
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = number + 1 + data[:exc.start].count(b"\r") - data[:exc.start].count(b"\r\n")
            raise FileProblem(_("The file is not UTF-8 text. Save it as “CSV UTF-8” and try again."),
                              line=line) from None
        for piece in _BARE_CR.split(text) if "\r" in text else (text,):
            if piece:
                number += 1
                yield piece


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat(" ")
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return str(value)


def read_rows(fileobj, filename: str, *, progress: Callable[[int], None] | None = None
              ) -> tuple[list[str], Iterator[tuple[int, dict]]]:
    """(header, iterator of (line number, {column: text})). `progress(bytes_or_rows_done)` is called as it goes.

    Header names are lower-cased with spaces as underscores. Line numbers count the header as line 1, as
    spreadsheet programs show them; empty lines are skipped. Cells past the header's columns come under EXTRA.
    Raises FileProblem here for a wrong file type, an empty file or bytes that are not UTF-8, and from the
    iterator for a problem further down the file.
    """
    kind = kind_of(filename)
    if kind == "csv":
        counter = _CountingReader(fileobj)
        lines = _text_lines(io.BufferedReader(counter, 64 * 1024))
        head: list[str] = []
        size = 0
        for text in lines:
            head.append(text)
            size += len(text)
            if size >= SAMPLE_CHARS:
                break
        sample = "".join(head)
        if not sample.strip():
            raise FileProblem(_("The file is empty."))
        reader = csv.reader(_chain(head, lines), _dialect(sample, head[0]))
        try:
            header = _clean_header(next(reader))
        except StopIteration:
            raise FileProblem(_("The file is empty.")) from None
        except csv.Error as exc:
            raise FileProblem(_("Broken CSV: %(e)s") % {"e": exc}) from None

        def rows():
            line = 1
            try:
                for cells in reader:
                    line += 1
                    if not any(c.strip() for c in cells):
                        continue
                    if len(cells) > len(header):
                        yield line, {EXTRA: cells[len(header):], **dict(zip(header, cells, strict=False))}
                    else:
                        yield line, dict(zip(header, cells, strict=False))
                    if progress and line % 500 == 0:
                        progress(counter.count)
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
            values = [_cell_text(c) for c in cells]
            if not any(v.strip() for v in values):
                continue
            extra = [v for v in values[len(header):] if v.strip()]
            row = dict(zip(header, values, strict=False))
            if extra:
                row[EXTRA] = extra
            yield line, row
            if progress and line % 500 == 0:
                progress(line)
        if progress:
            progress(line)
        book.close()

    return header, xrows()


def _dialect(sample: str, first_line: str):
    """Comma, semicolon or tab, guessed from the sample; from the header line alone when rows disagree."""
    for text in (sample, first_line):
        try:
            return csv.Sniffer().sniff(text, delimiters=",;\t")
        except csv.Error:
            continue
    return csv.excel


def _chain(head: list[str], rest: Iterator[str]) -> Iterator[str]:
    yield from head
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
