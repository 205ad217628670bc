"""Sticker codes and sheets at national scale.

    .venv/bin/python bench/stickers.py [--quick]

1. Generate 1,000,000 sticker codes into one batch with `services.insert_codes` (CSPRNG, check character,
   uniqueness checked against the database per chunk, bulk insert) and compare with a raw `executemany` of the
   same number of bare rows into the same table, in the same run, on a fresh SQLite file (or DATABASE_URL).
2. Render a 50-page A4 sheet PDF (3 × 8 labels, 1,200 QR codes) of that batch.

Wall time, CPU time of this process (the shared 2-core machines are often loaded by other jobs, so wall time
alone over-states the cost) and peak Python memory (tracemalloc, measured in a second pass because it slows
code down) for each.
--quick: 100,000 codes and 5 pages.
"""

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common  # noqa: E402


def main() -> None:
    args = _common.parser(__doc__.splitlines()[0]).parse_args()
    n = 100_000 if args.quick else 1_000_000
    pages = 5 if args.quick else 50
    tmp = tempfile.TemporaryDirectory(prefix="bench-stickers-")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{tmp.name}/bench.sqlite3")
    _common.setup_django("test")

    from django.core.management import call_command
    from django.db import connection, transaction

    from balekdusun.core.models import Office
    from balekdusun.materials import codes, services, sheets
    from balekdusun.materials.models import Sticker, StickerBatch

    call_command("migrate", verbosity=0)
    office, _ = Office.objects.get_or_create(name="Bench office", defaults={
        "jurisdiction": [], "hotline_phone": "0711-000-0000", "hotline_name": "Songket", "short_name": "Bench"})
    table = Sticker._meta.db_table

    def clear():
        # Raw deletes: the ORM's cascade collector would fetch a million ids first.
        with transaction.atomic(), connection.cursor() as cur:
            cur.execute(f"DELETE FROM {table}")
            cur.execute(f"DELETE FROM {StickerBatch._meta.db_table}")

    def raw_insert():
        batch = StickerBatch.objects.create(office=office, size=n, label="raw")
        # Bare rows: a counter written in the code alphabet, no randomness, no check, no uniqueness look-up.
        rows = [(f"R{i:09d}", batch.pk, office.pk, "printed", "") for i in range(n)]
        with transaction.atomic(), connection.cursor() as cur:
            cur.executemany(f"INSERT INTO {table} (code, batch_id, office_id, status, void_reason) "
                            "VALUES (%s, %s, %s, %s, %s)", rows)

    def ours():
        with transaction.atomic():
            batch = StickerBatch.objects.create(office=office, size=n, label="bench")
            services.insert_codes(batch=batch, n=n)
        return batch

    clear()
    print(f"{n} codes, {pages} pages on {connection.vendor}", flush=True)
    cpu_start = time.process_time()
    with _common.timer() as t_raw:
        raw_insert()
    cpu_raw = time.process_time() - cpu_start
    clear()
    with _common.peak_python_memory() as m_raw:
        raw_insert()
    clear()
    with _common.peak_python_memory() as m_ours:
        ours()
    clear()
    cpu_start = time.process_time()
    with _common.timer() as t_ours:
        batch = ours()
    cpu_ours = time.process_time() - cpu_start

    count = Sticker.objects.filter(batch=batch).count()
    distinct = Sticker.objects.filter(batch=batch).values("code").distinct().count()
    sample = list(Sticker.objects.filter(batch=batch).values_list("code", flat=True)[:10_000])
    assert count == distinct == n, (count, distinct, n)
    assert all(codes.is_valid(c) for c in sample)

    layout = sheets.PRESETS["3x8"]
    code_list = list(Sticker.objects.filter(batch=batch).order_by("id")
                     .values_list("code", flat=True)[:pages * layout.per_page])
    cpu_start = time.process_time()
    with _common.timer() as t_pdf:
        pdf = sheets.render_sheet(code_list, layout=layout, office=office)
    cpu_pdf = time.process_time() - cpu_start
    with _common.peak_python_memory() as m_pdf:
        sheets.render_sheet(code_list, layout=layout, office=office)
    import pypdfium2

    doc = pypdfium2.PdfDocument(pdf)
    pdf_pages = len(doc)
    doc.close()

    label = f"{n:,}".replace(",", " ")
    figures = [
        _common.figure(f"generate+insert {label} codes (s)", t_ours(), "s", baseline=t_raw(),
                       target="< 5× raw executemany", ok=t_ours() < 5 * t_raw()),
        _common.figure(f"generate+insert {label} codes peak memory", m_ours(), "MB", baseline=m_raw(),
                       target="≤ raw executemany", ok=m_ours() <= m_raw()),
        _common.figure(f"generate+insert {label} codes, CPU of this process", cpu_ours, "s", baseline=cpu_raw,
                       target="< 5× raw executemany", ok=cpu_ours < 5 * cpu_raw),
        _common.figure("codes per second", n / t_ours(), "1/s", baseline=n / t_raw()),
        _common.figure(f"sheet PDF {pages} pages ({len(code_list)} labels)", t_pdf(), "s",
                       target=f"< {pages * 1.2:g} s (1.2 s/page)", ok=t_pdf() < pages * 1.2),
        _common.figure(f"sheet PDF {pages} pages, CPU of this process", cpu_pdf, "s",
                       target=f"< {pages * 1.2:g} s (1.2 s/page)", ok=cpu_pdf < pages * 1.2),
        _common.figure(f"sheet PDF {pages} pages peak memory", m_pdf(), "MB", target="< 500 MB",
                       ok=m_pdf() < 500),
        _common.figure("sheet PDF size", len(pdf) / 2**20, "MB"),
        _common.figure("process max RSS", _common.max_rss_mb(), "MB"),
    ]
    assert pdf_pages == pages, (pdf_pages, pages)
    _common.report("stickers", figures, quick=args.quick, codes=n, pages=pages, vendor=connection.vendor)
    tmp.cleanup()


if __name__ == "__main__":
    main()
