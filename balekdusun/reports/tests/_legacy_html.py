"""LEGACY COPY (kept only for test_jinja_equivalence.py, deleted with it): The figures block and the dashboard body as HTML, built in Python.

The dashboard is the page everybody opens, and a first view must stay within a few empty requests: Django's
template engine spent more on these ~150 nodes (one lookup, filter and escape each) than the database spent on
the whole page. Every value is escaped here; the SVG charts come from `svg`, which escapes its own text."""

from django.urls import reverse
from django.utils.formats import localize
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_noop

from balekdusun.lib.words import translator
from balekdusun.reports.tests._legacy_svg import escape

# Words used inside the f-strings below, where makemessages (xgettext) does not look: listed here so that they
# reach the catalogue ("Question", "First visit" showed in English on every dashboard).
_EXTRACTED = (gettext_noop("Question"), gettext_noop("First visit"), gettext_noop("Later visits"),
              gettext_noop("Area"), gettext_noop("Outreach days"), gettext_noop("Date"), gettext_noop("Campaign"),
              gettext_noop("Status"), gettext_noop("No outreach days in this village yet."),
              gettext_noop("No activity recorded here yet."))


def _num(value) -> str:
    """A number as the template engine shows it (localized: "42,5" in Indonesian), escaped."""
    return escape(localize(value))


def figures_html(fig, charts) -> str:
    """Headline tiles, charts and the knowledge table of `fig` (stats.Figures) with `charts` (views.charts)."""
    gettext = translator()
    out = ['<ul class="tiles kpis">']
    for label, value, note in charts["tiles"]:
        badge = f' <span class="badge">{escape(note)}</span>' if note else ""
        out.append(f'\n  <li class="tile"><small>{escape(label)}</small><b>{_num(value)}</b>{badge}</li>')
    out.append('\n</ul>\n<div class="charts">\n  <div class="card">')
    out.append(charts["outcomes"])
    out.append("</div>\n")
    if fig.trend:
        out.append(f'  <div class="card">{charts["trend"]}</div>\n')
    out.append(f'  <div class="card">{charts["knowledge"]}\n    <div class="table-wrap"><table><thead><tr>'
               f'<th>{escape(gettext("Question"))}</th><th class="num">{escape(gettext("First visit"))}</th>'
               f'<th class="num">{escape(gettext("Later visits"))}</th></tr></thead>\n    <tbody>')
    for k in fig.knowledge:
        cells = []
        for share, n in ((k["first"], k["first_n"]), (k["later"], k["later_n"])):
            cells.append(f'<td class="num">{_num(share)}% <small>(n={_num(n)})</small></td>' if share is not None
                         else '<td class="num">—</td>')
        out.append(f'<tr><td>{escape(k["label"])}</td>{"".join(cells)}</tr>')
    out.append("</tbody></table></div>\n  </div>\n")
    if fig.countries:
        out.append(f'  <div class="card">{charts["countries"]}{charts["procedural"]}</div>\n')
    if fig.materials:
        out.append(f'  <div class="card">{charts["materials"]}</div>\n')
    out.append("</div>\n")
    return mark_safe("".join(out))


CHILD_COLUMNS = [gettext_noop("Households known"), gettext_noop("Reached"), gettext_noop("Coverage"),
                 gettext_noop("Visits"), gettext_noop("Contact rate"), gettext_noop("Migrant households"),
                 gettext_noop("Cases")]


def dashboard_body_html(fig, charts, *, children, child_level, outreaches) -> str:
    """The dashboard below its filters: the figures, then the table of child areas (`children`, from
    `stats.dashboard`), or of a village's outreach days (`outreaches`, a list, or None for an area)."""
    gettext = translator()
    out = [figures_html(fig, charts)]
    if children:
        head = "".join(f'<th class="num">{escape(gettext(c))}</th>' for c in CHILD_COLUMNS)
        out.append(f'<h2>{escape(child_level)}</h2>\n<div class="table-wrap"><table>\n<thead><tr>'
                   f'<th>{escape(gettext("Area"))}</th>{head}</tr></thead>\n<tbody>')
        out += (f'<tr><td><a href="{escape(r["url"])}">{escape(r["name"])}</a></td>'
                + "".join(f'<td class="num">{v if v.__class__ is int else escape(v)}</td>' for v in r["cells"])
                + "</tr>" for r in children)
        out.append("</tbody></table></div>\n")
    elif outreaches is not None:
        out.append(f'<h2>{escape(gettext("Outreach days"))}</h2>\n')
        if outreaches:
            out.append(f'<div class="table-wrap"><table><thead><tr><th>{escape(gettext("Date"))}</th>'
                       f'<th>{escape(gettext("Campaign"))}</th><th>{escape(gettext("Status"))}</th>'
                       f'<th><span class="visually-hidden">{escape(gettext("Action"))}</span></th></tr>'
                       "</thead><tbody>\n")
            report = escape(gettext("Activity report (PDF)"))
            for o in outreaches:
                out.append(f'<tr><td><a href="{reverse("reports:outreach", args=[o.pk])}">{o.date:%d-%m-%Y}</a></td>'
                           f"<td>{escape(o.campaign_name)}</td><td>{escape(o.get_status_display())}</td>"
                           f'<td><a href="{reverse("reports:outreach_pdf", args=[o.pk])}">{report}</a></td></tr>')
            out.append("\n</tbody></table></div>\n")
        else:
            out.append(f'<p>{escape(gettext("No outreach days in this village yet."))}</p>\n')
    else:
        out.append(f'<p>{escape(gettext("No activity recorded here yet."))}</p>\n')
    return mark_safe("".join(out))
