"""Demo data of the reports app (runs last). Idempotent.

* When the visits app brings no demo of its own (no ``balekdusun/visits/demo.py``), the launch day in
  Pematang Buluran (7 December 2023) and a revisit round in January 2024 are pushed through the visits app's
  own sync service (`visits.services.push`), as the two field officers' phones would: households, visits,
  brochures handed out, stickers placed, follow-up cases. UUIDs are derived from fixed names, so a second
  run is answered "duplicate" and changes nothing.
* Rollups are rebuilt from the raw rows (some seeds write rows without the hooks), quality flags detected.
"""

import datetime as dt
import random
import uuid
from importlib.util import find_spec
from zoneinfo import ZoneInfo

NAMESPACE = uuid.UUID("6f1c2a52-6a3b-4f0e-9a55-3b0d8c1d2e7f")
WIB = ZoneInfo("Asia/Jakarta")
# Desa Pematang Buluran lies on the Komering river; households are spread along the village road.
CENTRE = (-3.2535, 104.8712)
LAUNCH_HOUSEHOLDS = 112
OUTCOMES = [("met", 68), ("not_home", 18), ("refused", 4), ("moved", 3), ("vacant", 5), ("inaccessible", 2)]
COUNTRIES = [("MY", 70), ("JP", 12), ("TW", 6), ("HK", 4), ("SG", 3), ("SA", 3), ("KH", 2)]
SECTORS = {"MY": "plantation", "JP": "caregiver", "TW": "manufacturing", "HK": "domestic_worker",
           "SG": "domestic_worker", "SA": "domestic_worker", "KH": "other"}
STORIES = [
    "Anak saya dulu berangkat lewat calo ke Malaysia, tidak ada kontrak. Sekarang kami tahu harus lewat Disnaker.",
    "Suami saya kerja di kebun sawit Sabah sudah tiga tahun, berangkat resmi. Nomor pengaduan kami simpan.",
    "Kami tidak tahu kalau ke Kamboja pakai visa turis itu berbahaya. Terima kasih sudah datang ke rumah.",
    "Keponakan mau ikut program ke Jepang, tadi dijelaskan langkah-langkahnya.",
]


def _pick(rng, weighted):
    total = sum(w for _v, w in weighted)
    x = rng.uniform(0, total)
    for value, weight in weighted:
        x -= weight
        if x <= 0:
            return value
    return weighted[-1][0]


def _uid(name: str) -> str:
    return str(uuid.uuid5(NAMESPACE, name))


def _visit_record(rng, *, name, household_uuid, outreach, when, outcome, lat, lon, materials, sticker, revisit):
    data = {"household_uuid": household_uuid, "visited_at": when.isoformat(), "outcome": outcome,
            "latitude": round(lat + rng.gauss(0, 0.00008), 6), "longitude": round(lon + rng.gauss(0, 0.00008), 6),
            "accuracy_m": round(rng.uniform(4, 25), 1)}
    if outreach is not None:
        data["outreach"] = outreach.pk
    if outcome == "met":
        data["met_role"] = _pick(rng, [("head", 45), ("spouse", 30), ("parent", 10), ("child", 10), ("neighbour", 5)])
        data["topics"] = ["hotline", "illegal_recruitment", "legal_procedure"] + (["jobs"] if rng.random() < .6 else [])
        if revisit:
            data["knowledge"] = {"legal_procedure": rng.random() < .72, "hotline": rng.random() < .81,
                                 "warning_signs": rng.random() < .77}
        else:
            data["knowledge"] = {"legal_procedure": rng.random() < .34, "hotline": rng.random() < .18,
                                 "warning_signs": rng.random() < .43}
            data["materials"] = [{"material_id": m.pk, "quantity": 1} for m in materials]
            abroad = []
            if rng.random() < .38:
                for _ in range(1 if rng.random() < .8 else 2):
                    country = _pick(rng, COUNTRIES)
                    abroad.append({"country": country, "sector": SECTORS[country],
                                   "procedural": None if rng.random() < .1 else (rng.random() < .62 and country != "KH"),
                                   "year": rng.randint(2016, 2023)})
            planning = [{"when": _pick(rng, [("within_6_months", 3), ("within_1_year", 4), ("later", 2),
                                               ("unknown", 1)]), "country": _pick(rng, COUNTRIES)}
                        for _ in range(1 if rng.random() < .14 else 0)]
            data["migration"] = {"abroad": abroad, "returnees": 1 if rng.random() < .12 else 0, "planning": planning}
            if rng.random() < .06:
                data["story"] = {"text": rng.choice(STORIES), "consent_to_quote": rng.random() < .8}
            if planning and rng.random() < .5:
                data["followups"] = [{"kind": "wants_to_apply", "note": "Minta daftar P3MI resmi."}]
            elif abroad and any(a["procedural"] is False for a in abroad) and rng.random() < .25:
                data["followups"] = [{"kind": "needs_documents", "note": "Dokumen anggota keluarga di luar negeri."}]
    if sticker:
        data["sticker_code"] = sticker
    return {"type": "visit", "uuid": _uid(name), "data": data}


