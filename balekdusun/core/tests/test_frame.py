"""The page frame built in core/context.py: menu, language switch, who is signed in, sign-out."""

import re

import pytest

pytestmark = pytest.mark.django_db


def test_frame_shows_the_user_the_menu_and_working_forms(login, dave):
    client = login(dave)
    html = client.get("/reports/map/").content.decode()
    assert re.search(r'<span class="who">Dave · [^<]+ · BP3MI[^<]*</span>', html)
    # The current page alone is marked (not also the section it lies below), in both copies of the menu.
    assert html.count('<a href="/reports/map/" aria-current="page">') == 2
    assert html.count('aria-current="page"') == 2
    token = client.cookies["csrftoken"].value
    assert len(re.findall(r'name="csrfmiddlewaretoken" value="(\w+)"', html)) == 2
    # The switch goes back to this page; sign-out works with the token the page carries.
    assert '<input name="next" type="hidden" value="/reports/map/">' in html
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    html = client.get("/").content.decode()
    assert "Sign out" in html and 'lang="id">Bahasa Indonesia</button>' in html
    assert token


def test_frame_escapes_the_path_and_the_names(login, dave):
    dave.first_name = '<b>Dave</b>'
    dave.save()
    dave.office.short_name = "A & B"
    dave.office.save()
    html = login(dave).get("/", {"q": '"><script>x</script>'}).content.decode()
    assert "<script>x</script>" not in html and "&lt;b&gt;Dave&lt;/b&gt;" in html and "A &amp; B" in html
    assert re.search(r'<input name="next" type="hidden" value="/\?q=[^"<>]+">', html)


def test_signed_out_pages_have_the_language_switch_only(client):
    html = client.get("/accounts/login/").content.decode()
    assert 'class="lang inline"' in html and 'class="who"' not in html and 'class="menu"' not in html


def test_csrf_token_of_the_frame_is_accepted(dave):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(dave)
    html = client.get("/").content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="(\w+)"', html).group(1)
    response = client.post("/accounts/logout/", {"csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert client.get("/").status_code == 302
