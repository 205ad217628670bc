"""Demo content of the portal: a small agency register (fictional names), job openings and the information pages.

Idempotent: natural keys (licence number, job-order reference, slug) with get_or_create; dates are relative to
the day the demo is loaded so the openings stay open.
"""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from balekdusun.portal.content import INFO_PAGES
from balekdusun.portal.models import Agency, AgencyStatus, InfoPage, JobOpening, JobStatus, Scheme

# Fictional agencies; licence numbers follow the ministry's pattern but are invented.
AGENCIES = [
    ("PT Sriwijaya Karya Mandiri", "KEP.101/PPTKIS/2022", AgencyStatus.LICENSED, "Palembang", ""),
    ("PT Musi Sejahtera Abadi", "KEP.214/PPTKIS/2021", AgencyStatus.LICENSED, "Palembang", ""),
    ("PT Bahtera Jaya Nusantara", "KEP.318/PPTKIS/2020", AgencyStatus.LICENSED, "Surabaya", ""),
    ("PT Cahaya Timur Perkasa", "KEP.422/PPTKIS/2019", AgencyStatus.SUSPENDED, "Malang",
     "Izin dibekukan sementara (contoh data demo)."),
    ("PT Lintas Samudra Sentosa", "KEP.509/PPTKIS/2018", AgencyStatus.REVOKED, "Jakarta",
     "Izin dicabut (contoh data demo)."),
]

JOBS = [
    # reference, position, country, sector, scheme, employer, agency licence, quota, min, max, currency, days open
    ("JO-DEMO-MY-001", "Pemanen kelapa sawit", "MY", "plantation", Scheme.P_TO_P, "Ladang Sawit Contoh Sdn Bhd",
     "KEP.101/PPTKIS/2022", 40, 1700, 2200, "MYR", 60),
    ("JO-DEMO-HK-001", "Pengasuh lansia (caregiver)", "HK", "caregiver", Scheme.P_TO_P, "Keluarga Chan (contoh)",
     "KEP.214/PPTKIS/2021", 5, 4990, 5200, "HKD", 45),
    ("JO-DEMO-TW-001", "Perawat lansia di panti (caregiver)", "TW", "caregiver", Scheme.P_TO_P,
     "Panti Wreda Contoh Taichung", "KEP.318/PPTKIS/2020", 12, 27470, 30000, "TWD", 50),
    ("JO-DEMO-JP-001", "Operator pabrik makanan", "JP", "manufacturing", Scheme.P_TO_P, "Contoh Foods K.K.",
     "KEP.101/PPTKIS/2022", 15, 180000, 210000, "JPY", 75),
    ("JO-DEMO-KR-001", "Pekerja manufaktur (program EPS G to G)", "KR", "manufacturing", Scheme.G_TO_G,
     "Pemberi kerja melalui EPS Korea", "", 200, 2060740, 2300000, "KRW", 90),
]

REQUIREMENTS = """- Usia 21 sampai 40 tahun
- Sehat jasmani dan rohani (hasil pemeriksaan resmi)
- Pendidikan minimal SMP
- Bersedia mengikuti pelatihan dan Orientasi Pra Pemberangkatan"""
ALLOWED = """- Paspor dan visa (sesuai tarif resmi)
- Pemeriksaan kesehatan di fasilitas resmi"""
FORBIDDEN = """- Biaya penempatan atau "uang jasa" perusahaan
- Tiket pesawat
- Biaya pelatihan kerja"""


def seed(ctx: dict) -> None:
    agencies = {}
    for name, licence, status, city, note in AGENCIES:
        agency, _ = Agency.objects.get_or_create(licence_number=licence, defaults={
            "name": name, "status": status, "city": city, "status_note": note})
        agencies[licence] = agency
    offices = ctx.get("offices", {})
    sumsel = offices.get("BP3MI Sumatera Selatan")
    jatim = offices.get("BP3MI Jawa Timur")
    today = timezone.localdate()
    for ref, position, country, sector, scheme, employer, licence, quota, low, high, cur, days in JOBS:
        JobOpening.objects.get_or_create(reference=ref, defaults={
            "office": jatim if country in ("TW",) else (None if scheme == Scheme.G_TO_G else sumsel),
            "position": position, "country": country, "sector": sector, "scheme": scheme, "employer": employer,
            "agency": agencies.get(licence), "quota": quota, "salary_min": Decimal(low), "salary_max": Decimal(high),
            "currency": cur, "requirements": REQUIREMENTS, "allowed_costs": ALLOWED,
            "forbidden_costs": FORBIDDEN if sector in ("plantation", "caregiver") else "",
            "closing_date": today + timedelta(days=days), "status": JobStatus.PUBLISHED})
    seed_info_pages()
    ctx["agencies"] = agencies


def seed_info_pages() -> int:
    """Create the starting information pages that do not exist yet; edited pages are left alone."""
    created = 0
    for spec in INFO_PAGES:
        _page, made = InfoPage.objects.get_or_create(slug=spec["slug"], defaults=spec)
        created += made
    return created
