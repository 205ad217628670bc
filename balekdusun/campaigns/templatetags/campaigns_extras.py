from django import template

register = template.Library()


@register.filter
def get(mapping, key):
    return mapping.get(key, "") if hasattr(mapping, "get") else ""


@register.filter
def country(code):
    """A destination's name ("MY" -> "Malaysia"); the figures' catch-all "OTHER" reads "other countries"."""
    from django.utils.translation import gettext

    from balekdusun.lib.countries import country_name

    if str(code).upper() in ("OTHER", "XX"):
        return gettext("other countries")
    return country_name(code)
