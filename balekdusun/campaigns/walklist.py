"""Walk-list rows, built once and rendered as a page or an A4 PDF (WeasyPrint)."""

from django.template.loader import render_to_string

from balekdusun.campaigns import conf
from balekdusun.campaigns.services import household_visit_summary, needs_visit, placed_sticker_codes


def rows(turf) -> list[dict]:
    stops = list(turf.stops.select_related("household").order_by("position"))
    summary = household_visit_summary([s.household_id for s in stops])
    stickers = placed_sticker_codes([s.household_id for s in stops])
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
            "household_id": h.pk,  # for the planner's move form only; people read the sticker code
            "sticker": stickers.get(h.pk, ""),
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


def turf_map(outreach, *, width: int = 640, height: int = 420) -> dict | None:
    """What campaigns/_turf_map.html draws for the outreach's turfs: each turf's route as a coloured line through
    its doors, no tiles, so it renders on a phone and prints offline. None when no household has GPS."""
    from balekdusun.campaigns.geo import project
    from balekdusun.campaigns.models import TurfStop

    stops = list(TurfStop.objects.filter(turf__outreach=outreach, household__latitude__isnull=False)
                 .order_by("turf__name", "position")
                 .values_list("turf_id", "turf__name", "household__latitude", "household__longitude"))
    if not stops:
        return None
    xy = project([(lat, lon) for _t, _n, lat, lon in stops])
    xs, ys = [p[0] for p in xy], [p[1] for p in xy]
    pad = 12
    scale = min((width - 2 * pad) / max(max(xs) - min(xs), 1.0), (height - 2 * pad) / max(max(ys) - min(ys), 1.0))

    turfs: dict[int, tuple[str, list[tuple[float, float]]]] = {}
    for (turf_id, name, _lat, _lon), (x, y) in zip(stops, xy, strict=True):
        point = (round(pad + (x - min(xs)) * scale, 1), round(height - pad - (y - min(ys)) * scale, 1))
        turfs.setdefault(turf_id, (name, []))[1].append(point)
    return {"width": width, "height": height, "pad": pad, "turfs": [
        {"name": name, "color": PALETTE[i % len(PALETTE)], "points": points,
         "polyline": " ".join(f"{x},{y}" for x, y in points), "first": points[0], "legend_y": pad + 12 * (i + 1)}
        for i, (name, points) in enumerate(turfs.values())]}
