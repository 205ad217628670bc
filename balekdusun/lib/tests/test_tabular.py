"""The shared CSV/XLSX reader: line numbers, encodings, spreadsheet cells, and its messages' translations."""

import ast
import datetime
import gettext
import io
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation
from openpyxl import Workbook

from balekdusun.lib.tabular import EXTRA, FileProblem, RowError, check_header, read_rows


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def read(data: bytes, name="f.csv"):
    header, rows = read_rows(io.BytesIO(data), name)
    return header, list(rows)


def problem(data: bytes, name="f.csv") -> RowError:
    with pytest.raises(FileProblem) as caught:
        read(data, name)
    return caught.value.error


def test_semicolons_bom_crlf_blank_lines_and_extra_cells():
    header, rows = read(b"\xef\xbb\xbfName;Licence Number\r\nPT A;1\r\n\r\nPT B;\"2\r\n3\"\r\nPT C;4;x\r\n")
    assert header == ["name", "licence_number"]
    assert rows == [(2, {"name": "PT A", "licence_number": "1"}),
                    (4, {"name": "PT B", "licence_number": "2\r\n3"}),
                    (5, {"name": "PT C", "licence_number": "4", EXTRA: ["x"]})]


def test_bare_carriage_returns_end_lines():
    assert read(b"a,b\r1,2\r3,4\r")[1] == [(2, {"a": "1", "b": "2"}), (3, {"a": "3", "b": "4"})]


@pytest.mark.parametrize("data, line", [
    ("a,b\n1,2\n".encode("utf-16"), 1),                                 # a UTF-16 export: its first byte
    (b"a,b\n1,2\n\xe9t\xe9,3\n", 3),                                    # Latin-1 on line 3
    (b"a,b\n" + b"1,2\n" * 5000 + b"3,caf\xe9\n", 5002),                # past the part the dialect is guessed from
    (b"a,b\r1,2\r3,caf\xe9\r", 3),                                      # bare \r line ends
])
def test_bytes_that_are_not_utf8_are_named_by_their_line(data, line):
    error = problem(data)
    assert error.line == line and "not UTF-8" in error.message


@pytest.mark.parametrize("data", [b"", b"  \n\r\n\n"])
def test_empty_file(data):
    error = problem(data)
    assert (error.line, error.message) == (1, "The file is empty.")


def test_other_file_types_are_refused():
    error = problem(b"%PDF-1.7", name="f.pdf")
    assert error.line == 0 and str(error) == "Upload a .csv or .xlsx file."


def test_xlsx_cells_read_as_text_a_form_accepts():
    book = Workbook()
    book.active.append(["Name", "Quota", "Salary", "Closing Date", "Start", None])
    book.active.append([None, None, None, None, None])
    book.active.append(["PT A", 40, 1700.5, datetime.date(2029, 12, 31), datetime.datetime(2030, 1, 2, 7, 30), None])
    book.active.append(["PT B", 2.0, None, None, None, "stray"])
    data = io.BytesIO()
    book.save(data)
    header, rows = read(data.getvalue(), "f.xlsx")
    assert header == ["name", "quota", "salary", "closing_date", "start"]
    assert rows[0] == (3, {"name": "PT A", "quota": "40", "salary": "1700.5", "closing_date": "2029-12-31",
                           "start": "2030-01-02 07:30:00"})
    assert rows[1][0] == 4 and rows[1][1]["quota"] == "2" and rows[1][1][EXTRA] == ["stray"]
    assert problem(b"PK not really", "f.xlsx").line == 0


def test_header_checks_name_the_column():
    with pytest.raises(FileProblem) as caught:
        check_header(["name", "status"], required=["name", "licence_number", "status"], optional=[])
    assert (caught.value.error.column, caught.value.error.message) == ("licence_number",
                                                                      "Missing column(s): licence_number.")


def test_error_text():
    assert str(RowError(4, "quota", "Bad.")) == "Line 4, column quota: Bad."
    assert str(RowError(4, "", "Bad.")) == "Line 4: Bad."
    assert str(RowError(0, "", "Bad.")) == "Bad."
    with translation.override("id"):
        assert str(RowError(4, "quota", "Salah.")) == "Baris 4, kolom quota: Salah."


def _messages_of(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "_":
            found.append(node.args[0].value)
    return found


LIB = Path(__file__).parents[1]


@pytest.mark.parametrize("path", sorted(p for p in LIB.rglob("*.py") if "tests" not in p.relative_to(LIB).parts),
                         ids=lambda p: str(p.relative_to(LIB)))
def test_lib_messages_are_translated_in_the_project_catalogue(path):
    """lib/ is no app: its messages live in the project-level catalogue, balekdusun/locale (settings.LOCALE_PATHS),
    extracted and filled by `make lib-messages` and compiled by `make messages` (see docs/architecture.md)."""
    mo = Path(settings.LOCALE_PATHS[0]) / "id" / "LC_MESSAGES" / "django.mo"
    assert mo.is_file(), f"{mo} is missing: run `make messages`"
    with mo.open("rb") as f:
        catalogue = gettext.GNUTranslations(f)
    messages = _messages_of(path)
    assert [m for m in messages if catalogue.gettext(m) == m] == []
    with translation.override("id"):
        assert [m for m in messages if translation.gettext(m) == m] == []
