"""What every page's frame needs (settings.TEMPLATES context processor `navigation`).

The frame (brand, menu, language switch, who is signed in, sign-out) is the same on every staff page, so it is
rendered from Jinja2 templates (`core/jinja2/core/header.html`, `menu.html`; `lib/jinja.py`) rather than by some
forty Django template nodes per page: the menu once per role, language and current entry (cached), the rest per
request. It is rendered lazily: a template that does not show `layout_header` costs nothing.
"""

from functools import lru_cache, partial
from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.middleware.csrf import get_token
from django.urls import NoReverseMatch, reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext_noop

from balekdusun.core.nav import GROUPS
from balekdusun.core.roles import role_has_perm
from balekdusun.lib.jinja import template

# Words of the Jinja2 templates header.html and menu.html, where makemessages (xgettext) does not look; checked
# by core/tests/test_jinja.py.
_EXTRACTED = (gettext_noop("Main"), gettext_noop("Menu"), gettext_noop("Tokens"), gettext_noop("Password"),
              gettext_noop("Two-step sign-in"), gettext_noop("Sign out"))


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
    shown = [(group, None if group == "" else str(GROUPS[group]), entries) for group, entries in groups.items()]
    return mark_safe(template("core/menu.html").render(groups=shown, active=active, here=here))


@lru_cache(maxsize=8)
def _frame(language: str) -> dict:
    """The frame's URLs, and the languages to switch to, in one language."""
    return {
        "urls": {"home": reverse("core:home"), "set_language": reverse("set_language"),
                 "tokens": reverse("core:tokens"), "password_change": reverse("core:password_change"),
                 "otp_setup": reverse("core:otp_setup"), "logout": reverse("core:logout")},
        "languages": tuple(code for code, _name in settings.LANGUAGES if code != language),
    }


def _signed_in(user) -> bool:
    return user is not None and user.is_authenticated and user.is_active


def _who(user) -> str:
    who = f"{user.display_name} · {user.get_role_display()}"
    if user.office_id:
        who += f" · {user.office.short_name or user.office.name}"
    return who


def header(request) -> str:
    """The inside of the page's top bar for this request (safe markup: the template escapes every piece of
    request or user data)."""
    user = getattr(request, "user", None)
    language = get_language()
    signed_in = _signed_in(user)
    menu = _menu_html(user.role, language, _active(_menu_for(user.role, language), request.path)) if signed_in else ""
    return mark_safe(template("core/header.html").render(
        **_frame(language), menu=menu, csrf=get_token(request), next=request.get_full_path(),
        who=_who(user) if signed_in else None))


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

