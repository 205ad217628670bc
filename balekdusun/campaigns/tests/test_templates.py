"""Every import template the product offers, downloaded and imported as it is: it must import cleanly."""

import csv
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver

from balekdusun.campaigns.models import Household, MigrationStat
from balekdusun.portal.models import Agency, JobOpening

VILLAGE = "16.02.08.2017"

# url name of the template -> (template url kwargs, import page url, extra POST fields, file field, what it creates)
TEMPLATES = {
    "campaigns:migration_template": ({}, "/planning/migration/", {}, "file", lambda: MigrationStat.objects.count()),
    "campaigns:household_template": ({}, f"/planning/villages/{VILLAGE}/households/", {"import": "1"}, "u-file",
                                     lambda: Household.objects.count()),
    "portal:import_template:agencies": ({"kind": "agencies"}, "/portal/manage/agencies/import/", {}, "file",
                                        lambda: Agency.objects.count()),
    "portal:import_template:jobs": ({"kind": "jobs"}, "/portal/manage/jobs/import/", {}, "file",
                                    lambda: JobOpening.objects.count()),
}


def _template_routes(resolver=None, prefix=""):
    """Names of every URL that serves an import template (a route ending in `template.<fmt>`)."""
    resolver = resolver or get_resolver()
    for p in resolver.url_patterns:
        if isinstance(p, URLResolver):
            ns = f"{p.namespace}:" if p.namespace else ""
            yield from _template_routes(p, prefix + ns)
        elif isinstance(p, URLPattern) and "template.<" in str(p.pattern):
            yield prefix + p.name


def test_every_template_route_is_tested():
    routes = set(_template_routes())
    tested = {name.split(":import_template:")[0] + ":import_template" if ":import_template:" in name else name
              for name in TEMPLATES}
    assert routes == tested, "a template URL is not covered by test_templates_import_as_downloaded"


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("name", list(TEMPLATES))
def test_templates_import_as_downloaded(login, carol, name, fmt):
    from django.urls import reverse

    kwargs, page, extra, field, count = TEMPLATES[name]
    url_name = name.rsplit(":", 1)[0] if name.startswith("portal:") else name
    client = login(carol)
    r = client.get(reverse(url_name, kwargs={**kwargs, "fmt": fmt}))
    assert r.status_code == 200
    assert r["Content-Disposition"].endswith(f'.{fmt}"')
    body = b"".join(r.streaming_content) if r.streaming else r.content
    _check_columns_line_up(body, fmt)
    before = count()
    upload = SimpleUploadedFile(f"template.{fmt}", body)
    r = client.post(page, {**extra, field: upload})
    errors = r.context["result"].errors if r.context and r.context.get("result") else None
    assert r.status_code == 302, errors or r.content.decode()[:2000]
    assert count() > before


def _check_columns_line_up(body: bytes, fmt: str):
    """No example value under a wrong column: `month` empty or 1-12, `placements` given, and so on."""
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    else:
        sheet = openpyxl.load_workbook(io.BytesIO(body), read_only=True).active
        rows = [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    header, *lines = rows
    assert lines
    for line in lines:
        assert len(line) == len(header)
        row = dict(zip(header, line, strict=True))
        if "month" in row:
            assert row["month"] == "" or 1 <= int(row["month"]) <= 12
            assert row["placements"].isdigit()
