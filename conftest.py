"""Shared fixtures: a small region set and named users (healthchecks style).

alice   national administrator
dave    head of BP3MI Sumatera Selatan
carol   coordinator, Sumatera Selatan
bob     field officer, Sumatera Selatan
dina    village official of Desa Pematang Buluran (16.02.08.2017)
victor  viewer, Sumatera Selatan
charlie field officer, BP3MI Jawa Timur
jane    coordinator, BP3MI Jawa Timur
"""

import pytest

from balekdusun.core.roles import Role

# Villages loaded for tests, besides every province, regency and the districts of Sumatera Selatan and Jawa Timur.
TEST_VILLAGE_PREFIXES = ("16.02.08.", "16.02.23.", "16.02.02.", "35.02.01.")
PASSWORD = "correct-horse-battery"


def load_test_regions():
    from balekdusun.regions import loader, search

    base, villages, postal = loader.read_lokal()
    base = {c: n for c, n in base.items() if c.count(".") < 2 or c.startswith(("16.", "35."))}
    villages = {c: n for c, n in villages.items() if c.startswith(TEST_VILLAGE_PREFIXES)}
    loader.load_areas(list(loader.area_rows(base, villages, postal)))
    loader.load_aliases()
    search.invalidate()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        load_test_regions()


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the site's default language: a request of an earlier test in English leaves English
    active in this thread (the locale middleware activates per request and never resets)."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield


@pytest.fixture(autouse=True)
def _fresh_device_reports():
    """A server process skips writing a device's unchanged report for a while (visits.services.report_device);
    each test starts without the reports an earlier test's rolled-back database no longer holds."""
    from balekdusun.visits import services

    services._last_reports.clear()


@pytest.fixture(autouse=True)
def _regions_for_transactional_tests(request):
    """Transactional tests (live server, browser) end with a flush that empties every table, the session's
    regions included. pytest-django runs them after all other database tests, so each one reloads the small
    region set at its start when an earlier one emptied it. A test marked `django_db(transaction=True)` counts too:
    the marker, not a fixture name, asks for the transactional database there."""
    marker = request.node.get_closest_marker("django_db")
    marked = bool(marker and (marker.kwargs.get("transaction") or (marker.args and marker.args[0])))
    if marked or {"transactional_db", "live_server"} & set(request.fixturenames):
        request.getfixturevalue("transactional_db")
        from balekdusun.regions.models import Area

        if not Area.objects.exists():
            load_test_regions()


@pytest.fixture
def offices(db):
    from balekdusun.core.models import Office

    sumsel = Office.objects.create(name="BP3MI Sumatera Selatan", short_name="BP3MI Sumsel", jurisdiction=["16"],
                                   hotline_phone="0711-000-0000", whatsapp="0811-7000-000", hotline_name="Songket")
    jatim = Office.objects.create(name="BP3MI Jawa Timur", short_name="BP3MI Jatim", jurisdiction=["35"],
                                  hotline_phone="031-000-0000", whatsapp="0811-3000-000")
    return {"sumsel": sumsel, "jatim": jatim}


def _user(username, role, office=None, village=None):
    from balekdusun.core.models import User

    user = User(username=username, first_name=username.title(), role=role, office=office, village_id=village,
                is_staff=role == Role.ADMIN, is_superuser=role == Role.ADMIN, email=f"{username}@example.org")
    user.set_password(PASSWORD)
    user.full_clean()
    user.save()
    return user


@pytest.fixture
def alice(db):
    return _user("alice", Role.ADMIN)


@pytest.fixture
def dave(offices):
    return _user("dave", Role.HEAD, offices["sumsel"])


@pytest.fixture
def carol(offices):
    return _user("carol", Role.COORDINATOR, offices["sumsel"])


@pytest.fixture
def bob(offices):
    return _user("bob", Role.OFFICER, offices["sumsel"])


@pytest.fixture
def dina(offices):
    return _user("dina", Role.VILLAGE, offices["sumsel"], "16.02.08.2017")


@pytest.fixture
def victor(offices):
    return _user("victor", Role.VIEWER, offices["sumsel"])


@pytest.fixture
def charlie(offices):
    return _user("charlie", Role.OFFICER, offices["jatim"])


@pytest.fixture
def jane(offices):
    return _user("jane", Role.COORDINATOR, offices["jatim"])


@pytest.fixture
def login(client):
    """login(user) signs the test client in as that user and returns the client."""

    def _login(user):
        client.force_login(user)
        return client

    return _login


@pytest.fixture
def bearer(db):
    """bearer(user) returns HTTP headers with a fresh API token of that user."""
    from balekdusun.core.models import ApiToken

    def _bearer(user):
        _token, key = ApiToken.issue(user=user, name="test")
        return {"HTTP_AUTHORIZATION": f"Bearer {key}"}

    return _bearer


# --- Browser tests: Playwright driving Debian's chromium -------------------------------------------------------

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage"]


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium per test session (per xdist worker). Tests using it get `pytest.mark.browser`."""
    import os

    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls made by test code are still
    # synchronous and safe here.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser, live_server):
    """A fresh browser context and page; `page.base_url` is the live server's address."""
    context = browser.new_context(base_url=live_server.url, locale="id-ID", viewport={"width": 360, "height": 740})
    # Every browser test also checks that the pages keep their Content-Security-Policy and Permissions-Policy:
    # a blocked script, style, image or feature is reported by the page and fails the test at its end.
    context.add_init_script(
        "addEventListener('securitypolicyviolation', (e) => console.error("
        "'CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber));")
    violations = []
    pg = context.new_page()
    pg.on("console", lambda msg: violations.append(msg.text) if msg.type in ("error", "warning") and any(
        word in msg.text for word in ("CSP violation", "Content Security Policy", "Permissions policy",
                                      "Permissions-Policy")) else None)
    pg.set_default_timeout(10_000)
    pg.base_url = live_server.url
    pg.policy_violations = violations
    yield pg
    context.close()
    assert not violations, f"the page broke its security policies: {violations}"


@pytest.fixture
def browser_login(page):
    """browser_login(user) signs the browser page in through the login form."""

    def _login(user, password=PASSWORD):
        page.goto("/accounts/login/")
        page.fill("input[name=username]", user.username)
        page.fill("input[name=password]", password)
        page.click("main button[type=submit]")
        page.wait_for_url(lambda url: "/accounts/login/" not in url)
        return page

    return _login


def pytest_collection_modifyitems(items):
    # Browser tests share one Chromium per worker; keep them on one xdist worker so only one browser runs.
    for item in items:
        if "page" in getattr(item, "fixturenames", ()) or "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.xdist_group("browser"))
