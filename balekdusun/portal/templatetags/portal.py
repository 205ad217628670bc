"""Filters for the public pages: phone links and the plain-text markup of information pages."""

import re

import phonenumbers
from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()

_NUMBERED = re.compile(r"^(\d{1,2})[.)]\s+(.*)$")


def _parse(number: str):
    try:
        parsed = phonenumbers.parse(number or "", "ID")
    except phonenumbers.NumberParseException:
        return None
    return parsed if phonenumbers.is_possible_number(parsed) else None


@register.filter
def tel_href(number: str) -> str:
    """'0711-000-0000' -> 'tel:+627110000000'; short service numbers ('0800-1000') are dialled as written."""
    parsed = _parse(number)
    if parsed is not None and len(re.sub(r"\D", "", number)) > 8:
        return "tel:" + phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    digits = re.sub(r"[^\d+]", "", number or "")
    return f"tel:{digits}"


@register.filter
def wa_href(number: str) -> str:
    """A wa.me link: the international number without '+' or separators."""
    parsed = _parse(number)
    if parsed is None:
        return ""
    return "https://wa.me/" + phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164).lstrip("+")


@register.filter
def plain_text(text: str) -> str:
    """Render the information pages' plain text: paragraphs, '- ' bullets, '1. ' steps, '## ' headings.

    Everything is escaped first, so staff text can never inject markup. This stays in Python despite the rule
    that HTML lives in templates (docs/architecture.md): it is a markup formatter, like a Markdown filter, whose
    output follows the structure of the staff's text line by line; there is no page layout here to template.
    """
    html, para, items, kind = [], [], [], None

    def flush_para():
        if para:
            html.append("<p>" + "<br>".join(para) + "</p>")
            para.clear()

    def flush_list():
        nonlocal kind
        if items:
            html.append(f"<{kind}>" + "".join(f"<li>{i}</li>" for i in items) + f"</{kind}>")
            items.clear()
        kind = None

    for raw in (text or "").replace("\r\n", "\n").split("\n"):
        line = raw.strip()
        numbered = _NUMBERED.match(line)
        if not line:
            flush_para()
            flush_list()
        elif line.startswith("## "):
            flush_para()
            flush_list()
            html.append(f"<h2>{escape(line[3:].strip())}</h2>")
        elif line.startswith(("- ", "* ")) or numbered:
            flush_para()
            want = "ol" if numbered else "ul"
            if kind != want:
                flush_list()
                kind = want
            items.append(escape(numbered.group(2) if numbered else line[2:].strip()))
        elif items and raw.startswith(("  ", "\t")):
            items[-1] += "<br>" + escape(line)  # continuation of a list item
        else:
            flush_list()
            para.append(escape(line))
    flush_para()
    flush_list()
    return mark_safe("\n".join(html))
