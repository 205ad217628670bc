"""Print sheets: render the PDF, rasterise it, read every QR code back and check where it landed."""

import pypdfium2 as pdfium
import pytest
import zxingcpp
from django.conf import settings
from django.urls import reverse

from balekdusun.materials import services, sheets

DPI = 200
PX_PER_MM = DPI / 25.4


def _decode(pdf: bytes):
    """[(page, x_mm, y_mm, text)] in reading order (page, row, column)."""
    doc = pdfium.PdfDocument(pdf)
    found = []
    try:
        for index in range(len(doc)):
            page = doc[index]
            w, h = page.get_size()
            assert (round(w), round(h)) == (595, 842)  # A4 in points
            image = page.render(scale=DPI / 72).to_pil()
            for result in zxingcpp.read_barcodes(image):
                p = result.position
                xs = [p.top_left.x, p.top_right.x, p.bottom_right.x, p.bottom_left.x]
                ys = [p.top_left.y, p.top_right.y, p.bottom_right.y, p.bottom_left.y]
                found.append((index, sum(xs) / 4 / PX_PER_MM, sum(ys) / 4 / PX_PER_MM, result.text))
            page.close()
    finally:
        doc.close()
    return sorted(found, key=lambda f: (f[0], round(f[2]), f[1]))


def _expected_centres(layout: sheets.Layout, n: int):
    box = sheets._label_box(layout)
    out = []
    for i in range(n):
        left, top = layout.position(i)
        out.append((i // layout.per_page, left + box["qr_left"] + box["qr"] / 2, top + box["qr_top"] + box["qr"] / 2))
    return out


@pytest.mark.parametrize("query,layout,n", [
    ({"preset": "3x8"}, sheets.PRESETS["3x8"], 30),
    ({"preset": "custom", "cols": "2", "rows": "5", "margin_top": "12", "margin_bottom": "12",
      "margin_left": "8", "margin_right": "8", "gap_x": "4", "gap_y": "3"},
     sheets.Layout(cols=2, rows=5, margin_top=12, margin_bottom=12, margin_left=8, margin_right=8, gap_x=4,
                   gap_y=3), 10),
])
def test_sheet_qr_codes_read_back_in_order_and_on_the_grid(login, carol, query, layout, n):
    batch = services.create_batch(office=carol.office, size=n, actor=carol)
    codes_in_order = list(batch.stickers.order_by("id").values_list("code", flat=True))
    response = login(carol).get(reverse("materials:batch_sheet", args=[batch.pk]), query)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    found = _decode(response.content)
    assert [text for *_pos, text in found] == [f"{settings.SITE_URL}/s/{c}" for c in codes_in_order]
    for (page, x, y, _text), (epage, ex, ey) in zip(found, _expected_centres(layout, n), strict=True):
        assert page == epage
        assert abs(x - ex) <= 1.0 and abs(y - ey) <= 1.0, (x, ex, y, ey)


def test_sheet_slice_and_text(login, carol):
    batch = services.create_batch(office=carol.office, size=6, actor=carol)
    codes_in_order = list(batch.stickers.order_by("id").values_list("code", flat=True))
    html = sheets.sheet_html(codes_in_order[2:4], layout=sheets.PRESETS["3x8"], office=carol.office)
    assert codes_in_order[2] in html and codes_in_order[4] not in html
    assert "0711-000-0000" in html and "Balek Dusun" in html
    response = login(carol).get(reverse("materials:batch_sheet", args=[batch.pk]),
                                {"preset": "3x8", "start": "3", "count": "2"})
    found = _decode(response.content)
    assert [t.rsplit("/", 1)[-1] for *_p, t in found] == codes_in_order[2:4]


def test_layout_positions_are_exact():
    layout = sheets.Layout(cols=3, rows=8, margin_top=10, margin_bottom=11, margin_left=5, margin_right=6,
                           gap_x=2, gap_y=1)
    assert layout.position(0) == (5, 10)
    assert layout.position(4) == pytest.approx((5 + layout.label_w + 2, 10 + layout.label_h + 1))
    last_left, last_top = layout.position(23)
    assert last_left + layout.label_w == pytest.approx(210 - 6)
    assert last_top + layout.label_h == pytest.approx(297 - 11)
    assert layout.position(24) == layout.position(0)


@pytest.mark.parametrize("preset", ["3x8", "2x5", "3x7"])
def test_sticker_says_what_it_is_for_inside_its_label(carol, preset, settings):
    """Call to action, the short address with the code (for people who cannot scan), the office's hotline and
    the national line, all printed inside the label: text that overflows is clipped, so it is read back
    from the label's rectangle only."""
    settings.SITE_URL = "https://balekdusun.bp2mi.go.id"
    layout = sheets.PRESETS[preset]
    pdf = sheets.render_sheet(["K7M2Q9X", "ABCDEFG"], layout=layout, office=carol.office)
    doc = pdfium.PdfDocument(pdf)
    try:
        page = doc[0]
        text_page = page.get_textpage()
        pt = 72 / 25.4
        left, top = layout.position(1)
        text = text_page.get_text_bounded(left=left * pt, right=(left + layout.label_w) * pt,
                                          top=(297 - top) * pt, bottom=(297 - top - layout.label_h) * pt)
        text_page.close()
        page.close()
    finally:
        doc.close()
    flat = " ".join(text.split())
    assert "Pindai untuk info kerja ke luar negeri yang resmi" in flat
    assert "balekdusun.bp2mi.go.id/s/ ABCDEFG" in flat or "balekdusun.bp2mi.go.id/s/ABCDEFG" in flat
    assert "0711-000-0000" in flat and "0800-1000" in flat and "Songket" in flat
    assert "K7M2Q9X" not in flat  # the neighbouring label is outside this rectangle


def test_sticker_is_printed_in_indonesian_whatever_the_coordinator_reads(carol):
    from django.utils import translation

    with translation.override("en"):
        html = sheets.sheet_html(["K7M2Q9X"], layout=sheets.PRESETS["3x8"], office=carol.office)
    assert "Pindai untuk info kerja ke luar negeri yang resmi" in html and "Scan for" not in html


def test_an_office_without_its_own_hotline_prints_the_national_line_once(carol):
    carol.office.hotline_phone = ""
    html = sheets.sheet_html(["K7M2Q9X"], layout=sheets.PRESETS["3x8"], office=carol.office)
    assert html.count("0800-1000") == 1
