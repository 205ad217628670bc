"""The guide's walk (core/tests/walk.py) in Chromium on the demo data, as each role: every page opens, has its
heading, logs no browser error, has zero axe-core violations, and is saved as a screenshot. `make panduan` runs this
test with PANDUAN_DIR=docs/panduan to illustrate the user guide; otherwise screenshots go to a temporary folder."""

import base64
import json
import os
import re
from io import StringIO
from pathlib import Path
from urllib.parse import urlparse

import pytest
from django.core.management import call_command
from django.urls import Resolver404, resolve, reverse

from balekdusun.core.tests import walk
from balekdusun.core.tests.wordcheck import problems, readable_text

AXE = Path(__file__).resolve().parents[2] / "portal" / "tests" / "vendor" / "axe.min.js"
BLANK_TILE = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mP8/x8AAwMCAO+ip1sAAAAASUVORK5CYII=")
ACCOUNT = {"core:tokens", "core:password_change", "field:index"}  # the account corner and the app's own link


@pytest.fixture
def demo(transactional_db):
    call_command("demo", "--no-serve", "--skip-regions", stdout=StringIO())


@pytest.fixture
def shots(tmp_path):
    folder = Path(os.environ["PANDUAN_DIR"]) / "img" if os.environ.get("PANDUAN_DIR") else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _check(page, where, errors):
    heading = page.locator("h1").first
    heading.wait_for()
    title = heading.inner_text().strip()
    assert title, f"{where}: empty heading"
    assert not errors, f"{where}: browser errors {errors}"
    language = page.evaluate("document.documentElement.lang") or "id"
    words = problems(readable_text(page.content(), language), language)
    assert not words, f"{where}: {words}"
    page.evaluate(AXE.read_text(encoding="utf-8") + "\n;true")  # not a <script>: the CSP refuses inline ones
    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    bad = [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}" for v in result["violations"]]
    assert not bad, f"{where}: {bad}"
    return title


def _view_name(href):
    try:
        return resolve(urlparse(href).path).view_name
    except Resolver404:
        return None


def _open(page, step):
    """Opens an office or portal page: by following the step's link on the page before, else by its URL name."""
    if step.link:
        hrefs = page.eval_on_selector_all(step.link, "els => els.map(e => e.getAttribute('href'))")
        href = next((h for h in hrefs if _view_name(h) == step.page), None)
        assert href, f"{step.page}: no link to it among {step.link!r} on the page before"
    elif step.page == "portal:sticker":
        from balekdusun.materials.models import Sticker

        href = reverse("portal:sticker", args=[Sticker.objects.filter(household__isnull=False).first().code])
    else:
        href = reverse(step.page)
    response = page.goto(href)
    assert response.status == 200, f"{step.page}: {response.status} at {href}"
    assert _view_name(href) == step.page  # it may redirect (the overdue list is the case list, filtered)
    return href


def _field(page, step, username):
    """The field app's screens, one tap after another, as the officer lives them."""
    from balekdusun.core.demo import DEMO_PASSWORD

    screen = step.page.split(":")[1]
    if screen == "login":
        page.goto("/field/")
        page.wait_for_selector("#app[data-ready='1']")
        page.wait_for_selector("form.login")
    elif screen == "home":
        page.fill("input[name=username]", username)
        page.fill("input[name=password]", DEMO_PASSWORD)
        page.click("form.login button[type=submit]")
        page.wait_for_selector("a[href^='#/turf/']")
    else:
        target = {"walklist": "#/turf/", "household": "#/hh/", "visit": "#/visit/"}[screen]
        page.click(f"a[href^='{target}']")
        page.wait_for_function("() => document.activeElement && document.activeElement.tagName === 'H1'")
    return "/field/" + (page.url.split("#", 1)[1] if "#" in page.url else "")


def _menu_pages(page):
    hrefs = page.eval_on_selector_all("header.top a[href^='/']", "els => els.map(e => e.getAttribute('href'))")
    return {_view_name(href) for href in hrefs} - ACCOUNT - {None}


def test_walk_of_every_role(browser, live_server, demo, shots):
    """One demo for the whole walk (seeding it is the slow part); each role in its own browser context."""
    for role in walk.ROLES:
        _walk(browser, live_server, shots, role)


def _walk(browser, live_server, shots, role):
    from balekdusun.core.demo import DEMO_PASSWORD

    context = browser.new_context(base_url=live_server.url, locale="id-ID", viewport=role.viewport,
                                  has_touch=role.viewport == walk.PHONE)
    # The map's tiles come from the internet, which this machine cannot reach: a blank tile stands in for each.
    context.route(re.compile(r"^https?://(?!localhost|127\.0\.0\.1)"),
                  lambda route: route.fulfill(status=200, content_type="image/png", body=BLANK_TILE))
    page = context.new_page()
    page.set_default_timeout(15_000)
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    manifest = []
    try:
        if role.username:
            page.goto("/accounts/login/")
            page.fill("input[name=username]", role.username)
            page.fill("input[name=password]", DEMO_PASSWORD)
            page.click("main button[type=submit]")
            page.wait_for_url(lambda url: "/accounts/login/" not in url)
        menu = set()
        for number, step in enumerate(role.steps, start=1):
            if step.page.startswith("field:"):
                url = _field(page, step, role.username)
            else:
                url = _open(page, step)
                if role.username:
                    menu |= _menu_pages(page)
            title = _check(page, f"{role.slug} {step.page}", errors)
            image = f"{role.slug}-{number:02d}.jpg"
            page.screenshot(path=str(shots / image), type="jpeg", quality=55)
            manifest.append({"page": step.page, "url": re.sub(r"/[A-Z0-9]{6,}/", "/…/", url), "heading": title,
                             "image": image})
    finally:
        context.close()
    assert [m["page"] for m in manifest] == [s.page for s in role.steps]
    # Every page of this role's menu is explained in some role's guide.
    assert menu <= walk.described_pages(), f"menu pages without a guide entry: {sorted(menu - walk.described_pages())}"
    (shots / f"{role.slug}.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1))
