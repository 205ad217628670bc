"""Demo materials: two brochures and the sticker, a print run, stock with the launch team, a sticker batch.

Idempotent: materials by (title, version, language), ledger rows by their natural keys (the print run's delivery
note, one issue per officer and material), the batch by its label. Sticker codes come from the CSPRNG and are
drawn once; a second run finds the batch and changes nothing.
"""

from balekdusun.materials import services
from balekdusun.materials.models import Material, MaterialKind, MoveKind, StickerBatch, StickerStatus, StockMove

MATERIALS = {
    "jobs": dict(kind=MaterialKind.BROCHURE, title="Peluang Kerja ke Luar Negeri", version="1", language="id",
                 topics=["jobs", "hotline"],
                 notes="Lowongan resmi, negara tujuan utama, dan cara memeriksa perusahaan penempatan (P3MI)."),
    "procedure": dict(kind=MaterialKind.BROCHURE, title="Tata Cara Bekerja ke Luar Negeri secara Prosedural",
                      version="1", language="id", topics=["legal_procedure", "illegal_recruitment", "hotline"],
                      notes="Sepuluh langkah dari Disnaker sampai keberangkatan; tanda-tanda perekrutan ilegal."),
    "sticker": dict(kind=MaterialKind.STICKER, title="Stiker Balek Dusun", version="1", language="id",
                    topics=["hotline"], notes="Stiker pintu dengan kode QR dan nomor pengaduan."),
}
PRINT_RUN = "DEMO-SP-2023-11"  # the printer's delivery note
RECEIVED = {"jobs": 1000, "procedure": 1000, "sticker": 600}
ISSUED_PER_OFFICER = {"jobs": 60, "procedure": 60, "sticker": 40}
BATCH_LABEL = "Peluncuran OKI Desember 2023"
BATCH_SIZE = 240
STICKERS_TO_LAUNCH = 120


def seed(ctx: dict) -> None:
    sumsel = ctx["offices"]["BP3MI Sumatera Selatan"]
    coordinator = ctx["users"]["koordinator.sumsel"]
    launch = ctx["launch"]
    materials = {}
    for key, spec in MATERIALS.items():
        material, _ = Material.objects.get_or_create(
            title=spec["title"], version=spec["version"], language=spec["language"], defaults=spec)
        materials[key] = material

    for key, quantity in RECEIVED.items():
        if not StockMove.objects.filter(office=sumsel, material=materials[key], kind=MoveKind.RECEIVED,
                                        reason=PRINT_RUN).exists():
            services.receive_stock(office=sumsel, material=materials[key], quantity=quantity, actor=coordinator,
                                   reason=PRINT_RUN)

    officers = [m.user for m in launch.team.filter(user__role="officer").select_related("user").order_by("id")]
    if not launch_signed_off(launch):
        for officer in officers:
            for key, quantity in ISSUED_PER_OFFICER.items():
                if not StockMove.objects.filter(outreach=launch, officer=officer, material=materials[key],
                                                kind=MoveKind.ISSUED).exists():
                    services.issue_stock(outreach=launch, material=materials[key], quantity=quantity,
                                         officer=officer, actor=coordinator)

    batch = StickerBatch.objects.filter(office=sumsel, label=BATCH_LABEL).first()
    if batch is None:
        batch = services.create_batch(office=sumsel, size=BATCH_SIZE, label=BATCH_LABEL, actor=coordinator)
        services.issue_stickers(batch=batch, outreach=launch, count=STICKERS_TO_LAUNCH, actor=coordinator)

    ctx["materials"] = materials
    ctx["sticker_batch"] = batch
    # Codes the launch team carries, in print order, for the visits demo to place.
    ctx["launch_sticker_codes"] = list(batch.stickers.filter(outreach=launch).exclude(status=StickerStatus.VOID)
                                       .order_by("id").values_list("code", flat=True))


def launch_signed_off(outreach) -> bool:
    from balekdusun.materials.models import Reconciliation

    return Reconciliation.objects.filter(outreach=outreach).exists()
