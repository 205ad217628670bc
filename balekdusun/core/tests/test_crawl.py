"""Every page reachable from the menu renders for every demo role: no server errors, no broken links."""

import re
from io import StringIO

import pytest
from django.core.management import call_command

SKIP = ("logout", "/admin/", "export", "pdf", "/static/", "/media/", "/field/", "/i18n/")
LIMIT = 150


def crawl(client, start="/"):
    seen, queue, problems = set(), [start], []
    while queue and len(seen) < LIMIT:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        resp = client.get(url)
        if resp.status_code >= 500 or resp.status_code == 404:
            problems.append((resp.status_code, url))
            continue
        if resp.status_code != 200 or "html" not in resp.get("Content-Type", ""):
            continue
        for href in re.findall(r'href="([^"#]+)"', resp.content.decode()):
            href = href.replace("&amp;", "&")
            if href.startswith("/") and not href.startswith("//") and not any(s in href for s in SKIP):
                queue.append(href)
    return seen, problems


@pytest.mark.parametrize("username", ["admin", "kepala.sumsel", "koordinator.sumsel", "petugas.sumsel",
                                      "desa.pematangbuluran", "pemantau.sumsel", "kepala.jatim"])
def test_every_linked_page_renders_for_each_role(client, db, username):
    from balekdusun.core.models import User

    call_command("demo", "--no-serve", "--skip-regions", stdout=StringIO())
    client.force_login(User.objects.get(username=username))
    seen, problems = crawl(client)
    assert len(seen) > 5
    assert problems == []
