"""Demo campaigns: the Balek Dusun launch in Pematang Buluran (7 December 2023) and a Jawa Timur campaign."""

import datetime as dt

from balekdusun.campaigns.models import Campaign, Outreach, OutreachStatus, PartnerRole, TeamMember

LAUNCH_VILLAGE = "16.02.08.2017"  # Desa Pematang Buluran, Kec. Sirah Pulau Padang, Kab. Ogan Komering Ilir
LAUNCH_DATE = dt.date(2023, 12, 7)

# Local partners of the launch, by role. Names are generated, not real people.
LAUNCH_PARTNERS = [
    ("Abdul Rahman", PartnerRole.KEPALA_DESA, "0812-7300-1101"),
    ("Junaidi", PartnerRole.KETUA_RT, "0812-7300-1102"),
    ("Bripka Yudi Hartono", PartnerRole.BHABINKAMTIBMAS, "0812-7300-1103"),
    ("Siti Aminah", PartnerRole.KADER, ""),
]


def _team(outreach, officers, partners):
    for user in officers:
        TeamMember.objects.get_or_create(outreach=outreach, user=user)
    for name, role, phone in partners:
        TeamMember.objects.get_or_create(outreach=outreach, partner_name=name, partner_role=role,
                                         defaults={"phone": phone})


def seed(ctx: dict) -> None:
    offices, users = ctx["offices"], ctx["users"]
    sumsel = offices["BP3MI Sumatera Selatan"]
    campaign, _ = Campaign.objects.get_or_create(
        office=sumsel, name="Balek Dusun",
        defaults={"start_date": LAUNCH_DATE, "goals": "Setiap rumah di desa asal PMI mendapat informasi bekerja ke "
                  "luar negeri secara prosedural, nomor pengaduan, dan tanda-tanda perekrutan ilegal."})
    launch, _ = Outreach.objects.get_or_create(
        campaign=campaign, village_id=LAUNCH_VILLAGE, date=LAUNCH_DATE,
        defaults={"status": OutreachStatus.REPORTED, "target_households": 120, "target_materials": 240,
                  "notes": "Peluncuran program Balek Dusun."})
    _team(launch, [users["koordinator.sumsel"], users["petugas.sumsel"], users["petugas2.sumsel"]], LAUNCH_PARTNERS)

    jatim = offices["BP3MI Jawa Timur"]
    jcampaign, _ = Campaign.objects.get_or_create(
        office=jatim, name="Sosialisasi Desa Migran Ponorogo",
        defaults={"start_date": dt.date(2024, 3, 1), "goals": "Sosialisasi dari rumah ke rumah di Kabupaten Ponorogo."})
    joutreach, _ = Outreach.objects.get_or_create(
        campaign=jcampaign, village_id="35.02.01.2003", date=dt.date(2024, 3, 14),
        defaults={"status": OutreachStatus.DONE, "target_households": 80, "target_materials": 160})
    _team(joutreach, [users["petugas.jatim"]], [("Sutrisno", PartnerRole.KEPALA_DESA, "")])
    ctx["campaign"] = campaign
    ctx["launch"] = launch
    ctx["jatim_outreach"] = joutreach
    seed_planning(ctx)


# --- PMI-origin figures, households and turfs ----------------------------------------------------------------

# Sumatera Selatan placements (docs/design.md "Domain facts"): 194 (2021), 430 (2022, 350 to Malaysia),
# 925 (2023: Malaysia 729, Japan 171). The province row carries the totals; the OKI origin districts get a
# share of them, spread over their villages, so the priority page has something to rank.
PROVINCE_FIGURES = {
    2021: {"placements": 194, "by_country": {"MY": 160, "TW": 20, "HK": 14}},
    2022: {"placements": 430, "by_country": {"MY": 350, "JP": 50, "TW": 30}},
    2023: {"placements": 925, "by_country": {"MY": 729, "JP": 171, "TW": 25}},
}
ORIGIN_DISTRICTS = {"16.02.08": 0.12, "16.02.23": 0.08, "16.02.02": 0.06}  # share of the province's placements
DEMO_SOURCE = "Demo: angka penempatan BP3MI Sumatera Selatan 2021–2023, dibagi ke desa asal"
DUSUN = ["Dusun I", "Dusun II", "Dusun III"]
FIRST_NAMES = ["Ahmad", "Budi", "Cik Ani", "Darmawan", "Eka", "Fitri", "Gunawan", "Hasanah", "Irwan", "Juwita",
               "Kurniawan", "Lili", "Mulyadi", "Nurhayati", "Oktaviani", "Pandi", "Rosmala", "Sulaiman", "Tuti",
               "Usman", "Wati", "Yusuf", "Zainab"]
