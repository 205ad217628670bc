"""The field app's shell: one HTML page, its manifest and its service worker, all under /field/ (the scope).

Everything else is static ES modules under /static/field/ and the sync API. The pages need no session: the app
signs in with a device token kept in IndexedDB, so they work offline once the service worker has cached them.
"""

import hashlib
import json
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import require_GET

# Files of the app shell, cached by the service worker on install (the login screen needs all of them offline).
SHELL = [
    "field/app.js", "field/db.js", "field/sync.js", "field/i18n.js", "field/en.js", "field/ui.js", "field/forms.js",
    "field/geo.js", "field/map.js", "field/field.css", "field/icons/icon-192.png", "materials/stickercode.js",
]
VERSION_NOTE = "2"
# Every module the sign-in screen needs, preloaded from the page's head: the browser fetches them all at once
# instead of discovering them import by import (one round trip each: 2 s apiece on a weak signal). Five, so they
# fit the browser's six connections to the server and arrive in one wave; the forms, the map and the sticker-code
# module are imported once the first screen is drawn. The stylesheet is inlined in the page (no request at all).
MODULES = ["field/app.js", "field/db.js", "field/i18n.js", "field/sync.js", "field/ui.js"]
TEMPLATES = Path(__file__).parent / "templates" / "field"


@lru_cache(maxsize=1)
def _version() -> str:
    """Changes whenever a shell file changes, so phones pick up a new service worker (and a fresh cache)."""
    digest = hashlib.sha256(VERSION_NOTE.encode())
    for path in [finders.find(name) for name in SHELL] + [TEMPLATES / "index.html", TEMPLATES / "sw.js"]:
        if path:
            with open(path, "rb") as fh:
                digest.update(fh.read())
    return digest.hexdigest()[:12]


def _shell_urls() -> list[str]:
    urls = [reverse("field:index"), reverse("field:manifest")]
    for name in SHELL:
        urls.append(static(name))
        plain = settings.STATIC_URL + name
        # Modules import each other by plain relative paths; with hashed names in production both are cached.
        if plain not in urls:
            urls.append(plain)
    return urls


@lru_cache(maxsize=1)
def _css() -> str:
    with open(finders.find("field/field.css"), encoding="utf-8") as fh:
        return fh.read()


@require_GET
@gzip_page
@cache_control(no_cache=True)
def index(request):
    # Modules import each other by plain relative paths, so the preloads name the plain paths too (the page's
    # own script is the hashed app.js, which imports ./db.js and the rest unhashed).
    modules = [settings.STATIC_URL + name for name in MODULES if name != "field/app.js"]
    return render(request, "field/index.html", {"version": _version() if not settings.DEBUG else "dev",
                                                 "modules": [static("field/app.js"), *modules],
                                                 "css": _css() if not settings.DEBUG else _css.__wrapped__()})


@require_GET
@cache_control(max_age=3600)
def manifest(request):
    body = {
        "name": "Balek Dusun Lapangan",
        "short_name": "Balek Dusun",
        "description": "Catat kunjungan rumah ke rumah, juga tanpa sinyal.",
        "lang": "id",
        "start_url": reverse("field:index"),
        "scope": reverse("field:index"),
        "display": "standalone",
        "orientation": "portrait",
        "background_color": "#ffffff",
        "theme_color": "#0b6e4f",
        "icons": [
            {"src": static("field/icons/icon-192.png"), "sizes": "192x192", "type": "image/png"},
            {"src": static("field/icons/icon-512.png"), "sizes": "512x512", "type": "image/png",
             "purpose": "any maskable"},
        ],
    }
    return HttpResponse(json.dumps(body, ensure_ascii=False), content_type="application/manifest+json")


@require_GET
@gzip_page
def service_worker(request):
    version = _version() if not settings.DEBUG else "dev-" + hashlib.sha256(
        str(sorted(_mtimes())).encode()).hexdigest()[:8]
    body = render(request, "field/sw.js", {"version": version, "shell": json.dumps(_shell_urls()),
                                           "index": reverse("field:index")}).content
    response = HttpResponse(body, content_type="text/javascript; charset=utf-8")
    # The browser checks for a new worker on every visit; never let a cache hand it an old one.
    response["Cache-Control"] = "no-cache, max-age=0"
    response["Service-Worker-Allowed"] = reverse("field:index")
    return response


def _mtimes():
    import os

    for name in SHELL:
        path = finders.find(name)
        if path:
            yield name, os.path.getmtime(path)
