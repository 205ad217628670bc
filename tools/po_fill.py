"""Fill empty msgstr entries of a .po file from a Python dict file, for developers adding translations.

    python tools/po_fill.py balekdusun/core/locale/id/LC_MESSAGES/django.po translations.py

`translations.py` holds `T = {"English msgid": "Indonesian msgstr", ...}`. Entries already translated are kept;
the header's fuzzy flag is dropped and Indonesian gets its single plural form.
"""

import ast
import re
import sys


def _unquote(lines):
    return "".join(ast.literal_eval(line.split(" ", 1)[1] if not line.startswith('"') else line) for line in lines)


def _quote(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _unfuzzy(line):
    if line.startswith("#,"):
        flags = [f.strip() for f in line[2:].split(",") if f.strip() != "fuzzy"]
        return "#, " + ", ".join(flags)
    return line


def fill(po_path, mapping):
    blocks = open(po_path, encoding="utf-8").read().split("\n\n")
    out, filled = [], 0
    for i, block in enumerate(blocks):
        lines = block.split("\n")
        if i == 0:
            lines = [ln for ln in lines if ln != "#, fuzzy"]
            lines = [re.sub(r'"Plural-Forms: .*\\n"', r'"Plural-Forms: nplurals=1; plural=0;\\n"', ln)
                     if "/id/" in po_path else ln for ln in lines]
            out.append("\n".join(lines))
            continue
        try:
            mi = next(j for j, ln in enumerate(lines) if ln.startswith("msgid "))
            si = next(j for j, ln in enumerate(lines) if ln.startswith("msgstr"))
        except StopIteration:
            out.append(block)
            continue
        msgid = _unquote(lines[mi:si])
        fuzzy = any(ln.startswith("#,") and "fuzzy" in ln for ln in lines)
        if fuzzy and msgid in mapping:
            # makemessages guessed from a similar message; a fuzzy entry is not compiled, so treat it as empty.
            lines = [_unfuzzy(ln) for ln in lines if ln != "#, fuzzy" and not ln.startswith("#| ")]
            si = next(j for j, ln in enumerate(lines) if ln.startswith("msgstr"))
            lines = lines[:si] + ['msgstr ""']
        # msgstr may span several lines up to the end of the block.
        msgstr = _unquote([ln for ln in lines[si:] if ln.startswith(("msgstr", '"'))]) \
            if not lines[si].startswith("msgstr[") else None
        if msgstr == "" and msgid in mapping:
            lines = lines[:si] + [f"msgstr {_quote(mapping[msgid])}"]
            lines = [ln for ln in lines if ln != "#, fuzzy"]
            filled += 1
        elif msgstr is None and msgid in mapping and "/id/" in po_path:
            lines = [ln for ln in lines[:si]] + [f"msgstr[0] {_quote(mapping[msgid])}"]
            filled += 1
        out.append("\n".join(lines))
    open(po_path, "w", encoding="utf-8").write("\n\n".join(out))
    return filled


if __name__ == "__main__":
    namespace = {}
    exec(open(sys.argv[2], encoding="utf-8").read(), namespace)
    print(f"{fill(sys.argv[1], namespace['T'])} entries filled")
