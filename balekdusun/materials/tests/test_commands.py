from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from balekdusun.materials import codes
from balekdusun.materials.models import Sticker, StickerBatch


def test_sticker_batch_command(offices):
    out = StringIO()
    call_command("sticker_batch", "--office", "BP3MI Sumsel", "--size", "250", "--label", "Cetak 2", stdout=out)
    batch = StickerBatch.objects.get()
    assert f"Batch {batch.pk}: 250 codes" in out.getvalue()
    assert batch.office == offices["sumsel"] and batch.label == "Cetak 2"
    got = list(Sticker.objects.filter(batch=batch).values_list("code", flat=True))
    assert len(set(got)) == 250 and all(codes.is_valid(c) for c in got)


@pytest.mark.parametrize("argv,message", [
    (["--office", "Nowhere", "--size", "5"], "No office"),
    (["--office", "BP3MI Jatim", "--size", "0"], "--size"),
])
def test_sticker_batch_command_refuses(offices, argv, message):
    with pytest.raises(CommandError, match=message):
        call_command("sticker_batch", *argv, stdout=StringIO())
    assert not Sticker.objects.exists()
