from functools import lru_cache
from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.urls import NoReverseMatch, reverse

from balekdusun.core.roles import has_perm


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


def navigation(request):
    user = getattr(request, "user", None)
    menu = []
    if user is not None and user.is_authenticated:
        for item in _all_items():
            if item.perm and not has_perm(user, item.perm):
                continue
            try:
                url = reverse(item.url_name)
            except NoReverseMatch:
                continue
            menu.append({"label": item.label, "url": url,
                         "active": request.path == url or (url != "/" and request.path.startswith(url))})
    return {"nav_menu": menu, "site_url": settings.SITE_URL, "balekdusun_mode": settings.MODE}
