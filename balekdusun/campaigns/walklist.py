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
            "last_outcome": labels.get(info["last_outcome"], "") if info else "",
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
