from functools import lru_cache
from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from balekdusun.core.roles import role_has_perm

CURRENT = mark_safe(' aria-current="page"')  # a constant, no user input


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


def navigation(request):
    user = getattr(request, "user", None)
    menu = []
    if user is not None and user.is_authenticated and user.is_active:
        path = request.path
        menu = [{"label": label, "url": url, "active": path == url or (url != "/" and path.startswith(url))}
                for label, url in _menu_for(user.role, get_language())]
    # Rendered once here: the layout shows the same links twice (folding menu on phones, a row on wide screens).
    links = format_html("<ul>{}</ul>", format_html_join(
        "", '<li><a href="{}"{}>{}</a></li>',
        ((m["url"], CURRENT if m["active"] else "", m["label"]) for m in menu)))
    return {"nav_menu": menu, "nav_links": links, "site_url": settings.SITE_URL, "balekdusun_mode": settings.MODE}
