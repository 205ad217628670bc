import io

import pypdfium2 as pdfium
import pytest
from PIL import Image

from balekdusun.core.models import AuditEntry


def pdf_text(data: bytes) -> tuple[str, list]:
    pdf = pdfium.PdfDocument(data)
    text = "\n".join(page.get_textpage().get_text_range() for page in pdf)
    objects = [obj.type for page in pdf for obj in page.get_objects()]
    return text, objects


def jpeg(width=2400, height=1600) -> io.BytesIO:
    buf = io.BytesIO()
    Image.new("RGB", (width, height), (200, 100, 50)).save(buf, "JPEG")
    buf.seek(0)
    buf.name = "foto.jpg"
    return buf


@pytest.mark.django_db
def test_outreach_pdf_has_team_numbers_and_map(login, dave, launch):
    response = login(dave).get(f"/reports/outreach/{launch['outreach'].pk}/report.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text, objects = pdf_text(response.content)
    assert "LAPORAN KEGIATAN" in text.upper() and "Kamis, 7 Desember 2023" in text
    for name in ("Bob", "Carol", "Abdul Rahman"):
        assert name in text
    assert "Pematang Buluran" in text
    assert "Rumah tangga dikunjungi" in text
    assert "Anak kami berangkat lewat calo." in text  # story shared with consent
    assert "Peta" in text
    # The map: 6 household dots drawn as vector paths, besides the table borders.
    assert objects.count(pdfium.raw.FPDF_PAGEOBJ_PATH) >= 6
    assert AuditEntry.objects.filter(action="report.activity_pdf").count() == 1


@pytest.mark.django_db
def test_photos_are_resized_and_printed(login, carol, victor, launch, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    out = launch["outreach"]
    assert login(victor).post(f"/reports/outreach/{out.pk}/photos/", {"image": jpeg()}).status_code == 403
    client = login(carol)
    response = client.post(f"/reports/outreach/{out.pk}/photos/", {"image": jpeg(), "caption": "Tim di rumah warga"})
    assert response.status_code == 302
    photo = out.photos.get()
    assert max(photo.width, photo.height) == 1600
    with Image.open(photo.image.path) as image:
        assert image.size == (1600, 1067)
    bad = io.BytesIO(b"not an image")
    bad.name = "x.jpg"
    response = client.post(f"/reports/outreach/{out.pk}/photos/", {"image": bad})
    assert response.status_code == 400 and "image" in response.context["photo_form"].errors
    response = client.get(f"/reports/outreach/{out.pk}/report.pdf")
    _text, objects = pdf_text(response.content)
    assert pdfium.raw.FPDF_PAGEOBJ_IMAGE in objects


@pytest.mark.django_db
def test_news_release_draft(login, dave, launch):
    response = login(dave).get(f"/reports/outreach/{launch['outreach'].pk}/release/")
    assert response.status_code == 200
    text = response.context["text"]
    assert "Desa Pematang Buluran" in text and "Kamis, 7 Desember 2023" in text
    assert "mendatangi 6 rumah" in text and "dengan 5 keluarga" in text
    assert "0711-000-0000" in text


@pytest.mark.django_db
def test_campaign_period_report(login, dave, launch):
    campaign = launch["outreach"].campaign
    client = login(dave)
    response = client.get(f"/reports/campaign/{campaign.pk}/?start=2023-12-01&end=2023-12-31")
    assert response.status_code == 200 and response.context["fig"]["visits"] == 7
    response = client.get(f"/reports/campaign/{campaign.pk}/report.pdf?start=2023-12-01&end=2023-12-31")
    assert response.status_code == 200
    text, _objects = pdf_text(response.content)
    assert "1 Desember 2023 s.d. 31 Desember 2023" in text
    response = client.get(f"/reports/campaign/{campaign.pk}/report.pdf?start=2023-12-31&end=2023-12-01")
    assert response.status_code == 400 and "end" in response.context["form"].errors
