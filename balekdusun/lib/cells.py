"""Cells of every CSV and XLSX file the product writes, made safe to open in a spreadsheet program.

Text typed by the public (the portal's help form), by officers at the door or in an imported file may start with
`=`, `+`, `-` or `@` (or a tab / carriage return before one): a spreadsheet program would run it as a formula
(CSV injection: `=HYPERLINK(...)` exfiltrating the neighbouring cells, `=cmd|...` on old Excel). Such a text cell
is written with a leading apostrophe, which spreadsheet programs show as plain text. Numbers stay numbers: real
numbers (ints, floats) are not text, and a text that is only a signed number or an international phone number
(`-3.5`, `+6281234567890`) cannot be a formula, so it is left as it is.

Every writer calls `cell()` / `row()` (reports/exports.py, cases/exports.py, lib/import_template.py); a new
export must too (its test: every export is checked by `reports/tests/test_formula_injection.py`).
"""

import re

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d+)?|\.\d+)$")


def cell(value):
    """`value` as safe to write: text that would start a formula gets a leading apostrophe."""
    if not isinstance(value, str) or not value.startswith(TRIGGERS) or _NUMBER.match(value):
        return value
    return "'" + value


def row(values) -> list:
    return [cell(v) for v in values]
