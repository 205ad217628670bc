"""Fill empty msgstr entries of a .po file from a Python dict file, for developers adding translations.

    python tools/po_fill.py balekdusun/core/locale/id/LC_MESSAGES/django.po tools/translations/core.py

The dict file holds `T = {"English msgid": "Indonesian msgstr", ...}`. A plural entry (ngettext,
``{% blocktranslate count %}``) is keyed by its singular msgid and given a tuple with one text per plural form of
the catalogue's language (Indonesian has one: ``"%(n)s household": ("%(n)s rumah tangga",)``). A string for a
plural entry, a tuple for a singular one, or a tuple of the wrong length stops with an error naming the msgid.

Entries already translated are kept; a fuzzy entry whose msgid is in the dict is translated afresh (makemessages
guessed it from a similar message, and fuzzy entries are not compiled). The header's fuzzy flag is dropped and an
Indonesian catalogue (a path with ``/id/``) gets its single plural form. With ``--update`` (after the two paths) an
entry translated differently from the dict is translated afresh: the dict file is the source of truth
(``make catalogues`` runs it for every app). Messages are matched on msgid alone
(msgctxt is not looked at).
"""

import ast
import re
import sys

_KEYWORD = re.compile(r'(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?) (".*")$')


def _quote(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _unfuzzy(line):
    if line.startswith("#,"):
        flags = [f.strip() for f in line[2:].split(",") if f.strip() != "fuzzy"]
        return "#, " + ", ".join(flags) if flags else None
    return line


def _fields(lines):
    """An entry's texts by keyword (msgid, msgid_plural, msgstr, msgstr[0], ...) and the index of its first
    msgstr line; ({}, None) for a block that is no entry (obsolete ``#~`` entries included)."""
    fields, key, first_msgstr = {}, None, None
    for j, line in enumerate(lines):
        if line.startswith('"') and key:
            fields[key] += ast.literal_eval(line)
            continue
        match = _KEYWORD.match(line)
        key = match[1] if match else None
        if key:
            fields[key] = ast.literal_eval(match[2])
            if key.startswith("msgstr") and first_msgstr is None:
                first_msgstr = j
    if "msgid" not in fields or first_msgstr is None:
        return {}, None
    return fields, first_msgstr


def _translation(mapping, msgid, plural, nplurals):
    """The msgstr line(s) for `msgid` from `mapping`, checked against the entry's kind."""
    value = mapping[msgid]
    if not plural:
        if not isinstance(value, str):
            raise ValueError(f"{msgid!r} is a singular message; give a string, not {type(value).__name__}")
        return [f"msgstr {_quote(value)}"]
    if not isinstance(value, tuple) or len(value) != nplurals or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{msgid!r} is a plural message; give a tuple of {nplurals} string(s) "
                         f"(one per plural form), not {value!r}")
    return [f"msgstr[{k}] {_quote(form)}" for k, form in enumerate(value)]


def fill(po_path, mapping, update=False):
    """Fill `po_path` in place from `mapping`; returns how many entries were filled. With `update`, an entry
    translated differently from `mapping` is translated afresh too (the dict file is the source of truth)."""
    po_path = str(po_path)
    blocks = open(po_path, encoding="utf-8").read().split("\n\n")
    out, filled, nplurals = [], 0, 2
    for i, block in enumerate(blocks):
        lines = block.split("\n")
        if i == 0:
            lines = [ln for ln in lines if ln != "#, fuzzy"]
            lines = [re.sub(r'"Plural-Forms: .*\\n"', r'"Plural-Forms: nplurals=1; plural=0;\\n"', ln)
                     if "/id/" in po_path else ln for ln in lines]
            found = re.search(r"nplurals\s*=\s*(\d+)", "\n".join(lines))
            nplurals = int(found[1]) if found else nplurals
            out.append("\n".join(lines))
            continue
        fields, si = _fields(lines)
        msgid = fields.get("msgid")
        if msgid and msgid in mapping:
            fuzzy = any(ln.startswith("#,") and "fuzzy" in ln for ln in lines)
            empty = not any(text for key, text in fields.items() if key.startswith("msgstr"))
            current = [text for key, text in sorted(fields.items()) if key.startswith("msgstr")]
            wanted = mapping[msgid]
            changed = update and current != (list(wanted) if isinstance(wanted, tuple) else [wanted])
            if fuzzy or empty or changed:
                # msgstr lines run to the end of the block; previous-msgid ("#| ") lines go with the fuzzy flag.
                head = [_unfuzzy(ln) for ln in lines[:si] if not (fuzzy and ln.startswith("#| "))]
                lines = [ln for ln in head if ln is not None]
                lines += _translation(mapping, msgid, "msgid_plural" in fields, nplurals)
                filled += 1
        out.append("\n".join(lines))
    open(po_path, "w", encoding="utf-8").write("\n\n".join(out))
    return filled


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--update"]
    namespace = {}
    exec(open(args[1], encoding="utf-8").read(), namespace)
    print(f"{fill(args[0], namespace['T'], update='--update' in sys.argv)} entries filled")
