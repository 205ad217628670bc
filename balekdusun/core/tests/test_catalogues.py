"""The Indonesian catalogues agree with each other and are complete.

Django merges every app's catalogue into one: when two apps translate the same msgid differently, one of them
silently wins on every page (the stock form's "Record" button read "Data", the audit log's column word). A
message that means different things in two places needs a context (`pgettext`, `{% translate ... context %}`).
"""

import ast
import re
from collections import defaultdict
from pathlib import Path

import balekdusun

ROOT = Path(balekdusun.__file__).parent
_LINE = re.compile(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?) (".*")$')


def read_po(path: Path) -> list[dict]:
    """Entries of a .po file as {keyword: text, "fuzzy": bool}; obsolete entries and the header left out."""
    entries = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        fields, key, fuzzy = {}, None, False
        for line in block.splitlines():
            if line.startswith("#,") and "fuzzy" in line:
                fuzzy = True
            match = _LINE.match(line)
            if match:
                key = match.group(1)
                fields[key] = ast.literal_eval(match.group(2))
            elif line.startswith('"') and key:
                fields[key] += ast.literal_eval(line)
        if fields.get("msgid"):
            fields["fuzzy"] = fuzzy
            entries.append(fields)
    return entries


def catalogues(root: Path = ROOT) -> dict[str, Path]:
    found = {p.parts[-5]: p for p in root.glob("*/locale/id/LC_MESSAGES/django.po")}
    found["lib"] = root / "locale/id/LC_MESSAGES/django.po"
    return found


def translations(root: Path = ROOT) -> dict[tuple[str, str], dict[str, str]]:
    """(context, msgid) -> {app: Indonesian text} over every catalogue."""
    seen = defaultdict(dict)
    for app, path in catalogues(root).items():
        for entry in read_po(path):
            text = entry.get("msgstr", entry.get("msgstr[0]", ""))
            seen[(entry.get("msgctxt", ""), entry["msgid"])][app] = text
    return seen


def test_the_catalogues_are_found():
    assert {"core", "campaigns", "materials", "visits", "cases", "portal", "reports", "lib"} <= set(catalogues())
    assert len(translations()) > 1000


def test_one_msgid_has_one_indonesian_translation_in_every_catalogue():
    clashes = {key: apps for key, apps in translations().items() if len(set(apps.values())) > 1}
    assert clashes == {}, "same msgid translated differently (give one a context or make them agree)"


def test_every_message_is_translated_and_none_is_fuzzy():
    missing = [(app, e["msgid"]) for app, path in catalogues().items() for e in read_po(path)
               if e["fuzzy"] or not e.get("msgstr", e.get("msgstr[0]", "")).strip()]
    assert missing == []


def test_the_clash_check_sees_a_clash(tmp_path):
    # The check above must be able to fail: two catalogues that disagree on "Record" are reported.
    for app, text in (("core", "Data"), ("materials", "Catat")):
        po = tmp_path / app / "locale/id/LC_MESSAGES/django.po"
        po.parent.mkdir(parents=True)
        po.write_text(f'msgid ""\nmsgstr ""\n\nmsgid "Record"\nmsgstr "{text}"\n', encoding="utf-8")
    (tmp_path / "locale/id/LC_MESSAGES").mkdir(parents=True)
    (tmp_path / "locale/id/LC_MESSAGES/django.po").write_text('msgid ""\nmsgstr ""\n', encoding="utf-8")
    assert translations(tmp_path)[("", "Record")] == {"core": "Data", "materials": "Catat"}


def test_pages_show_our_translation_not_another_catalogues(settings):
    """What a page shows is what our catalogue says: Django's own catalogues (contrib.auth's "Password" ->
    "Sandi") and apps listed earlier would otherwise win over an app's msgstr."""
    from django.utils import translation

    wrong = {}
    with translation.override("id"):
        for (context, msgid), apps in translations().items():
            ours = next(iter(apps.values()))
            if "%(" in msgid and msgid.count("%(") != ours.count("%("):
                continue
            shown = translation.pgettext(context, msgid) if context else translation.gettext(msgid)
            if shown != ours:
                wrong[(context, msgid)] = (ours, shown)
    assert wrong == {}
