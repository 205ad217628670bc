"""The demo's Sumatera Selatan dashboard, recomputed independently from the raw rows."""

from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Q, Sum


def _in16(field):
    return Q(**{field: "16"}) | Q(**{f"{field}__startswith": "16."})


def independent_numbers():
    from balekdusun.campaigns.models import Household
    from balekdusun.cases.models import Case
    from balekdusun.materials.models import Sticker, StickerScan, StockMove
    from balekdusun.visits.models import Visit

    visits = list(Visit.objects.filter(_in16("village__code")).order_by("visited_at", "pk"))
    out = Counter()
    out["households"] = Household.objects.filter(_in16("village__code")).count()
    out["visits"] = len(visits)
    out["met"] = sum(v.outcome == "met" for v in visits)
    out["households_reached"] = len({v.household_id for v in visits if v.outcome == "met"})
    first_met = {}
    for v in visits:
        if v.outcome == "met":
            first_met.setdefault(v.household_id, v.pk)
    for v in visits:
        if v.outcome != "met":
            continue
        which = "first" if first_met[v.household_id] == v.pk else "later"
        for q, a in (v.data.get("knowledge") or {}).items():
            if a is not None:
                out[f"{which}.{q}.n"] += 1
                out[f"{which}.{q}.yes"] += bool(a)
        if which == "first":
            abroad = (v.data.get("migration") or {}).get("abroad") or []
            out["abroad"] += len(abroad)
            out["migrant_households"] += bool(abroad)
            out["nonprocedural"] += sum(a.get("procedural") is False for a in abroad)
            out["planning"] += len((v.data.get("migration") or {}).get("planning") or [])
            for a in abroad:
                out[f"country.{a['country']}"] += 1
    out["handed_out"] = StockMove.objects.filter(kind="handed_out").filter(
        _in16("visit__village__code") | (Q(visit__isnull=True) & _in16("outreach__village__code"))
    ).aggregate(n=Sum("quantity"))["n"] or 0
    out["placed"] = Sticker.objects.filter(status="placed").filter(_in16("household__village__code")).count()
    out["scanned"] = StickerScan.objects.filter(_in16("sticker__household__village__code")).count()
    cases = Case.objects.filter(_in16("village__code") | (Q(village__isnull=True) & _in16("area_code")))
    out["cases"] = cases.count()
    out["cases_closed"] = cases.filter(status__in=["resolved", "closed"]).count()
    return out


@pytest.mark.django_db
def test_demo_dashboard_numbers_match_raw_rows(client):
    from balekdusun.core.models import User

    call_command("demo", "--no-serve", "--skip-regions", stdout=StringIO())
    raw = independent_numbers()
    assert raw["visits"] >= 30 and raw["households_reached"] >= 20  # believable, not empty
    assert raw["abroad"] > 0 and raw["placed"] > 0 and raw["handed_out"] > 0 and raw["scanned"] > 0

    client.force_login(User.objects.get(username="kepala.sumsel"))
    response = client.get("/reports/area/16/")
    assert response.status_code == 200
    fig = response.context["fig"]
    assert fig["households"] == raw["households"]
    assert fig["visits"] == raw["visits"] and fig["visits.met"] == raw["met"]
    assert fig["households.reached"] == raw["households_reached"]
    assert fig["mig.abroad"] == raw["abroad"] and fig["mig.households"] == raw["migrant_households"]
    assert fig["mig.nonprocedural"] == raw["nonprocedural"] and fig["mig.planning"] == raw["planning"]
    assert dict(fig.countries) == {k[8:]: v for k, v in raw.items() if k.startswith("country.")}
    for which in ("first", "later"):
        for q in ("legal_procedure", "hotline", "warning_signs"):
            assert fig[f"kn.{which}.{q}.asked"] == raw[f"{which}.{q}.n"]
            assert fig[f"kn.{which}.{q}.yes"] == raw[f"{which}.{q}.yes"]
    assert fig["materials.handed_out"] == raw["handed_out"]
    assert fig["stickers.placed"] == raw["placed"] and fig["stickers.scanned"] == raw["scanned"]
    assert fig["cases.opened"] == raw["cases"] and fig["cases.closed"] == raw["cases_closed"]

    # The launch day's activity report renders with the team and the numbers.
    from balekdusun.campaigns.models import Outreach

    launch = Outreach.objects.get(village_id="16.02.08.2017", date="2023-12-07")
    response = client.get(f"/reports/outreach/{launch.pk}/report.pdf")
    assert response.status_code == 200
    from balekdusun.reports.tests.test_activity import pdf_text

    text, objects = pdf_text(response.content)
    assert "Dewi Anggraini" in text and "Rizky Pratama" in text and "Abdul Rahman" in text
    visited = launch.visits.values("household_id").distinct().count()
    assert f"Rumah tangga dikunjungi {visited}" in " ".join(text.split())
    import pypdfium2 as pdfium

    assert objects.count(pdfium.raw.FPDF_PAGEOBJ_PATH) >= visited  # one dot per house on the map
