"""The dashboard body and charts rendered from the Jinja2 templates (reports/html.py, reports/svg.py): the
elements and words of each kind of dashboard in both languages, and every value escaped, SVG text included."""

import datetime as dt
import re

import pytest

from balekdusun.reports import svg
from balekdusun.reports.tests import factories as f

HOSTILE = '<script>alert("x")</script> & \'co\''


def page(client, url, language):
    client.cookies["django_language"] = language
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("language, words", [
    ("id", ["Pertanyaan", "Kunjungan pertama", "Kunjungan berikutnya", "Wilayah", "Rumah tangga terdata"]),
    ("en", ["Question", "First visit", "Later visits", "Area", "Households known", "Contact rate"]),
])
def test_national_and_province_dashboards(login, alice, dave, launch, language, words):
    for user, url, child in ((alice, "/reports/national/", "/reports/area/16/"),
                             (dave, "/reports/area/16/", "/reports/area/16.02/")):
        html = page(login(user), url, language)
        assert html.count('<li class="tile">') == 12 and '<div class="charts">' in html
        assert html.count('<svg class="chart"') >= 4  # outcomes, trend, knowledge, countries, procedural, ...
        assert f'<td><a href="{child}">' in html
        for word in words:
            assert f">{word}<" in html, (url, word)


@pytest.mark.django_db
@pytest.mark.parametrize("language, heading, report", [("id", "Kegiatan", "Laporan kegiatan (PDF)"),
                                                        ("en", "Outreach days", "Activity report (PDF)")])
def test_village_dashboard_lists_its_outreach_days(login, carol, launch, language, heading, report):
    pk = launch["outreach"].pk
    html = page(login(carol), f"/reports/area/{f.VILLAGE}/", language)
    assert f"<h2>{heading}</h2>" in html
    assert f'<a href="/reports/outreach/{pk}/">07-12-2023</a>' in html
    assert f'<a href="/reports/outreach/{pk}/report.pdf">{report}</a>' in html


@pytest.mark.django_db
def test_hostile_names_are_escaped(login, dave, carol, launch):
    from balekdusun.regions.models import Area

    launch["outreach"].campaign.name = HOSTILE
    launch["outreach"].campaign.save()
    Area.objects.filter(code="16.02").update(name=HOSTILE)
    for user, url in ((carol, f"/reports/area/{f.VILLAGE}/"), (dave, "/reports/area/16/")):
        html = page(login(user), url, "id")
        assert "<script>alert" not in html and "&lt;script&gt;alert(" in html, url


def test_svg_text_is_escaped():
    charts = [svg.bars([(HOSTILE, 3), ("b", 1.5, "#fff")], title=HOSTILE, unit="<%>"),
              svg.weekly([(dt.date(2024, 1, 1), {"a": 2})], [("a", HOSTILE)], title=HOSTILE),
              svg.points_map([(-3.3, 104.9, "met")], title=HOSTILE), svg.points_map([], title=HOSTILE)]
    for chart in charts:
        assert chart.startswith("<svg ") and chart.endswith("</svg>")
        assert "<script>" not in chart and "&lt;script&gt;" in chart
        assert not re.search(r"&(?!(amp|lt|gt|#34|#39);)", chart)  # no bare ampersand
    assert "1,5&lt;%&gt;</text>" in charts[0] and 'fill="#fff"' in charts[0]
    assert svg.bars([]) == "" and svg.weekly([], [("a", "A")]) == ""


@pytest.mark.django_db
@pytest.mark.parametrize("language, decimal, malaysia", [("id", ",", "Malaysia"), ("en", ".", "Malaysia")])
def test_shares_in_the_page_number_format_and_destinations_by_name(login, dave, launch, language, decimal,
                                                                    malaysia):
    html = page(login(dave), "/reports/area/16/", language)
    tiles = re.findall(r'<li class="tile"><small>[^<]*</small><b>([^<]*)</b>(?: <span class="badge">([^<]*))?', html)
    shares = [v for tile in tiles for v in tile if v.endswith("%") and v != "—"]
    assert shares, tiles  # the contact rate at least
    wrong = "." if decimal == "," else ","
    assert not [s for s in shares if wrong in s], shares  # "68.3%" beside "43,9%" was one dashboard
    titles = re.findall(r"<title>([^<:]*): \d", html)
    assert malaysia in titles and "MY" not in titles, titles
