"""LEGACY COPY (kept only for test_jinja_equivalence.py, deleted with it): What every page's frame needs (settings.TEMPLATES context processor `navigation`).

The frame (brand, menu, language switch, who is signed in, sign-out) is the same on every staff page, so it is
built here in Python from pieces cached per role and language, rather than by some forty template nodes per
page. It is built lazily: a template that does not show `layout_header` costs nothing.
"""

from functools import lru_cache, partial
from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.middleware.csrf import get_token
from django.urls import NoReverseMatch, reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext

from balekdusun.core.nav import GROUPS
from balekdusun.core.roles import role_has_perm

CURRENT = ' aria-current="page"'  # a constant, no user input


@lru_cache(maxsize=1)
def _all_items():
    items = []
    for config in apps.get_app_configs():
        if not config.name.startswith("balekdusun."):
            continue
        try:
            module = import_module(f"{config.name}.nav")
        except ModuleNotFoundError:
            continue
        items.extend(getattr(module, "ITEMS", []))
    return sorted(items, key=lambda item: item.order)


@lru_cache(maxsize=64)
def _menu_for(role: str, language: str) -> tuple[tuple[str, str, str], ...]:
    """(group, label, url) of the menu entries a role may use, grouped in the order of GROUPS. Entries and URLs
    never change while the process runs, so each signed-in page only marks the current one instead of resolving
    ~30 URLs again."""
    order = {key: i for i, key in enumerate(GROUPS)}
    menu = []
    for item in _all_items():
        if item.perm and not role_has_perm(role, item.perm):
            continue
        try:
            url = reverse(item.url_name)
        except NoReverseMatch:
            continue
        group = item.group if item.group in GROUPS or item.group == "" else "more"
        menu.append((group, str(item.label), url))
    menu.sort(key=lambda entry: -1 if entry[0] == "" else order[entry[0]])  # stable: keeps `order` inside a group
    return tuple(menu)


def _active(menu, path: str) -> int | None:
    """Index of the one entry the page belongs to: its own URL, else the longest entry URL the path lies below
    (/cases/board/ is "Case board", not also "Cases")."""
    best, best_len = None, -1
    for i, (_group, _label, url) in enumerate(menu):
        if (path == url or (url != "/" and path.startswith(url))) and len(url) > best_len:
            best, best_len = i, len(url)
    return best


def _link(i: int, label: str, url: str, active: int | None) -> str:
    return f'<li><a href="{escape(url)}"{CURRENT if i == active else ""}>{escape(label)}</a></li>'


@lru_cache(maxsize=512)
def _menu_html(role: str, language: str, active: int | None) -> str:
    """The signed-in menu, grouped by task. On phones a folding list of groups with their entries (a closed
    <details> hides its content); on wide screens one row of groups and a second row with the entries of the
    current group. Exactly one entry carries aria-current in each copy."""
    menu = _menu_for(role, language)
    groups: dict[str, list[tuple[int, str, str]]] = {}
    for i, (group, label, url) in enumerate(menu):
        groups.setdefault(group, []).append((i, label, url))
    here = menu[active][0] if active is not None else None
    folded, row, sub = [], [], ""
    for group, entries in groups.items():
        links = "".join(_link(i, label, url, active) for i, label, url in entries)
        if group == "":
            folded.append(links)
            row.append(links)
            continue
        name = escape(str(GROUPS[group]))
        folded.append(f'<li class="group"><span class="group-name">{name}</span><ul>{links}</ul></li>')
        first_url = escape(entries[0][2])
        mark = ' class="here"' if group == here else ""
        row.append(f'<li><a href="{first_url}"{mark}>{name}</a></li>')
        if group == here:
            sub = f'<ul class="sub" aria-label="{name}">{links}</ul>'
    # Messages outside the f-strings: makemessages does not look inside them.
    main, label = escape(gettext("Main")), escape(gettext("Menu"))
    return (f'<details class="menu">\n      <summary aria-label="{label}">☰ {label}</summary>\n'
            f'      <nav aria-label="{main}"><ul>{"".join(folded)}</ul></nav>\n'
            f'    </details>\n    <nav class="menu-wide" aria-label="{main}"><ul>{"".join(row)}</ul>{sub}</nav>\n    ')


@lru_cache(maxsize=8)
def _frame(language: str) -> dict:
    """URLs and labels of the frame in one language; `{csrf}` and `{next}` are filled in per request."""
    tokens, password, sign_out = escape(gettext("Tokens")), escape(gettext("Password")), escape(gettext("Sign out"))
    two_step = escape(gettext("Two-step sign-in"))
    languages = "".join(
        f'<button type="submit" name="language" value="{escape(code)}" class="link" lang="{escape(code)}">'
        f'{"Bahasa Indonesia" if code == "id" else "English"}</button>'
        for code, _name in settings.LANGUAGES if code != language)
    return {
        "start": f'<a class="brand" href="{escape(reverse("core:home"))}">Balek Dusun</a>\n    ',
        "language": f'<form action="{escape(reverse("set_language"))}" method="post" class="lang inline">'
                    '<input type="hidden" name="csrfmiddlewaretoken" value="{csrf}">\n'
                    '  <input name="next" type="hidden" value="{next}">\n  ' + languages + "\n</form>",
        "account": f'<a href="{escape(reverse("core:tokens"))}">{tokens}</a>\n      '
                   f'<a href="{escape(reverse("core:password_change"))}">{password}</a>\n      '
                   f'<a href="{escape(reverse("core:otp_setup"))}">{two_step}</a>\n      '
                   f'<form method="post" action="{escape(reverse("core:logout"))}" class="inline">'
                   '<input type="hidden" name="csrfmiddlewaretoken" value="{csrf}">'
                   f'<button type="submit" class="link">{sign_out}</button></form>\n    ',
    }


def _signed_in(user) -> bool:
    return user is not None and user.is_authenticated and user.is_active


def _who(user) -> str:
    who = f"{user.display_name} · {user.get_role_display()}"
    if user.office_id:
        who += f" · {user.office.short_name or user.office.name}"
    return escape(who)


def header(request) -> str:
    """The inside of the page's top bar for this request (safe markup)."""
    user = getattr(request, "user", None)
    language = get_language()
    frame = _frame(language)
    csrf = escape(get_token(request))
    out = [frame["start"]]
    if _signed_in(user):
        out.append(_menu_html(user.role, language, _active(_menu_for(user.role, language), request.path)))
    out.append('<div class="account">\n      ')
    out.append(frame["language"].replace("{csrf}", csrf, 1).replace("{next}", escape(request.get_full_path()), 1))
    if _signed_in(user):
        out.append(f'\n      <span class="who">{_who(user)}</span>\n      ')
        out.append(frame["account"].replace("{csrf}", csrf, 1))
    out.append("</div>")
    return mark_safe("".join(out))  # every piece of request or user data above is escaped


def menu(request) -> list[dict]:
    user = getattr(request, "user", None)
    if not _signed_in(user):
        return []
    entries = _menu_for(user.role, get_language())
    active = _active(entries, request.path)
    return [{"group": group, "label": label, "url": url, "active": i == active}
            for i, (group, label, url) in enumerate(entries)]


def navigation(request):
    # Callables: a template calls them only when it shows them.
    return {"layout_header": partial(header, request), "nav_menu": partial(menu, request),
            "site_url": settings.SITE_URL, "balekdusun_mode": settings.MODE}

