"""Downloadable import templates: a header and example rows, as CSV or XLSX.

Rows are given as dicts keyed by column name and written in the header's order, so an example value can never
slide under the wrong column (the migration-figures template once put its placements under `month`). Every
template the product offers is downloaded and imported as it is by `campaigns/tests/test_templates.py`.
"""

import csv
import io

from django.http import Http404, HttpResponse

from balekdusun.lib import cells

FORMATS = ("csv", "xlsx")


def table(header: list[str], rows: list[dict]) -> list[list[str]]:
    """The header and the rows as lists of strings in the header's order; a row naming an unknown column is a
    programming error, caught by the template tests."""
    out = [cells.row(header)]
    for row in rows:
        unknown = set(row) - set(header)
        if unknown:
            raise ValueError(f"template row names columns not in the header: {sorted(unknown)}")
        out.append(cells.row(str(row.get(name, "")) for name in header))
    return out


def as_csv(header: list[str], rows: list[dict]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(table(header, rows))
    return out.getvalue()


def response(name: str, header: list[str], rows: list[dict], fmt: str) -> HttpResponse:
    """The template as a file download (`fmt`: csv or xlsx; anything else is 404)."""
    if fmt not in FORMATS:
        raise Http404("unknown format")
    if fmt == "xlsx":
        import xlsxwriter

        out = io.BytesIO()
        book = xlsxwriter.Workbook(out, {"in_memory": True})
        sheet = book.add_worksheet()
        for r, values in enumerate(table(header, rows)):
            for c, value in enumerate(values):
                sheet.write_string(r, c, value)
        book.close()
        resp = HttpResponse(out.getvalue(),
                            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    else:
        resp = HttpResponse(as_csv(header, rows), content_type="text/csv; charset=utf-8")
    resp["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return resp
