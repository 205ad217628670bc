"""Walk-list rows, built once and rendered as a page or an A4 PDF (WeasyPrint)."""

from django.template.loader import render_to_string

from balekdusun.campaigns import conf
from balekdusun.campaigns.services import household_visit_summary, needs_visit


def rows(turf) -> list[dict]:
    stops = list(turf.stops.select_related("household").order_by("position"))
    summary = household_visit_summary([s.household_id for s in stops])
    from balekdusun.visits.models import Outcome

    labels = dict(Outcome.choices)
    out = []
    for stop in stops:
        h = stop.household
        info = summary.get(h.pk)
        dusun = h.dusun if h.dusun.lower().startswith("dusun") or not h.dusun else f"Dusun {h.dusun}"
        place = " · ".join(p for p in [dusun,
                                        f"RT {h.rt}" + (f"/RW {h.rw}" if h.rw else "") if h.rt else ""] if p)
        out.append({
            "position": stop.position,
            "household_id": h.pk,
            "place": place,
            "address": h.address,
            "latitude": h.latitude,
            "longitude": h.longitude,
            # A string, not the lazy label: the API serialises these rows too.
            "last_outcome": str(labels.get(info["last_outcome"], "")) if info else "",
            "last_at": info["last_at"] if info else None,
            "visits": info["visits"] if info else 0,
            "priority": needs_visit(info),
        })
    return out


def pdf(turf, request=None) -> bytes:
    from weasyprint import HTML

    from balekdusun.visits.models import Outcome

    html = render_to_string("campaigns/walklist_pdf.html", {
        "turf": turf, "outreach": turf.outreach, "rows": rows(turf), "officers": list(turf.officers.all()),
        "team": list(turf.outreach.team.filter(user__isnull=True)), "outcomes": Outcome.choices,
        "max_attempts": conf.ROUTE_MAX_ATTEMPTS,
    }, request=request)
    return HTML(string=html).write_pdf()


PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2"]


def turf_map_svg(outreach, *, width: int = 640, height: int = 420) -> str:
    """A small SVG of the outreach's turfs: each turf's route as a coloured line through its doors, no tiles,
    so it renders on a phone and prints offline. Empty string when no household has GPS."""
    from django.utils.html import escape

    from balekdusun.campaigns.geo import project
    from balekdusun.campaigns.models import TurfStop

    stops = list(TurfStop.objects.filter(turf__outreach=outreach, household__latitude__isnull=False)
                 .order_by("turf__name", "position")
                 .values_list("turf_id", "turf__name", "household__latitude", "household__longitude"))
    if not stops:
        return ""
    xy = project([(lat, lon) for _t, _n, lat, lon in stops])
    xs, ys = [p[0] for p in xy], [p[1] for p in xy]
    pad = 12
    scale = min((width - 2 * pad) / max(max(xs) - min(xs), 1.0), (height - 2 * pad) / max(max(ys) - min(ys), 1.0))

    def pt(x, y):
        return f"{pad + (x - min(xs)) * scale:.1f},{height - pad - (y - min(ys)) * scale:.1f}"

    turfs: dict[int, tuple[str, list[str]]] = {}
    for (turf_id, name, _lat, _lon), (x, y) in zip(stops, xy, strict=True):
        turfs.setdefault(turf_id, (name, []))[1].append(pt(x, y))
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
             f'class="turf-map" style="width:100%;height:auto;max-width:{width}px;background:#f7f7f4">']
    legend = []
    for i, (name, points) in enumerate(turfs.values()):
        color = PALETTE[i % len(PALETTE)]
        parts.append(f'<polyline points="{" ".join(points)}" fill="none" stroke="{color}" stroke-width="1.2" '
                     f'stroke-opacity="0.7"><title>{escape(name)}</title></polyline>')
        parts.extend(f'<circle cx="{p.split(",")[0]}" cy="{p.split(",")[1]}" r="2.2" fill="{color}"/>'
                     for p in points)
        parts.append(f'<circle cx="{points[0].split(",")[0]}" cy="{points[0].split(",")[1]}" r="5" fill="none" '
                     f'stroke="{color}" stroke-width="2"/>')
        legend.append(f'<text x="{pad}" y="{pad + 12 * (i + 1)}" font-size="11" fill="{color}">'
                      f'■ {escape(name)}</text>')
    parts.extend(legend)
    parts.append("</svg>")
    return "".join(parts)
