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
