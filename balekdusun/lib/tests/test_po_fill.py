"""tools/po_fill.py, the developers' tool that fills .po catalogues from tools/translations/<app>.py."""

import gettext
import importlib.util
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
_spec = importlib.util.spec_from_file_location("po_fill", ROOT / "tools" / "po_fill.py")
po_fill = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(po_fill)

PO = r'''# SOME DESCRIPTIVE TITLE.
#, fuzzy
msgid ""
msgstr ""
"Language: id\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: nplurals=INTEGER; plural=EXPRESSION;\n"

#: views.py:1
msgid "Save"
msgstr ""

#: templates/x.html:2
#, python-format
msgid "%(n)s household"
msgid_plural "%(n)s households"
msgstr[0] ""
msgstr[1] ""

#: views.py:3
#, fuzzy, python-format
#| msgid "%(n)s worker"
#| msgid_plural "%(n)s workers"
msgid "%(n)s open case"
msgid_plural "%(n)s open cases"
msgstr[0] "%(n)s pekerja"
msgstr[1] "%(n)s pekerja"

#: views.py:4
msgid ""
"A long message that makemessages wrapped "
"over two lines."
msgstr ""

#: views.py:5
msgid "Delete"
msgstr "Hapus"

#: views.py:6
msgid "Not in the dictionary"
msgstr ""
'''

T = {
    "Save": "Simpan",
    "%(n)s household": ("%(n)s rumah tangga",),
    "%(n)s open case": ("%(n)s kasus terbuka",),
    "A long message that makemessages wrapped over two lines.": "Pesan panjang \"dua baris\".",
    "Delete": "Buang",  # already translated: kept as it is
}


@pytest.fixture
def po(tmp_path):
    path = tmp_path / "locale" / "id" / "LC_MESSAGES" / "django.po"
    path.parent.mkdir(parents=True)
    path.write_text(PO, encoding="utf-8")
    return path


def test_fills_singular_plural_and_fuzzy_entries_and_keeps_translations(po):
    assert po_fill.fill(po, T) == 4
    text = po.read_text(encoding="utf-8")
    assert '"Plural-Forms: nplurals=1; plural=0;\\n"' in text and "#, fuzzy" not in text and "#|" not in text
    assert 'msgid_plural "%(n)s households"\nmsgstr[0] "%(n)s rumah tangga"\n\n' in text
    assert 'msgid_plural "%(n)s open cases"\nmsgstr[0] "%(n)s kasus terbuka"\n\n' in text
    assert '#, python-format\nmsgid "%(n)s open case"' in text
    assert 'msgstr "Pesan panjang \\"dua baris\\"."' in text
    assert 'msgid "Delete"\nmsgstr "Hapus"' in text
    assert 'msgid "Not in the dictionary"\nmsgstr ""' in text
    assert po_fill.fill(po, T) == 0 and po.read_text(encoding="utf-8") == text  # a second run changes nothing


def test_update_retranslates_what_the_dictionary_says_differently(po):
    po_fill.fill(po, T)
    assert po_fill.fill(po, T, update=True) == 1  # "Delete": the catalogue's "Hapus" gives way to the dict's "Buang"
    text = po.read_text(encoding="utf-8")
    assert 'msgid "Delete"\nmsgstr "Buang"' in text and 'msgid "Save"\nmsgstr "Simpan"' in text
    assert 'msgid_plural "%(n)s households"\nmsgstr[0] "%(n)s rumah tangga"\n\n' in text
    assert po_fill.fill(po, T, update=True) == 0 and po.read_text(encoding="utf-8") == text


@pytest.mark.skipif(not shutil.which("msgfmt"), reason="needs gettext's msgfmt")
def test_filled_catalogue_compiles_and_ngettext_finds_the_plural(po):
    po_fill.fill(po, T)
    mo = po.with_suffix(".mo")
    result = subprocess.run(["msgfmt", "--check", "--statistics", "-o", str(mo), str(po)],
                            capture_output=True, text=True, check=True)
    assert "5 translated messages, 1 untranslated message." in result.stderr
    with mo.open("rb") as f:
        catalogue = gettext.GNUTranslations(f)
    assert catalogue.ngettext("%(n)s household", "%(n)s households", 1) % {"n": 1} == "1 rumah tangga"
    assert catalogue.ngettext("%(n)s household", "%(n)s households", 7) % {"n": 7} == "7 rumah tangga"
    assert catalogue.gettext("Save") == "Simpan"


@pytest.mark.parametrize("key, value, problem", [
    ("%(n)s household", "%(n)s rumah tangga", "is a plural message"),        # a plural needs a tuple
    ("%(n)s household", ("satu", "banyak"), "is a plural message"),          # Indonesian has one form
    ("Save", ("Simpan",), "is a singular message"),
])
def test_a_translation_of_the_wrong_shape_stops_with_the_msgid(po, key, value, problem):
    with pytest.raises(ValueError, match=problem):
        po_fill.fill(po, {**T, key: value})
    assert po.read_text(encoding="utf-8") == PO
