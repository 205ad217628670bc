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
