from django import template

register = template.Library()


@register.filter
def get(mapping, key):
    """{{ counter|get:"households.reached" }}: dotted keys cannot be read with template dot syntax."""
    try:
        return mapping.get(key, 0)
    except AttributeError:
        return 0
