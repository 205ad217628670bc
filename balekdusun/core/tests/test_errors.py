"""Error pages: in the site's layout and language, saying what happened and where to go; JSON under /api/."""

import pytest
from django.test import Client, RequestFactory, override_settings

from balekdusun.core import errors

pytestmark = pytest.mark.urls("balekdusun.core.tests.error_urls")


def _client(language=None):
    client = Client(raise_request_exception=False)
    if language:
        client.cookies["django_language"] = language
    return client


def test_404_for_staff_is_in_the_staff_frame_in_indonesian(login, carol):
    resp = login(carol).get("/planning/no-such-page/")
    html = resp.content.decode()
    assert resp.status_code == 404
    assert "Halaman tidak ditemukan" in html
    assert 'class="menu-wide"' in html  # the signed-in frame with its menu
    assert 'href="/"' in html  # a way home
    assert "Not Found" not in html and "We could not find this page" not in html


def test_404_in_english_when_chosen(login, carol):
    client = login(carol)
    client.cookies["django_language"] = "en"
    html = client.get("/planning/no-such-page/").content.decode()
    assert "We could not find this page" in html and "Halaman tidak ditemukan" not in html


def test_404_for_an_anonymous_visitor_offers_sign_in_and_portal(db):
    resp = _client().get("/nowhere/")
    html = resp.content.decode()
    assert resp.status_code == 404
    assert "/accounts/login/" in html and "/portal/" in html
    assert 'class="menu-wide"' not in html


def test_portal_404_is_in_the_portal_frame_and_names_nothing(db):
    resp = _client().get("/portal/jobs/987654/")
    html = resp.content.decode()
    assert resp.status_code == 404
    assert "Halaman tidak ditemukan" in html
    assert "0800-1000" in html  # the portal's footer with the national hotline
    assert "987654" not in html.replace("/portal/jobs/987654/", "")  # the id appears only in the language form
    assert "__portal_csrf_token__" not in html
    assert resp["X-Robots-Tag"] == "noindex"


def test_403_says_why_and_where_to_go(login, bob):
    resp = login(bob).get("/users/")
    html = resp.content.decode()
    assert resp.status_code == 403
    assert "Anda tidak boleh membuka halaman ini" in html
    assert "Peran Anda tidak mengizinkan ini." in html  # the view's own reason, translated
    assert "403 Forbidden" not in html


def test_403_on_the_portal_gives_no_detail(db):
    resp = _client().get("/portal/refuse/")
    assert resp.status_code == 403
    assert "Balek Dusun" in resp.content.decode() and "0800-1000" in resp.content.decode()


def test_400_page(db):
    resp = _client().get("/garbled/")
    assert resp.status_code == 400
    assert "Permintaan tidak dapat dibaca" in resp.content.decode()


def test_500_page_shows_no_internals_and_offers_a_way_on(db):
    resp = _client().get("/boom/")
    html = resp.content.decode()
    assert resp.status_code == 500
    assert "Terjadi kesalahan" in html
    assert "deadbeef" not in html and "RuntimeError" not in html and "Traceback" not in html
    assert 'href="/"' in html


def test_500_on_the_portal_points_at_the_hotline(db):
    html = _client("en").get("/portal/boom/").content.decode()
    assert "Something went wrong" in html and "0800-1000" in html and 'href="/portal/"' in html


def test_500_renders_without_a_database_or_a_user():
    # No `db` fixture: any query here raises, so the page must come from fixed text alone.
    request = RequestFactory().get("/planning/")
    response = errors.server_error(request)
    assert response.status_code == 500
    assert "Terjadi kesalahan" in response.content.decode()


@pytest.mark.parametrize("path,status", [("/api/v1/no-such-endpoint", 404), ("/api/v1/boom/", 500)])
def test_api_errors_stay_json(db, path, status):
    resp = _client().get(path)
    assert resp.status_code == status
    assert resp["Content-Type"].startswith("application/json")  # core.apierrors' shape, not an HTML page
    assert {"detail", "code"} <= set(resp.json())


def test_expired_form_page_is_in_the_frame_and_links_back_only_inside_the_site(db):
    client = Client(enforce_csrf_checks=True)
    resp = client.post("/accounts/login/", {"username": "x", "password": "y"},
                       HTTP_REFERER="https://evil.example/phish")
    html = resp.content.decode()
    assert resp.status_code == 403
    assert "kedaluwarsa" in html and "evil.example" not in html
    resp = client.post("/accounts/login/", {"username": "x", "password": "y"},
                       HTTP_REFERER="http://testserver/accounts/login/")
    assert 'href="http://testserver/accounts/login/"' in resp.content.decode()


@override_settings(DEBUG=False)
def test_portal_expired_form_uses_the_portal_frame(db):
    client = Client(enforce_csrf_checks=True)
    resp = client.post("/portal/help/", {"description": "x"})
    assert resp.status_code == 403
    assert "kedaluwarsa" in resp.content.decode() and "0800-1000" in resp.content.decode()