LAST_NAMES = ["Saputra", "Wijaya", "Hidayat", "Lestari", "Pratama", "Rahmawati", "Syahputra", "Anggraini", "Putri",
              "Kurnia"]
LAUNCH_HOUSEHOLDS = 160


def _seed_migration() -> None:
    import random

    from balekdusun.campaigns.models import MigrationStat
    from balekdusun.regions.models import Area

    if not Area.objects.filter(code="16").exists():
        return
    for year, figures in PROVINCE_FIGURES.items():
        MigrationStat.objects.get_or_create(area_id="16", year=year, month=0, defaults={
            "placements": figures["placements"], "by_country": figures["by_country"], "source": DEMO_SOURCE})
    rng = random.Random(2023)
    for district, share in ORIGIN_DISTRICTS.items():
        villages = list(Area.objects.filter(parent_id=district, level=4).order_by("code").values_list("code",
                                                                                                      flat=True))
        if not villages:
            continue
        weights = [rng.uniform(0.2, 1.0) * (4 if code == LAUNCH_VILLAGE else 1) for code in villages]
        total_weight = sum(weights)
        for year, figures in PROVINCE_FIGURES.items():
            district_total = figures["placements"] * share
            for code, weight in zip(villages, weights, strict=True):
                placements = int(round(district_total * weight / total_weight))
                my = int(round(placements * figures["by_country"]["MY"] / figures["placements"]))
                MigrationStat.objects.get_or_create(area_id=code, year=year, month=0, defaults={
                    "placements": placements, "non_procedural": int(round(placements * 0.08)),
                    "complaints": int(placements >= 5),
                    "by_country": {"MY": my, "OTHER": placements - my} if placements else {},
                    "by_sector": {"plantation": placements // 2, "domestic_worker": placements - placements // 2}
                    if placements else {},
                    "source": DEMO_SOURCE})


def _seed_households(actor) -> list:
    import datetime
    import random

    from balekdusun.campaigns.models import Household
    from balekdusun.campaigns.services import CONSENT_TEXT_VERSION
    from balekdusun.reports import rollups

    rng = random.Random(71223)
    existing = set(Household.objects.filter(village_id=LAUNCH_VILLAGE).values_list("address", flat=True))
    consent_at = datetime.datetime(2023, 12, 7, 9, 0, tzinfo=datetime.UTC)
    # Three dusun strung along the river road, as villages on the Komering are: houses within ~60 m of the road.
    centres = [(-3.2485, 104.8455), (-3.2500, 104.8500), (-3.2518, 104.8546)]
    new = []
    for n in range(1, LAUNCH_HOUSEHOLDS + 1):
        dusun_index = (n - 1) * len(DUSUN) // LAUNCH_HOUSEHOLDS
        lat0, lon0 = centres[dusun_index]
        along = rng.uniform(-0.0022, 0.0022)
        lat = lat0 + along * 0.4 + rng.gauss(0, 0.00035)
        lon = lon0 + along + rng.gauss(0, 0.00015)
        rt = f"{(n % 4) + 1 + dusun_index * 4:03d}"
        address = f"Rumah {n}, {DUSUN[dusun_index]}, RT {rt}"
        consent = rng.random() < 0.35
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        phone = f"+62812{rng.randrange(10**7, 10**8)}"
        if address in existing:
            continue
        new.append(Household(
            village_id=LAUNCH_VILLAGE, dusun=DUSUN[dusun_index], rt=rt, rw=f"{dusun_index + 1:03d}", address=address,
            latitude=round(lat, 6), longitude=round(lon, 6),
            head_name=name if consent else "", phone=phone if consent else "",
            consent_at=consent_at if consent else None, consent_text_version=CONSENT_TEXT_VERSION if consent else "",
            consent_by=actor if consent else None, created_by=actor, created_at=consent_at))
    for household in Household.objects.bulk_create(new):
        rollups.household_added(household)
    return list(Household.objects.filter(village_id=LAUNCH_VILLAGE).order_by("pk"))


def _seed_turfs(launch, users) -> list:
    from balekdusun.campaigns import services

    if launch.turfs.exists():
        return list(launch.turfs.order_by("name"))
    from django.utils import translation

    coordinator = users["koordinator.sumsel"]
    with translation.override("id"):  # turf names are data, stored in the programme's language
        turfs = services.cut_turfs(outreach=launch, count=2, actor=coordinator, seconds=0.5)
    for turf, officer in zip(turfs, [users["petugas.sumsel"], users["petugas2.sumsel"]], strict=True):
        turf.officers.set([officer])
    return turfs


def seed_planning(ctx: dict) -> None:
    from balekdusun.campaigns import priority

    priority.weights()  # default weight rows, so admins find them in the admin
    _seed_migration()
    ctx["launch_households"] = _seed_households(ctx["users"]["koordinator.sumsel"])
    ctx["launch_turfs"] = _seed_turfs(ctx["launch"], ctx["users"])
    ctx["upcoming"] = _seed_upcoming(ctx)


UPCOMING_VILLAGE = "16.02.08.2020"  # Desa Terusan Laut, next to Pematang Buluran
UPCOMING_HOUSEHOLDS = 48


def _seed_upcoming(ctx: dict):
    """A planned outreach day two days after the first demo run, so the field app has work to download
    (it only lists recent and coming days). Keyed by campaign and village: a later run keeps its date."""
    import datetime
    import random

    from django.utils import timezone, translation

    from balekdusun.campaigns import services
    from balekdusun.campaigns.models import Household
    from balekdusun.reports import rollups

    users = ctx["users"]
    outreach = Outreach.objects.filter(campaign=ctx["campaign"], village_id=UPCOMING_VILLAGE).first()
    if outreach is None:
        outreach = Outreach.objects.create(
            campaign=ctx["campaign"], village_id=UPCOMING_VILLAGE,
            date=timezone.localdate() + datetime.timedelta(days=2), status=OutreachStatus.PLANNED,
            target_households=UPCOMING_HOUSEHOLDS, target_materials=UPCOMING_HOUSEHOLDS * 2,
            notes="Putaran kedua Balek Dusun di Kecamatan Sirah Pulau Padang.")
    _team(outreach, [users["koordinator.sumsel"], users["petugas.sumsel"], users["petugas2.sumsel"]],
          [("Marzuki", PartnerRole.KEPALA_DESA, "0812-7300-2201"), ("Ujang", PartnerRole.KETUA_RT, "")])
    if not Household.objects.filter(village_id=UPCOMING_VILLAGE).exists():
        rng = random.Random(2020)
        created_at = datetime.datetime(2024, 1, 15, 9, 0, tzinfo=datetime.UTC)
        new = []
        for n in range(1, UPCOMING_HOUSEHOLDS + 1):
            along = rng.uniform(-0.0018, 0.0018)
            new.append(Household(
                village_id=UPCOMING_VILLAGE, dusun=DUSUN[n % 2], rt=f"{(n % 3) + 1:03d}", rw=f"{(n % 2) + 1:03d}",
                address=f"Rumah {n}, {DUSUN[n % 2]}", latitude=round(-3.2620 + along * 0.5 + rng.gauss(0, 0.0003), 6),
                longitude=round(104.8720 + along + rng.gauss(0, 0.00015), 6), created_by=users["koordinator.sumsel"],
                created_at=created_at))
        for household in Household.objects.bulk_create(new):
            rollups.household_added(household)
    if not outreach.turfs.exists():
        with translation.override("id"):
            turfs = services.cut_turfs(outreach=outreach, count=2, actor=users["koordinator.sumsel"], seconds=0.5)
        for turf, officer in zip(turfs, [users["petugas.sumsel"], users["petugas2.sumsel"]], strict=True):
            turf.officers.set([officer])
    return outreach
