"""The figures block and the dashboard body, rendered from Jinja2 templates (`reports/jinja2/reports/`).

The dashboard is the page everybody opens, and a first view must stay within a few empty requests: Django's
template engine spent more on these ~150 nodes (one lookup, filter and escape each) than the database spent on
the whole page, so these two templates are Jinja2's (compiled once per process to Python; `lib/jinja.py`).
Every value is escaped by the templates' autoescape; the SVG charts come from `svg`, whose templates escape
their own text."""

from django.utils.safestring import mark_safe
from django.utils.translation import gettext_noop

from balekdusun.lib.jinja import template
from balekdusun.lib.words import translator

# Words of the Jinja2 templates, where makemessages (xgettext) does not look: listed here so that they reach the
# catalogue ("Question", "First visit" showed in English on every dashboard). core/tests/test_jinja.py checks
# that every word the templates translate is here (or in another module's list) and translated.
_EXTRACTED = (gettext_noop("Question"), gettext_noop("First visit"), gettext_noop("Later visits"),
              gettext_noop("Area"), gettext_noop("Outreach days"), gettext_noop("Date"), gettext_noop("Campaign"),
              gettext_noop("Status"), gettext_noop("Action"), gettext_noop("Activity report (PDF)"),
              gettext_noop("No outreach days in this village yet."),
              gettext_noop("No activity recorded here yet."))


def figures_html(fig, charts) -> str:
    """Headline tiles, charts and the knowledge table of `fig` (stats.Figures) with `charts` (views.charts)."""
    return mark_safe(template("reports/figures.html").render(fig=fig, charts=charts))


CHILD_COLUMNS = [gettext_noop("Households known"), gettext_noop("Reached"), gettext_noop("Coverage"),
                 gettext_noop("Visits"), gettext_noop("Contact rate"), gettext_noop("Migrant households"),
                 gettext_noop("Cases")]


def dashboard_body_html(fig, charts, *, children, child_level, outreaches) -> str:
    """The dashboard below its filters: the figures, then the table of child areas (`children`, from
    `stats.dashboard`), or of a village's outreach days (`outreaches`, a list, or None for an area)."""
    gettext = translator()
    return mark_safe(template("reports/dashboard_body.html").render(
        figures=figures_html(fig, charts), children=children, child_level=child_level, outreaches=outreaches,
        columns=[gettext(c) for c in CHILD_COLUMNS]))
