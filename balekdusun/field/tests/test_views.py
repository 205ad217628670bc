import json

from django.contrib.staticfiles import finders


def test_index_is_the_app_shell(client):
    r = client.get("/field/")
    assert r.status_code == 200
    html = r.content.decode()
    assert 'type="module"' in html and "/static/field/app.js" in html and 'rel="manifest"' in html
    assert 'lang="id"' in html


def test_service_worker_scope_and_headers(client):
    r = client.get("/field/sw.js")
    assert r.status_code == 200
    assert r["Content-Type"].startswith("text/javascript")
    assert r["Service-Worker-Allowed"] == "/field/"
    assert "no-cache" in r["Cache-Control"]
    body = r.content.decode()
    shell = json.loads(body.split("const SHELL = ", 1)[1].split(";\n", 1)[0])
    assert "/field/" in shell and "/static/materials/stickercode.js" in shell
    for url in shell:
        if url.startswith("/static/"):
            assert finders.find(url.removeprefix("/static/")), url
    # A changed shell file changes the worker, so phones install the new version.
    assert "bd-field-" in body


def test_manifest_is_installable(client):
    r = client.get("/field/manifest.webmanifest")
    assert r["Content-Type"] == "application/manifest+json"
    data = json.loads(r.content)
    assert data["start_url"] == "/field/" and data["scope"] == "/field/" and data["display"] == "standalone"
    sizes = {icon["sizes"] for icon in data["icons"]}
    assert {"192x192", "512x512"} <= sizes
    for icon in data["icons"]:
        assert finders.find(icon["src"].removeprefix("/static/"))


def test_shell_is_gzipped(client):
    r = client.get("/field/", HTTP_ACCEPT_ENCODING="gzip")
    assert r["Content-Encoding"] == "gzip"


def test_sign_in_form_in_the_page_says_what_the_app_draws(client):
    """The sign-in form comes with the page (typeable before the modules arrive) and app.js's loginScreen() takes
    it over: its words must be the app's own Indonesian strings (i18n.js), or the form changes under the finger."""
    import re
    from html.parser import HTMLParser
    from pathlib import Path

    import balekdusun.field as field

    source = (Path(field.__file__).parent / "static" / "field" / "i18n.js").read_text(encoding="utf-8")
    indonesian = source[source.index("const ID = {"):source.index("};", source.index("const ID = {"))]
    words = dict(re.findall(r'(\w+): "([^"]*)"', indonesian))

    class Form(HTMLParser):
        def __init__(self):
            super().__init__()
            self.inside, self.stack, self.texts = False, [], {}

        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            if tag == "form" and "login" in (attrs.get("class") or ""):
                self.inside = True
            if self.inside:
                self.stack.append((tag, attrs))

        def handle_endtag(self, tag):
            if self.inside and self.stack:
                self.stack.pop()
            if tag == "form":
                self.inside = False

        def handle_data(self, data):
            if self.inside and self.stack and data.strip():
                tag, attrs = self.stack[-1]
                key = tag if tag != "label" else f"label.{attrs.get('class') or ''}"
                self.texts.setdefault(key, []).append(data.strip())

    page = Form()
    page.feed(client.get("/field/").content.decode())
    assert page.texts["h1"] == [words["login"]]
    assert page.texts["button"] == [words["signin"]]
    assert page.texts["label."] == [words["username"], words["password"]]
    assert page.texts["label.otp"] == [words["otp_code"]]
