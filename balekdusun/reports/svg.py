"""Charts as server-rendered SVG (no JavaScript). Each function returns safe markup to put inline in a page
or a PDF; sizes are in a viewBox so the chart scales to a 360 px phone.

The geometry (positions, bar lengths, the map's projection) is computed here; the markup is in the Jinja2
templates `reports/jinja2/reports/svg/*.svg` (`lib/jinja.py`), whose autoescape escapes every label and title."""

import math

from django.utils.safestring import mark_safe

from balekdusun.lib.jinja import template

PALETTE = ["#1f6f8b", "#e07a1f", "#3a9d5d", "#c0392b", "#7d5ba6", "#8c8c8c", "#b8860b", "#2c3e50"]
OUTCOME_COLOURS = {"met": "#3a9d5d", "not_home": "#e0a21f", "refused": "#c0392b", "moved": "#7d5ba6",
                   "vacant": "#8c8c8c", "inaccessible": "#2c3e50", "": "#1f6f8b"}


def _fmt(n) -> str:
    if isinstance(n, float):
        return f"{n:.1f}".replace(".", ",")
    return f"{n:,}".replace(",", ".")


def bars(rows, *, title: str = "", unit: str = "", colours=None, width: int = 480) -> str:
    """Horizontal bars: rows = [(label, value)] or [(label, value, colour)]."""
    rows = list(rows)
    if not rows:
        return ""
    bar_h, gap, label_w, top = 22, 6, 190, 24 if title else 4
    height = top + len(rows) * (bar_h + gap) + 4
    peak = max((r[1] or 0) for r in rows) or 1
    span = width - label_w - 70
    palette = colours or PALETTE
    shown_rows = []
    for i, row in enumerate(rows):
        label, value = str(row[0]), row[1] or 0
        colour = row[2] if len(row) > 2 else palette[i % len(palette)]
        y = top + i * (bar_h + gap)
        w = max(1, round(span * value / peak)) if value else 0
        short = label if len(label) <= 28 else label[:27] + "…"
        shown_rows.append((y, y + 15, w, label_w + w + 4, colour, short, label, _fmt(value) + unit))
    return mark_safe(template("reports/svg/bars.svg").render(
        width=width, height=height, title=title, rows=shown_rows, label_w=label_w, label_x=label_w - 6,
        bar_h=bar_h))


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
    base = top + plot_h
    step = max(1, len(weeks) // 6)
    names = [(key, str(label), PALETTE[j % len(PALETTE)]) for j, (key, label) in enumerate(series)]
    shown = []
    for i, (week, counts) in enumerate(weeks):
        x0 = left + i * slot + 1
        day = week.strftime("%d-%m-%Y")
        columns = []
        for j, (key, name, colour) in enumerate(names):
            n = counts.get(key, 0)
            if not n:
                continue
            h = plot_h * n / peak
            columns.append((f"{x0 + j * col:.1f}", f"{base - h:.1f}", f"{col:.1f}", f"{h:.1f}", colour, day, name,
                            _fmt(n)))
        shown.append((columns, (f"{x0:.1f}", f"{week:%d/%m}") if i % step == 0 else None))
    legend, x = [], left
    for j, (_key, label) in enumerate(series):
        legend.append((x, PALETTE[j % len(PALETTE)], str(label)))
        x += 14 + 7 * len(str(label)) + 16
    return mark_safe(template("reports/svg/weekly.svg").render(
        width=width, height=height, title=title, left=left, top=top, base=base, peak=_fmt(peak), weeks=shown,
        legend=legend))


def points_map(points, *, width: int = 480, height: int = 320, title: str = "") -> str:
    """A small static map of points [(lat, lon, outcome)] (no tiles: the report must print offline).
    Equirectangular projection around the points' bounding box with a scale bar."""
    points = [(lat, lon, o) for lat, lon, o in points if lat is not None and lon is not None]
    page = template("reports/svg/points_map.svg")
    if not points:
        return mark_safe(page.render(width=width, height=height, title=title, points=(), scale=None))
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    mid_lat = (min(lats) + max(lats)) / 2
    kx = math.cos(math.radians(mid_lat))
    span_x = max((max(lons) - min(lons)) * kx, 0.002)
    span_y = max(max(lats) - min(lats), 0.002)
    pad = 24
    scale = min((width - 2 * pad) / span_x, (height - 2 * pad - 20) / span_y)
    cx, cy = (min(lons) + max(lons)) / 2, mid_lat
    dots = []
    for lat, lon, outcome in points:
        x, y = width / 2 + (lon - cx) * kx * scale, (height - 20) / 2 - (lat - cy) * scale
        dots.append((f"{x:.1f}", f"{y:.1f}", OUTCOME_COLOURS.get(outcome, "#1f6f8b")))
    # Scale bar: a round number of metres about a quarter of the width.
    metres_per_px = 111_320 / scale
    target = metres_per_px * width / 4
    nice = next((v for v in (10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000) if v >= target), 20000)
    px = nice / metres_per_px
    bar = (f"{10 + px:.1f}", f"{14 + px:.1f}", f"{nice if nice < 1000 else nice // 1000} {'m' if nice < 1000 else 'km'}")
    return mark_safe(page.render(width=width, height=height, title=title, points=dots, scale=bar))
