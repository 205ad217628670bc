"""LEGACY COPY (kept only for test_jinja_equivalence.py, deleted with it): Charts as server-rendered SVG (no JavaScript). Each function returns safe markup to put inline in a page
or a PDF; sizes are in a viewBox so the chart scales to a 360 px phone."""

import html

from django.utils.safestring import mark_safe

PALETTE = ["#1f6f8b", "#e07a1f", "#3a9d5d", "#c0392b", "#7d5ba6", "#8c8c8c", "#b8860b", "#2c3e50"]
OUTCOME_COLOURS = {"met": "#3a9d5d", "not_home": "#e0a21f", "refused": "#c0392b", "moved": "#7d5ba6",
                   "vacant": "#8c8c8c", "inaccessible": "#2c3e50", "": "#1f6f8b"}


def escape(text) -> str:
    """Django's escape() without its lazy-string wrapper (the same five characters, the same entities): a chart
    escapes a few hundred labels and numbers."""
    return html.escape(str(text))


def _fmt(n) -> str:
    if isinstance(n, float):
        return f"{n:.1f}".replace(".", ",")
    return f"{n:,}".replace(",", ".")


def bars(rows, *, title: str = "", unit: str = "", colours=None, width: int = 480) -> str:
    """Horizontal bars: rows = [(label, value)] or [(label, value, colour)]."""
    rows = list(rows)
    if not rows:
        return ""
    unit = escape(unit)
    bar_h, gap, label_w, top = 22, 6, 190, 24 if title else 4
    height = top + len(rows) * (bar_h + gap) + 4
    peak = max((r[1] or 0) for r in rows) or 1
    span = width - label_w - 70
    out = [f'<svg class="chart" viewBox="0 0 {width} {height}" width="100%" role="img" '
           f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg" font-family="sans-serif" font-size="12">']
    if title:
        out.append(f'<text x="0" y="15" font-weight="bold" font-size="13">{escape(title)}</text>')
    for i, row in enumerate(rows):
        label, value = row[0], row[1] or 0
        colour = row[2] if len(row) > 2 else (colours or PALETTE)[i % len(colours or PALETTE)]
        y = top + i * (bar_h + gap)
        w = max(1, round(span * value / peak)) if value else 0
        label = str(label)
        short = label if len(label) <= 28 else label[:27] + "…"
        shown = _fmt(value) + unit
        out.append(f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end">{escape(short)}</text>'
                   f'<rect x="{label_w}" y="{y}" width="{w}" height="{bar_h}" fill="{colour}"><title>'
                   f'{escape(label)}: {shown}</title></rect>'
                   f'<text x="{label_w + w + 4}" y="{y + 15}">{shown}</text>')
    out.append("</svg>")
    return mark_safe("".join(out))


def weekly(weeks, series, *, title: str = "", width: int = 480, height: int = 170) -> str:
    """Columns per week for each series: weeks = [(monday, {key: n})], series = [(key, label)]."""
    if not weeks:
        return ""
    top, bottom, left = 24 if title else 6, 30, 36
    plot_h = height - top - bottom
    plot_w = width - left - 6
    peak = max([c.get(k, 0) for _w, c in weeks for k, _l in series] + [1])
    slot = plot_w / len(weeks)
    col = max(1.0, (slot - 2) / len(series))
    out = [f'<svg class="chart" viewBox="0 0 {width} {height + 16}" width="100%" role="img" '
           f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg" font-family="sans-serif" font-size="11">']
    if title:
        out.append(f'<text x="0" y="15" font-weight="bold" font-size="13">{escape(title)}</text>')
    base = top + plot_h
    out.append(f'<line x1="{left}" y1="{base}" x2="{width - 4}" y2="{base}" stroke="#999"/>')
    out.append(f'<text x="{left - 4}" y="{top + 10}" text-anchor="end">{_fmt(peak)}</text>')
    out.append(f'<text x="{left - 4}" y="{base}" text-anchor="end">0</text>')
    step = max(1, len(weeks) // 6)
    names = [(key, escape(str(label)), PALETTE[j % len(PALETTE)]) for j, (key, label) in enumerate(series)]
    for i, (week, counts) in enumerate(weeks):
        x0 = left + i * slot + 1
        day = week.strftime("%d-%m-%Y")
        for j, (key, name, colour) in enumerate(names):
            n = counts.get(key, 0)
            if not n:
                continue
            h = plot_h * n / peak
            out.append(f'<rect x="{x0 + j * col:.1f}" y="{base - h:.1f}" width="{col:.1f}" height="{h:.1f}" '
                       f'fill="{colour}"><title>{day} {name}: {_fmt(n)}</title></rect>')
        if i % step == 0:
            out.append(f'<text x="{x0:.1f}" y="{base + 14}">{week:%d/%m}</text>')
    x = left
    for j, (_key, label) in enumerate(series):
        out.append(f'<rect x="{x}" y="{height + 2}" width="10" height="10" fill="{PALETTE[j % len(PALETTE)]}"/>'
                   f'<text x="{x + 14}" y="{height + 11}">{escape(str(label))}</text>')
        x += 14 + 7 * len(str(label)) + 16
    out.append("</svg>")
    return mark_safe("".join(out))


def points_map(points, *, width: int = 480, height: int = 320, title: str = "") -> str:
    """A small static map of points [(lat, lon, outcome)] (no tiles: the report must print offline).
    Equirectangular projection around the points' bounding box with a scale bar."""
    import math

    points = [(lat, lon, o) for lat, lon, o in points if lat is not None and lon is not None]
    out = [f'<svg class="map" viewBox="0 0 {width} {height}" width="100%" role="img" aria-label="{escape(title)}" '
           f'xmlns="http://www.w3.org/2000/svg" font-family="sans-serif" font-size="11">',
           f'<rect x="0" y="0" width="{width}" height="{height}" fill="#f4f1ea" stroke="#999"/>']
    if not points:
        out.append(f'<text x="{width / 2}" y="{height / 2}" text-anchor="middle">—</text></svg>')
        return mark_safe("".join(out))
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    mid_lat = (min(lats) + max(lats)) / 2
    kx = math.cos(math.radians(mid_lat))
    span_x = max((max(lons) - min(lons)) * kx, 0.002)
    span_y = max(max(lats) - min(lats), 0.002)
    pad = 24
    scale = min((width - 2 * pad) / span_x, (height - 2 * pad - 20) / span_y)
    cx, cy = (min(lons) + max(lons)) / 2, mid_lat

    def xy(lat, lon):
        return width / 2 + (lon - cx) * kx * scale, (height - 20) / 2 - (lat - cy) * scale

    for lat, lon, outcome in points:
        x, y = xy(lat, lon)
        out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{OUTCOME_COLOURS.get(outcome, "#1f6f8b")}" '
                   f'stroke="#fff" stroke-width="0.8"/>')
    # Scale bar: a round number of metres about a quarter of the width.
    metres_per_px = 111_320 / scale
    target = metres_per_px * width / 4
    nice = next((v for v in (10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000) if v >= target), 20000)
    px = nice / metres_per_px
    out.append(f'<line x1="10" y1="{height - 10}" x2="{10 + px:.1f}" y2="{height - 10}" stroke="#333" '
               f'stroke-width="3"/><text x="{14 + px:.1f}" y="{height - 6}">'
               f'{nice if nice < 1000 else nice // 1000} {"m" if nice < 1000 else "km"}</text>')
    out.append(f'<text x="{width - 10}" y="16" text-anchor="end" font-weight="bold">U ↑</text>')
    out.append("</svg>")
    return mark_safe("".join(out))
