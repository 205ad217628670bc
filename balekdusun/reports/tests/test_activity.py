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


def _five_cases(launch, dave):
    """Five follow-ups from the launch's visits: one resolved in time, one resolved late, three still open (one
    past its due date)."""
    import datetime as dt

    from django.utils import timezone

    from balekdusun.cases.models import Case, CaseStatus

    now = timezone.now()
    visit = launch["visits"][0]
    specs = [(CaseStatus.RESOLVED, now + dt.timedelta(days=1), now), (CaseStatus.RESOLVED, now - dt.timedelta(days=2),
             now), (CaseStatus.NEW, now + dt.timedelta(days=3), None), (CaseStatus.IN_PROGRESS,
             now + dt.timedelta(days=3), None), (CaseStatus.VERIFIED, now - dt.timedelta(days=1), None)]
    for i, (status, due, resolved) in enumerate(specs):
        Case.objects.create(reference=f"T{i}X7K2M9", office=dave.office, kind="information", source="visit",
                            status=status, visit=visit, village_id=visit.village_id, due_at=due,
                            resolved_at=resolved)


@pytest.mark.django_db
def test_the_report_says_what_happened_to_the_follow_ups(dave, launch):
    from balekdusun.reports import activity

    _five_cases(launch, dave)
    context = activity.outreach_context(launch["outreach"])
    assert context["details"]["cases"] == {"opened": 5, "done": 2, "done_in_time": 1, "open": 3, "overdue": 1}
    sentence = [line for line in context["conclusion"] if "tindak lanjut" in line]
    assert sentence == ["5 tindak lanjut dibuka dari kunjungan ini: 2 sudah selesai, 1 di antaranya dalam batas "
                        "waktu layanan; 3 masih ditangani, 1 di antaranya melewati batas waktu."]
    # Never the old blanket claim.
    assert not any("ditangani sesuai batas waktu layanan" in line for line in context["conclusion"])


def test_case_sentences_cover_every_shape():
    from balekdusun.reports.activity import _case_sentences

    assert _case_sentences({"opened": 0, "done": 0, "done_in_time": 0, "open": 0, "overdue": 0}) == []
    assert _case_sentences({"opened": 2, "done": 2, "done_in_time": 2, "open": 0, "overdue": 0}) == [
        "2 tindak lanjut dibuka dari kunjungan ini: 2 sudah selesai dalam batas waktu layanan."]
    assert _case_sentences({"opened": 4, "done": 0, "done_in_time": 0, "open": 4, "overdue": 0}) == [
        "4 tindak lanjut dibuka dari kunjungan ini: 4 masih ditangani."]
    assert _case_sentences({"opened": 1, "done": 1, "done_in_time": 0, "open": 0, "overdue": 0}) == [
        "1 tindak lanjut dibuka dari kunjungan ini: 1 sudah selesai, tetapi tidak ada yang dalam batas waktu "
        "layanan."]


@pytest.mark.django_db
def test_signature_block_has_place_date_name_and_nip(login, dave, launch):
    from django.utils import timezone

    from balekdusun.reports.activity import tanggal

    dave.nip = "197501012000032001"
    dave.save()
    dave.office.city = "Palembang"
    dave.office.save()
    text, _objects = pdf_text(login(dave).get(f"/reports/outreach/{launch['outreach'].pk}/report.pdf").content)
    assert f"Palembang, {tanggal(timezone.localdate(), with_day=False)}" in text
    assert "Dave" in text and "NIP 197501012000032001" in text


@pytest.mark.django_db
def test_signature_place_falls_back_to_the_province(dave, launch):
    from balekdusun.reports.activity import _signer

    assert _signer(dave.office)["place"] == "Sumatera Selatan"
    assert _signer(dave.office)["nip"] == ""


@pytest.mark.django_db
def test_a_nip_has_eighteen_digits(login, dave):
    from balekdusun.core.models import User

    client = login(dave)
    data = {"username": "budi", "first_name": "Budi", "last_name": "", "email": "", "phone": "", "role": "officer",
            "office": dave.office_id, "is_active": "on", "password": "a-long-password-1", "nip": "1975-01"}
    response = client.post("/users/new/", data)
    assert response.status_code == 422 and "nip" in response.context["form"].errors
    assert not User.objects.filter(username="budi").exists()
    data["nip"] = "197501012000031005"
    assert client.post("/users/new/", data).status_code == 302
    assert User.objects.get(username="budi").nip == "197501012000031005"