def seed_launch_visits(ctx: dict) -> None:
    from balekdusun.visits.services import push

    launch, users = ctx["launch"], ctx["users"]
    officers = [users["petugas.sumsel"], users["petugas2.sumsel"]]
    materials = [m for key, m in (ctx.get("materials") or {}).items() if key in ("jobs", "procedure")]
    codes = list(ctx.get("launch_sticker_codes") or [])
    rng = random.Random(20231207)
    homes = []
    for i in range(LAUNCH_HOUSEHOLDS):
        # Two rows of houses along a road running north-east through the village.
        t = i / LAUNCH_HOUSEHOLDS
        lat = CENTRE[0] + (t - .5) * 0.012 + (0.0004 if i % 2 else -0.0004) + rng.gauss(0, 0.00015)
        lon = CENTRE[1] + (t - .5) * 0.009 + rng.gauss(0, 0.00015)
        homes.append({"uuid": _uid(f"launch-household-{i}"), "lat": lat, "lon": lon,
                      "officer": officers[(i // 8) % 2], "rt": f"{1 + i // 28:03d}", "dusun": f"{1 + i // 56}"})
    batches = {o.pk: [] for o in officers}
    for i, h in enumerate(homes):
        batches[h["officer"].pk].append({"type": "household", "uuid": h["uuid"], "data": {
            "village": launch.village_id, "outreach": launch.pk, "dusun": h["dusun"], "rt": h["rt"],
            "address": f"Jl. Desa Pematang Buluran, rumah {i + 1}",
            "latitude": round(h["lat"], 6), "longitude": round(h["lon"], 6)}})
    clock = {o.pk: dt.datetime(2023, 12, 7, 8, 30, tzinfo=WIB) for o in officers}
    sticker_at = 0
    outcomes = []
    for i, h in enumerate(homes):
        officer = h["officer"]
        gap = rng.uniform(4, 9) if i not in (17, 18, 63) else rng.uniform(0.5, 1.5)  # a few rushed entries
        clock[officer.pk] += dt.timedelta(minutes=gap)
        outcome = _pick(rng, OUTCOMES)
        outcomes.append(outcome)
        sticker = ""
        if outcome in ("met", "not_home") and sticker_at < len(codes):
            sticker, sticker_at = codes[sticker_at], sticker_at + 1
        lat, lon = h["lat"], h["lon"]
        if i in (40, 91):  # recorded from across the road junction, far from the house
            lat, lon = lat + 0.0025, lon - 0.0012
        batches[officer.pk].append(_visit_record(
            rng, name=f"launch-visit-{i}", household_uuid=h["uuid"], outreach=launch, when=clock[officer.pk],
            outcome=outcome, lat=lat, lon=lon, materials=materials, sticker=sticker, revisit=False))
    # Revisit round in January: the houses nobody answered, and a sample of those met (did the message stick?).
    when = dt.datetime(2024, 1, 11, 9, 0, tzinfo=WIB)
    for i, h in enumerate(homes):
        again = outcomes[i] == "not_home" or (outcomes[i] == "met" and i % 4 == 0)
        if not again:
            continue
        when += dt.timedelta(minutes=rng.uniform(5, 10))
        outcome = "met" if rng.random() < .7 else "not_home"
        batches[h["officer"].pk].append(_visit_record(
            rng, name=f"revisit-{i}", household_uuid=h["uuid"], outreach=None, when=when, outcome=outcome,
            lat=h["lat"], lon=h["lon"], materials=materials, sticker="", revisit=outcomes[i] == "met"))
    for officer in officers:
        results = push(user=officer, records=batches[officer.pk])
        bad = [r for r in results if r["status"] in ("invalid", "conflict")]
        if bad:
            raise RuntimeError(f"demo visits refused: {bad[:3]}")


def seed_jatim_visits(ctx: dict) -> None:
    from balekdusun.visits.services import push

    outreach = ctx.get("jatim_outreach")
    officer = ctx["users"].get("petugas.jatim")
    if outreach is None or officer is None:
        return
    rng = random.Random(20240314)
    records, when = [], dt.datetime(2024, 3, 14, 8, 0, tzinfo=WIB)
    for i in range(36):
        lat, lon = -7.8705 + rng.gauss(0, 0.002), 111.4620 + rng.gauss(0, 0.002)
        hu = _uid(f"jatim-household-{i}")
        records.append({"type": "household", "uuid": hu, "data": {
            "village": outreach.village_id, "outreach": outreach.pk, "latitude": round(lat, 6),
            "longitude": round(lon, 6), "address": f"Rumah {i + 1}"}})
        when += dt.timedelta(minutes=rng.uniform(5, 10))
        records.append(_visit_record(rng, name=f"jatim-visit-{i}", household_uuid=hu, outreach=outreach, when=when,
                                     outcome=_pick(rng, OUTCOMES), lat=lat, lon=lon, materials=[], sticker="",
                                     revisit=False))
    results = push(user=officer, records=records)
    bad = [r for r in results if r["status"] in ("invalid", "conflict")]
    if bad:
        raise RuntimeError(f"demo visits refused: {bad[:3]}")


def seed_scans(launch) -> None:
    """Some families scanned the sticker on their door (through the portal's own service)."""
    from balekdusun.materials.models import Sticker, StickerScan
    from balekdusun.materials.services import record_scan

    placed = Sticker.objects.filter(placed_by_visit__outreach=launch, status="placed").order_by("id")
    if StickerScan.objects.filter(sticker__in=placed).exists():
        return
    for i, code in enumerate(placed.values_list("code", flat=True)):
        if i % 4 == 1 or i % 9 == 0:
            record_scan(code)


def seed(ctx: dict) -> None:
    from balekdusun.reports import quality
    from balekdusun.reports.rebuild import rebuild
    from balekdusun.visits.models import Visit

    if find_spec("balekdusun.visits.demo") is None and "launch" in ctx:
        seed_launch_visits(ctx)
        seed_jatim_visits(ctx)
    if "launch" in ctx:
        seed_scans(ctx["launch"])
    rebuild()
    quality.detect(Visit.objects.all())
