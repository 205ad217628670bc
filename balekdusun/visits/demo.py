"""Demo visits of the Balek Dusun launch (Pematang Buluran, 7 December 2023), sent through the sync service
exactly as the phones send them. Idempotent by construction: fixed UUIDs and content, so a second run is
answered `duplicate` for every record and changes nothing."""

import random
import uuid

from balekdusun.visits import services

NS = uuid.UUID("6f1d7a52-3b7e-4f2c-9a51-0c0ffee0b0d5")
HOUSEHOLDS = 60
DUSUN = ["I", "II", "III"]
STREETS = ["Jl. Lintas Timur", "Lorong Masjid", "Jl. Sekolah", "Lorong Pasar", "Jl. Dermaga"]
COUNTRIES = ["MY", "MY", "MY", "JP", "TW", "HK", "SA"]
SECTORS = ["plantation", "domestic_worker", "manufacturing", "caregiver", "construction"]


def _records(ctx, rng):
    launch = ctx["launch"]
    materials = ctx.get("materials", {})
    codes = list(ctx.get("launch_sticker_codes", []))
    households, visits = [], []
    for n in range(HOUSEHOLDS):
        hid = uuid.uuid5(NS, f"launch-household-{n}")
        households.append({"type": "household", "uuid": str(hid), "data": {
            "village": launch.village_id, "outreach": launch.pk, "dusun": DUSUN[n % 3], "rt": f"{1 + n // 12:03d}",
            "address": f"{STREETS[n % 5]} No. {n + 1}", "latitude": round(-3.2945 + rng.random() / 200, 6),
            "longitude": round(104.9321 + rng.random() / 200, 6)}})
        outcome = rng.choices(["met", "not_home", "refused", "vacant"], weights=[75, 15, 5, 5])[0]
        data = {"household_uuid": str(hid), "outreach": launch.pk,
                "visited_at": f"2023-12-07T{9 + n // 10:02d}:{(n * 7) % 60:02d}:00+07:00", "outcome": outcome,
                "latitude": households[-1]["data"]["latitude"], "longitude": households[-1]["data"]["longitude"]}
        if outcome == "met":
            data["met_role"] = rng.choice(["head", "spouse", "parent", "child"])
            data["topics"] = rng.sample(["jobs", "legal_procedure", "hotline", "illegal_recruitment"], 3)
            abroad = [{"country": rng.choice(COUNTRIES), "sector": rng.choice(SECTORS),
                       "procedural": rng.random() < 0.6, "year": rng.randint(2015, 2023)}
                      for _ in range(rng.choice([0, 0, 1, 1, 2]))]
            data["migration"] = {"abroad": abroad, "returnees": rng.choice([0, 0, 0, 1]),
                                 "planning": [{"when": "within_1_year", "country": "MY"}] if rng.random() < 0.2
                                 else []}
            data["knowledge"] = {"legal_procedure": rng.random() < 0.4, "hotline": rng.random() < 0.2,
                                 "warning_signs": rng.random() < 0.5}
            if materials:
                data["materials"] = [{"material_id": materials["procedure"].pk, "quantity": 1},
                                     {"material_id": materials["jobs"].pk, "quantity": 1}]
            if codes:
                data["sticker_code"] = codes.pop(0)
            if n % 15 == 4:
                data["followups"] = [{"kind": "wants_to_apply", "note": "Anak ingin bekerja ke Jepang."}]
            if n % 20 == 7:
                data["story"] = {"text": "Kakak berangkat lewat sponsor, paspornya ditahan majikan.",
                                 "consent_to_quote": True}
        visits.append({"type": "visit", "uuid": str(uuid.uuid5(NS, f"launch-visit-{n}")), "data": data})
    return households, visits


def seed(ctx: dict) -> None:
    users = ctx["users"]
    officers = [users["petugas.sumsel"], users["petugas2.sumsel"]]
    households, visits = _records(ctx, random.Random(2023))
    for i, officer in enumerate(officers):
        mine = [r for n, r in enumerate(households) if n % 2 == i] + [r for n, r in enumerate(visits) if n % 2 == i]
        services.push(user=officer, records=mine)
    # One phone re-sent a visit with a corrected outcome: a conflict for the coordinator to resolve.
    original = visits[2]["data"]
    edited = dict(visits[2], data={**original, "outcome": "moved" if original["outcome"] != "moved" else "vacant"})
    services.push(user=officers[0], records=[edited])
