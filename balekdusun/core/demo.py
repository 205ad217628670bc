"""Demo offices and one user per role. Idempotent: running it again changes nothing."""

from django.contrib.auth import get_user_model

from balekdusun.core.models import Office
from balekdusun.core.roles import Role

DEMO_PASSWORD = "balekdusun-demo"

OFFICES = [
    {"name": "BP3MI Sumatera Selatan", "short_name": "BP3MI Sumsel", "jurisdiction": ["16"],
     "address": "Jl. Kapten A. Rivai, Palembang", "city": "Palembang", "hotline_name": "Songket",
     # The real "Songket" hotline number is to be confirmed by the office (see docs/design.md "Domain facts").
     "hotline_phone": "0711-000-0000", "whatsapp": "0811-7000-000", "email": "bp3mi.sumsel@example.go.id"},
    {"name": "BP3MI Jawa Timur", "short_name": "BP3MI Jatim", "jurisdiction": ["35"],
     "address": "Jl. Raya Bandara Juanda, Sidoarjo", "city": "Sidoarjo", "hotline_name": "",
     "hotline_phone": "031-000-0000", "whatsapp": "0811-3000-000", "email": "bp3mi.jatim@example.go.id"},
]

# (username, first name, last name, role, office name or None, village code or None)
USERS = [
    ("admin", "Admin", "Nasional", Role.ADMIN, None, None),
    ("kepala.sumsel", "Ratna", "Wulandari", Role.HEAD, "BP3MI Sumatera Selatan", None),
    ("koordinator.sumsel", "Hendra", "Saputra", Role.COORDINATOR, "BP3MI Sumatera Selatan", None),
    ("petugas.sumsel", "Dewi", "Anggraini", Role.OFFICER, "BP3MI Sumatera Selatan", None),
    ("petugas2.sumsel", "Rizky", "Pratama", Role.OFFICER, "BP3MI Sumatera Selatan", None),
    ("desa.pematangbuluran", "Syamsul", "Bahri", Role.VILLAGE, "BP3MI Sumatera Selatan", "16.02.08.2017"),
    ("pemantau.sumsel", "Lestari", "Putri", Role.VIEWER, "BP3MI Sumatera Selatan", None),
    ("kepala.jatim", "Bambang", "Susilo", Role.HEAD, "BP3MI Jawa Timur", None),
    ("koordinator.jatim", "Sri", "Handayani", Role.COORDINATOR, "BP3MI Jawa Timur", None),
    ("petugas.jatim", "Agus", "Setiawan", Role.OFFICER, "BP3MI Jawa Timur", None),
]

DEMO_NIPS = {"kepala.sumsel": "197501012000032001", "kepala.jatim": "197203152001121002"}


def seed(ctx: dict) -> None:
    offices = {}
    for spec in OFFICES:
        office, _ = Office.objects.get_or_create(name=spec["name"], defaults=spec)
        offices[office.name] = office
    User = get_user_model()
    users = {}
    for username, first, last, role, office_name, village in USERS:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(username=username, first_name=first, last_name=last, role=role,
                        office=offices.get(office_name), village_id=village,
                        is_staff=role == Role.ADMIN, is_superuser=role == Role.ADMIN,
                        email=f"{username}@example.go.id")
            user.set_password(DEMO_PASSWORD)
            user.full_clean()
            user.save()
        users[username] = user
    # Signature blocks print the head's NIP (a made-up number for the demo) and the office's city.
    for username, nip in DEMO_NIPS.items():
        User.objects.filter(username=username, nip="").update(nip=nip)
    for spec in OFFICES:
        Office.objects.filter(name=spec["name"], city="").update(city=spec["city"])
    ctx["offices"] = offices
    ctx["users"] = users


def logins() -> list[tuple[str, str, str]]:
    return [(u, str(r.label), o or "—") for u, _f, _l, r, o, _v in USERS]
