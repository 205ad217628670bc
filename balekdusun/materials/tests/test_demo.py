from balekdusun.campaigns import demo as campaigns_demo
from balekdusun.core import demo as core_demo
from balekdusun.materials import demo, ledger
from balekdusun.materials.models import Material, Sticker, StickerBatch, StockMove


def _run():
    ctx = {}
    core_demo.seed(ctx)
    campaigns_demo.seed(ctx)
    demo.seed(ctx)
    return ctx


def _counts():
    return (Material.objects.count(), StockMove.objects.count(), StickerBatch.objects.count(),
            Sticker.objects.count(), list(Sticker.objects.order_by("id").values_list("code", "status")))


def test_demo_seed_is_idempotent(db):
    ctx = _run()
    first = _counts()
    assert first[0] == 3 and first[2] == 1 and first[3] == demo.BATCH_SIZE
    assert {m.title for m in Material.objects.all()} >= {"Peluang Kerja ke Luar Negeri",
                                                         "Tata Cara Bekerja ke Luar Negeri secara Prosedural"}
    team = ledger.team_stock(ctx["launch"])
    assert team[ctx["materials"]["jobs"].pk] == 2 * demo.ISSUED_PER_OFFICER["jobs"]
    assert len(ctx["launch_sticker_codes"]) == demo.STICKERS_TO_LAUNCH
    _run()
    assert _counts() == first
