import csv
import io

import openpyxl
import pytest

from balekdusun.core.models import AuditEntry


def read_csv(response):
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(body)))


@pytest.mark.django_db
def test_visits_csv_streams_and_redacts_for_a_viewer(login, victor, launch):
    response = login(victor).get("/reports/exports/visits.csv?codes=1")
    assert response.status_code == 200 and response.streaming
    rows = read_csv(response)
    header, data = rows[0], rows[1:]
    assert len(data) == 7
    story = header.index("story")
    assert {r[story] for r in data} <= {"***", ""} and "***" in {r[story] for r in data}
    lat = header.index("latitude")
    assert all(len(r[lat].split(".")[1]) <= 2 for r in data)
    entry = AuditEntry.objects.get(action="export.downloaded")
    assert entry.actor == victor and entry.data["dataset"] == "visits" and entry.data["redacted"] is True


@pytest.mark.django_db
def test_households_xlsx_shows_personal_data_to_a_coordinator(login, carol, launch):
    response = login(carol).get("/reports/exports/households.xlsx?codes=1")
    assert response.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
    rows = list(book.active.iter_rows(values_only=True))
    assert len(rows) == 7
    head = rows[0].index("head_name")
    assert "Budi" in [r[head] for r in rows[1:]]
    assert AuditEntry.objects.get(action="export.downloaded").data["redacted"] is False


@pytest.mark.django_db
def test_exports_are_scoped_validated_and_refused(login, jane, bob, carol, launch):
    rows = read_csv(login(jane).get("/reports/exports/visits.csv"))
    assert len(rows) == 1  # header only: the Jawa Timur coordinator sees no Sumatera Selatan visits
    assert login(bob).get("/reports/exports/visits.csv").status_code == 403  # officers cannot export
    client = login(carol)
    assert client.get("/reports/exports/nothing.csv").status_code == 404
    assert client.get("/reports/exports/visits.pdf").status_code == 404
    response = client.get("/reports/exports/visits.csv?area=35")
    assert response.status_code == 400 and "area" in response.context["form"].errors
    assert len(read_csv(client.get("/reports/exports/visits.csv?area=16.02.08.2001"))) == 1
    assert len(read_csv(client.get("/reports/exports/visits.csv?area=16.02"))) == 8
    for kind in ("cases", "stock", "stickers"):
        for fmt in ("csv", "xlsx"):
            assert client.get(f"/reports/exports/{kind}.{fmt}").status_code == 200
    assert client.get("/reports/exports/").status_code == 200


@pytest.mark.django_db
def test_exports_speak_indonesian_with_names_and_keep_codes_on_request(login, carol, launch):
    from balekdusun.regions.models import Area

    client = login(carol)
    rows = read_csv(client.get("/reports/exports/visits.csv"))
    header, data = rows[0], rows[1:]
    assert header[:7] == ["ID kunjungan", "Waktu kunjungan", "Desa", "Kegiatan", "Petugas", "Nomor rumah tangga",
                          "Hasil"]
    col = {name: header.index(name) for name in header}
    village = launch["outreach"].village
    assert {r[col["Desa"]] for r in data} == {f"{village.name} ({village.code})"}
    assert {r[col["Petugas"]] for r in data} == {"Bob", "Carol"}
    assert {r[col["Hasil"]] for r in data} == {"Bertemu", "Tidak ada orang", "Menolak"}
    assert all(r[col["Kegiatan"]].endswith(f"· {village.name}") for r in data)
    met = [r for r in data if r[col["Hasil"]] == "Bertemu" and r[col["Negara"]]]
    assert met and "Malaysia" in met[0][col["Negara"]] and "MY" not in met[0][col["Negara"]].split(", ")
    # No choice key survives in a column that has words.
    keys = {"met", "not_home", "refused", "kepala_desa", "jobs", "legal_procedure", "wants_to_apply"}
    assert not any(cell in keys for r in data for cell in r)
    # English when the interface is English.
    client.cookies["django_language"] = "en"
    assert read_csv(client.get("/reports/exports/visits.csv"))[0][:3] == ["Visit ID", "Visited at", "Village"]
    # Codes for scripts.
    coded = read_csv(client.get("/reports/exports/visits.csv?codes=1"))
    assert coded[0][:3] == ["uuid", "visited_at", "village_code"]
    assert {r[2] for r in coded[1:]} == {village.code} and "met" in {r[6] for r in coded[1:]}
    assert Area.objects.filter(code=village.code).exists()


@pytest.mark.django_db
def test_stock_cases_and_stickers_exports_have_words(login, carol, launch):
    from balekdusun.materials import services

    services.create_batch(office=carol.office, size=2, actor=carol)
    client = login(carol)
    stickers = read_csv(client.get("/reports/exports/stickers.csv"))
    assert stickers[0][:3] == ["Kode stiker", "Batch", "Status"]
    assert {r[2] for r in stickers[1:]} == {"Dicetak"}
    book = openpyxl.load_workbook(io.BytesIO(b"".join(client.get("/reports/exports/stickers.xlsx")
                                                      .streaming_content)), read_only=True)
    assert list(book.active.iter_rows(values_only=True))[0][:3] == ("Kode stiker", "Batch", "Status")
