"""What every page's frame needs (settings.TEMPLATES context processor `navigation`).

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
def _menu_for(role: str, language: str) -> tuple[tuple[str, str], ...]:
    """(label, url) of the menu entries a role may use. Entries and URLs never change while the process runs,
    so each signed-in page only marks the current one instead of resolving ~30 URLs again."""
    menu = []
    for item in _all_items():
        if item.perm and not role_has_perm(role, item.perm):
            continue
        try:
            url = reverse(item.url_name)
        except NoReverseMatch:
            continue
        menu.append((str(item.label), url))
    return tuple(menu)


def _active(menu, path: str) -> tuple[int, ...]:
    """Indexes of the menu entries the page belongs to (its URL, or one the path lies below)."""
    return tuple(i for i, (_label, url) in enumerate(menu) if path == url or (url != "/" and path.startswith(url)))


@lru_cache(maxsize=512)
def _menu_html(role: str, language: str, active: tuple[int, ...]) -> str:
    """The signed-in menu: folding on phones, a row on wide screens (a closed <details> hides its content)."""
    links = "".join(f'<li><a href="{escape(url)}"{CURRENT if i in active else ""}>{escape(label)}</a></li>'
                    for i, (label, url) in enumerate(_menu_for(role, language)))
    # Messages outside the f-strings: makemessages does not look inside them.
    main, label = escape(gettext("Main")), escape(gettext("Menu"))
    return (f'<details class="menu">\n      <summary aria-label="{label}">☰ {label}</summary>\n'
            f'      <nav aria-label="{main}"><ul>{links}</ul></nav>\n'
            f'    </details>\n    <nav class="menu-wide" aria-label="{main}"><ul>{links}</ul></nav>\n    ')


@lru_cache(maxsize=8)
def _frame(language: str) -> dict:
    """URLs and labels of the frame in one language; `{csrf}` and `{next}` are filled in per request."""
    tokens, password, sign_out = escape(gettext("Tokens")), escape(gettext("Password")), escape(gettext("Sign out"))
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
    return [{"label": label, "url": url, "active": i in active} for i, (label, url) in enumerate(entries)]


def navigation(request):
    # Callables: a template calls them only when it shows them.
    return {"layout_header": partial(header, request), "nav_menu": partial(menu, request),
            "site_url": settings.SITE_URL, "balekdusun_mode": settings.MODE}

