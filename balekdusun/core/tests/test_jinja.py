"""The Jinja2 templates of the hot pages (lib/jinja.py): their words reach the Indonesian catalogue, the
environment compiles each template once, and the templates ship with the package."""

import re
import tomllib
from pathlib import Path

import pytest
from django.utils import translation

from balekdusun.lib import jinja

PACKAGE = Path(jinja.__file__).resolve().parent.parent
TEMPLATES = sorted(p for p in PACKAGE.glob("*/jinja2/**/*") if p.is_file())
# A call of _("..."), gettext("...") or ngettext("...", "...", n) with literal strings.
CALL = re.compile(r"""\b(?:_|gettext|ngettext)\(\s*(["'])((?:\\.|(?!\1).)*)\1(?:\s*,\s*(["'])((?:\\.|(?!\3).)*)\3)?""")
NOOP = re.compile(r"""gettext_noop\(\s*(["'])((?:\\.|(?!\1).)*)\1""")
# Words whose Indonesian is the English word on purpose (still in the catalogue, with msgstr = msgid).
SAME_IN_INDONESIAN = {"Menu", "Status"}


def template_messages() -> dict[str, str]:
    """msgid -> the template that uses it (plural forms too)."""
    found = {}
    for path in TEMPLATES:
        for match in CALL.finditer(path.read_text()):
            for msgid in (match.group(2), match.group(4)):
                if msgid:
                    found[msgid] = str(path.relative_to(PACKAGE))
    return found


def test_there_are_templates_and_messages():
    names = {str(p.relative_to(PACKAGE)) for p in TEMPLATES}
    assert {"reports/jinja2/reports/figures.html", "reports/jinja2/reports/dashboard_body.html",
            "core/jinja2/core/header.html", "core/jinja2/core/menu.html"} <= names
    assert {"Question", "Sign out", "Menu", "No activity recorded here yet."} <= set(template_messages())


def test_every_word_of_the_templates_is_listed_for_makemessages():
    """makemessages does not read Jinja2 files: each msgid must also be a gettext_noop() in Python."""
    listed = {m.group(2) for py in PACKAGE.rglob("*.py") if "tests" not in py.parts
              for m in NOOP.finditer(py.read_text())}
    missing = {msgid: where for msgid, where in template_messages().items() if msgid not in listed}
    assert not missing, missing


def test_every_word_of_the_templates_is_translated_to_indonesian():
    with translation.override("id"):
        untranslated = {msgid: where for msgid, where in template_messages().items()
                        if translation.gettext(msgid) == msgid and msgid not in SAME_IN_INDONESIAN}
        catalogue = translation.trans_real.translation("id")._catalog
        absent = [msgid for msgid in SAME_IN_INDONESIAN if catalogue.get(msgid) != msgid]
    assert not untranslated, untranslated
    assert not absent, absent


def test_templates_are_compiled_once_and_not_reloaded_outside_debug(settings):
    assert not settings.DEBUG and not jinja.ENV.auto_reload
    assert jinja.ENV.autoescape is True
    assert jinja.template("reports/figures.html") is jinja.template("reports/figures.html")


def test_language_follows_the_active_one_and_values_are_escaped():
    page = jinja.ENV.from_string('{{ _("Sign out") }} {{ x }} {{ n|localize }}')
    with translation.override("id"):
        indonesian = page.render(x="<b>&", n=42.5)
    with translation.override("en"):
        english = page.render(x="<b>&", n=42.5)
    assert english == "Sign out &lt;b&gt;&amp; 42.5"
    assert indonesian == "Keluar &lt;b&gt;&amp; 42,5"


def test_the_templates_ship_in_the_package():
    patterns = tomllib.loads((PACKAGE.parent / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["*"]
    for path in TEMPLATES:
        inside = path.relative_to(PACKAGE / path.relative_to(PACKAGE).parts[0]).as_posix()
        assert any(Path(inside).match(p) or inside.startswith(p.split("/**")[0] + "/") for p in patterns), inside


@pytest.mark.django_db
@pytest.mark.parametrize("language, words", [("id", ["Keluar", "Token"]), ("en", ["Sign out", "Tokens"])])
def test_signed_in_frame_in_both_languages(login, dave, language, words):
    client = login(dave)
    client.cookies["django_language"] = language
    html = client.get("/").content.decode()
    for word in words:
        assert word in html
    assert html.count('class="lang inline"') == 1 and '<details class="menu">' in html
