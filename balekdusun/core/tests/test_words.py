"""Every page speaks the reader's language: crawled as each demo role (and as a resident on the portal), in
Indonesian and in English, one page per URL pattern, and checked by `wordcheck.problems`."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import Resolver404, resolve

from balekdusun.core.tests.wordcheck import problems, readable_text

SKIP = ("logout", "/admin/", "export", ".pdf", ".txt", ".csv", ".xlsx", "/static/", "/media/", "/field/", "/i18n/",
        "/api/", "download=", "template.", "/file/", "sitemap", "robots")
# The national administrator sees the head's pages for every office: left out to keep the test quick.
ROLES = {"id": ["kepala.sumsel", "koordinator.sumsel", "petugas.sumsel", "desa.pematangbuluran", "pemantau.sumsel"],
         "en": ["kepala.sumsel", "koordinator.sumsel", "petugas.sumsel"]}
# Pages another branch is rebuilding in words (the sync-conflict screen: raw keys, Python values); listed here so
# the rest stays checked, and to be removed when that work is merged.
PENDING = {"visits:conflict"}


def _pattern(url: str) -> str:
    """One page per URL pattern (and per query-string keys): /cases/ABC/ and /cases/DEF/ read the same words."""
    path, _sep, query = url.partition("?")
    try:
        match = resolve(path)
    except Resolver404:
        return url
    keys = ",".join(sorted(k.split("=")[0] for k in query.split("&") if k and not k.startswith("page=")))
    return f"{match.view_name}?{keys}"


def crawl(client, starts, limit=200):
    """{url: problems} of every page reached from `starts`, one per URL pattern."""
    seen_patterns, queue, report, pages = set(), list(starts), {}, 0
    while queue and pages < limit:
        url = queue.pop(0)
        pattern = _pattern(url)
        if pattern in seen_patterns:
            continue
        seen_patterns.add(pattern)
        if pattern.split("?")[0] in PENDING:
            continue
        resp = client.get(url)
        if resp.status_code != 200 or "html" not in resp.get("Content-Type", ""):
            continue
        pages += 1
        html = resp.content.decode()
        language = "en" if client.cookies.get("django_language") and \
            client.cookies["django_language"].value == "en" else "id"
        found = problems(readable_text(html, language), language)
        if found:
            report[url] = found
        for href in re.findall(r'href="([^"#]+)"', html):
            href = href.replace("&amp;", "&")
            if href.startswith("/") and not href.startswith("//") and not any(s in href for s in SKIP):
                queue.append(href)
    return pages, report


@pytest.fixture
def demo(db):
    call_command("demo", "--no-serve", "--skip-regions", stdout=StringIO())


def _client(client, username, language):
    from balekdusun.core.models import User

    client.logout()
    if username:
        client.force_login(User.objects.get(username=username))
    client.cookies["django_language"] = language
    return client


@pytest.mark.parametrize("language", ["id", "en"])
def test_every_page_speaks_the_readers_language(client, demo, language):
    total, report = 0, {}
    for username in ROLES[language]:
        pages, found = crawl(_client(client, username, language), ["/"])
        total += pages
        report.update({f"{username} {url}": p for url, p in found.items()})
    pages, found = crawl(_client(client, None, language), ["/portal/", "/s/unknown1", "/portal/help/"])
    total += pages
    report.update({f"resident {url}": p for url, p in found.items()})
    assert total > 60
    assert report == {}, "\n" + "\n".join(f"{page}: {', '.join(found)}" for page, found in sorted(report.items()))


def test_wordcheck_names_doubled_place_words_and_database_ids():
    assert problems("Rumah 11, RT 003/RW 002, Dusun Dusun II", "id") == ["doubled Dusun Dusun"]
    assert problems("Rumah #1234 sudah dikunjungi", "id") == ["database id #1234"]
    assert problems("Rumah 11, RT 003/RW 002, Dusun II · Prioritas # Desa", "id") == []
