from django import template

register = template.Library()


@register.filter
def get(mapping, key):
    """{{ counter|get:"households.reached" }}: dotted keys cannot be read with template dot syntax."""
    try:
        return mapping.get(key, 0)
    except AttributeError:
        return 0


@register.simple_tag
def figures(fig, charts):
    """{% figures fig charts %}: the headline tiles, charts and knowledge table (built by `reports.html`)."""
    from balekdusun.reports.html import figures_html

    return figures_html(fig, charts)
