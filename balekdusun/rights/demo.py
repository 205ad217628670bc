"""Two demo requests of residents of the launch village: a copy asked on the portal (due soon) and a correction
filed at the office. Idempotent: each has a fixed reference; a second run finds it and changes nothing."""

import random
from datetime import timedelta

from django.utils import timezone

from balekdusun.cases import codes
from balekdusun.materials.models import Sticker, StickerStatus
from balekdusun.rights import conf, services
from balekdusun.rights.models import RightsRequest


def _reference(rng) -> str:
    return codes.generate(choice=rng.choice)


def seed(ctx: dict) -> None:
    rng = random.Random(14052026)
    coordinator = ctx["users"]["koordinator.sumsel"]
    stickers = list(Sticker.objects.filter(status=StickerStatus.PLACED, household__isnull=False,
                                           office=ctx["offices"]["BP3MI Sumatera Selatan"])
                    .select_related("household").order_by("pk")[:2])
    specs = [("access", "portal", 60, ""), ("correction", "staff", 20, "Nama kepala keluarga salah eja.")]
    for (kind, channel, hours_ago, details), sticker in zip(specs, stickers, strict=False):
        reference = _reference(rng)
        if RightsRequest.objects.filter(reference=reference).exists():
            continue
        household = sticker.household
        phone = household.phone or "081200000000"
        if channel == "portal":
            req = services.file_from_portal(kind=kind, sticker_code=sticker.code, phone=phone,
                                            in_person=not household.phone, details=details, reference=reference)
        else:
            req = services.file_by_staff(actor=coordinator, household=household, kind=kind, phone=phone,
                                         name=household.head_name or "Warga", details=details, verified=True,
                                         reference=reference)
        received = timezone.now() - timedelta(hours=hours_ago)
        RightsRequest.objects.filter(pk=req.pk).update(received_at=received,
                                                       due_at=received + timedelta(hours=conf.ANSWER_HOURS))
