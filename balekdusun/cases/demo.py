"""Demo cases in the Ogan Komering Ilir villages (and one in Jawa Timur), of several kinds and in every state,
with timelines. Residents' names are generated. Idempotent: each case has a fixed reference; a second run finds
it and changes nothing."""

import random
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from balekdusun.cases import codes, services
from balekdusun.cases.models import Case, CaseEvent
from balekdusun.cases.rules import ensure_defaults

FIRST = ["Siti", "Nur", "Dewi", "Rina", "Yuli", "Ahmad", "Rudi", "Joko", "Hendri", "Wati", "Sri", "Agus", "Maya",
         "Fitri", "Bayu", "Eka", "Indah", "Rahmat", "Sari", "Putra"]
LAST = ["Aminah", "Hasanah", "Saputra", "Lestari", "Susanti", "Wijaya", "Kurniawan", "Handayani", "Pratiwi",
        "Nugroho", "Rahayu", "Hidayat", "Permata", "Syahputra", "Maharani"]

# office, kind, source, village, days ago opened, final status, assignee, country, story, extra details
SPECS = [
    ("sumsel", "information", "visit", "16.02.08.2017", 3, "new", None, "MY",
     "Ingin bekerja ke Malaysia secara resmi; minta informasi prosedur dan daftar P3MI resmi.", {}),
    ("sumsel", "repatriation", "visit", "16.02.08.2017", 9, "in_progress", "petugas.sumsel", "MY",
     "Anak bekerja di perkebunan sawit di Sabah tanpa dokumen, ingin pulang, paspor ditahan majikan.",
     {"victim_status": "Dugaan korban TPPO (paspor ditahan)", "health_details": "Sakit demam berulang"}),
    ("sumsel", "unpaid_wages", "hotline", "16.02.08.2011", 20, "referred", "petugas.sumsel", "TW",
     "Suami bekerja di pabrik di Taiwan, gaji tiga bulan belum dibayar.", {"employer": "PT contoh Taiwan"}),
    ("sumsel", "illegal_recruiter", "visit", "16.02.08.2005", 6, "verified", "petugas2.sumsel", "KH",
     "Ada sponsor menawarkan kerja ke Kamboja dengan visa turis, gaji tinggi, uang saku tunai.", {}),
    ("sumsel", "document_help", "portal", "16.02.23.2003", 12, "resolved", "petugas2.sumsel", "JP",
     "Butuh bantuan surat izin keluarga dan jadwal pemeriksaan kesehatan untuk program ke Jepang.", {}),
    ("sumsel", "failed_departure", "walk_in", "16.02.23.2001", 35, "closed", "petugas.sumsel", "MY",
     "Sudah bayar ke calo tetapi tidak jadi berangkat, uang belum kembali.", {"closure": "resolved"}),
    ("sumsel", "job_fraud", "hotline", "16.02.02.2003", 70, "closed", "petugas2.sumsel", "SA",
     "Dijanjikan kerja di Arab Saudi, dokumen diserahkan tanpa tanda terima.", {"closure": "unreachable"}),
    ("sumsel", "deportation", "hotline", None, 2, "new", None, "MY",
     "Penelepon menyebut saudaranya dideportasi dari Malaysia dan kini di Tanjung Pinang.", {}),
    ("sumsel", "information", "portal", "16.02.02.2001", 25, "in_progress", "petugas2.sumsel", "HK",
     "Bertanya biaya penempatan ke Hong Kong sebagai pekerja rumah tangga.", {"overdue": True}),
    ("jatim", "unpaid_wages", "hotline", "35.02.01.2003", 5, "verified", "petugas.jatim", "HK",
     "Gaji pekerja rumah tangga di Hong Kong dipotong agen.", {}),
]

# status path to reach each final status
PATH = {
    "new": [], "verified": ["verified"], "in_progress": ["verified", "in_progress"],
    "referred": ["verified", "in_progress", "referred"], "resolved": ["verified", "in_progress", "resolved"],
    "closed": ["verified", "in_progress", "resolved", "closed"],
}


def _reference(rng) -> str:
    body = "".join(rng.choice(codes.ALPHABET) for _ in range(codes.BODY))
    return body + codes.check_symbol(body)


def seed(ctx: dict) -> None:
    ensure_defaults()
    offices = {"sumsel": ctx["offices"]["BP3MI Sumatera Selatan"], "jatim": ctx["offices"]["BP3MI Jawa Timur"]}
    users = ctx["users"]
    rng = random.Random(7122023)
    now = timezone.now()
    made = []
    for office_key, kind, source, village, days_ago, final, assignee, country, story, extra in SPECS:
        reference = _reference(rng)
        reporter = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        subject = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        phone = f"0812{rng.randrange(10**7, 10**8)}"
        relationship = rng.choice(["ibu", "ayah", "istri", "suami", "kakak", "sendiri"])
        hours = rng.randrange(1, 8)  # every draw happens before the "exists" check, so runs stay in step
        existing = Case.objects.filter(reference=reference).first()
        if existing is not None:
            made.append(existing)
            continue
        office = offices[office_key]
        staff = users["koordinator.jatim" if office_key == "jatim" else "koordinator.sumsel"]
        worker = users.get(assignee) if assignee else None
        opened = now - timedelta(days=days_ago, hours=hours)
        details = {k: v for k, v in extra.items() if k in ("victim_status", "health_details", "employer")}
        with transaction.atomic():
            from balekdusun.campaigns.models import Household

            household = (Household.objects.filter(village_id=village).order_by("pk").first()
                         if village and source == "visit" else None)
            case = services.open_case(
                office=office, kind=kind, source=source, village=village, household=household, description=story,
                reporter_name=reporter, reporter_phone=phone, consent=True, actor=staff,
                reporter_relationship=relationship,
                subject_name=subject, destination_country=country, opened_at=opened, reference=reference,
                **details)
            steps = []
            if worker is not None:
                services.assign(case, assignee=worker, actor=staff)
                steps.append("assign")
            actor = worker or staff
            for status in PATH[final]:
                if status == "in_progress":
                    services.log_call(case, actor=actor, direction="out", outcome="reached",
                                      summary="Keluarga dihubungi, data dicek ulang.")
                    steps.append("call")
                kwargs = {}
                if status == "referred":
                    kwargs["referred_to"] = "disnaker" if kind == "unpaid_wages" else "police"
                if status == "closed":
                    kwargs["closure_reason"] = extra.get("closure", "resolved")
                if status == "resolved":
                    services.add_note(case, text="Informasi dan dokumen sudah diberikan.", actor=actor)
                    steps.append("note")
                services.set_status(case, status=status, actor=actor, **kwargs)
                steps.append(status)
            if extra.get("overdue"):
                Case.objects.filter(pk=case.pk).update(due_at=now - timedelta(days=2))
            # Spread the timeline over the days the case has been open (the services stamp "now").
            events = list(CaseEvent.objects.filter(case=case).order_by("at", "pk"))
            span = (now - opened) / (len(events) + 1)
            for n, event in enumerate(events):
                event.at = opened + span * n if n else opened
            CaseEvent.objects.bulk_update(events, ["at"])
            stamps = {}
            if final in ("resolved", "closed"):
                stamps["resolved_at"] = opened + span * (len(events) - (2 if final == "closed" else 1))
            if final == "closed":
                stamps["closed_at"] = opened + span * (len(events) - 1)
            if stamps:
                Case.objects.filter(pk=case.pk).update(**stamps)
        made.append(case)
    ctx["cases"] = made
