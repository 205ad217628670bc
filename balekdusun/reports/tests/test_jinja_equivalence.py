"""TEMPORARY: the dashboard pages rendered by the Jinja2 templates equal those of the Python f-strings they replace
(the legacy modules `_legacy_html`, `_legacy_svg`), in Indonesian and English, apart from whitespace between
tags and the spelling of the quote entities (markupsafe writes &#34; and &#39;, Django &quot; and &#x27;)."""

import re

import pytest

from balekdusun.reports import html as html_module
from balekdusun.reports import views
from balekdusun.reports.tests import _legacy_html, _legacy_svg


def normalize(content: bytes) -> str:
    text = content.decode()
    text = re.sub(r'(name="csrfmiddlewaretoken" value=")\w+"', r'\1TOKEN"', text)
    text = re.sub(r'(csrf[-_]?token["\']?\s*[:=]\s*["\'])[\w-]+', r"\1TOKEN", text, flags=re.I)
    text = re.sub(r'nonce="[^"]*"', 'nonce="N"', text)
    text = text.replace("&#34;", "&quot;").replace("&#39;", "&#x27;")
    text = re.sub(r">\s+<", "><", text)
    return re.sub(r"\s+", " ", text).strip()


def both(client, url, monkeypatch):
    new = client.get(url)
    with monkeypatch.context() as m:
        m.setattr(views, "html", _legacy_html)
        m.setattr(views, "svg", _legacy_svg)
        m.setattr(html_module, "figures_html", _legacy_html.figures_html)
        old = client.get(url)
    assert new.status_code == old.status_code == 200
    return normalize(old.content), normalize(new.content)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["id", "en"])
def test_dashboards_render_as_before(login, alice, dave, carol, launch, language, monkeypatch):
    launch["outreach"].campaign.name = 'Kampanye <script>alert("x")</script> & \'co\''
    launch["outreach"].campaign.save()
    pages = [(alice, "/reports/national/"), (dave, "/reports/area/16/"), (dave, "/reports/area/16/?start=2023-12-01&end=2023-12-31"),
             (carol, "/reports/area/16.02.08.2017/"), (carol, f"/reports/outreach/{launch['outreach'].pk}/")]
    for user, url in pages:
        client = login(user)
        client.cookies["django_language"] = language
        old, new = both(client, url, monkeypatch)
        assert old == new, url
        assert "<svg" in new and "<script>alert" not in new
