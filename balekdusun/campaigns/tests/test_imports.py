import io
import resource

import pytest
from django.core.management import CommandError, call_command
from django.utils.translation import override
from openpyxl import Workbook

from balekdusun.campaigns.imports import import_households, import_migration
from balekdusun.campaigns.models import Household, MigrationStat
from balekdusun.regions.models import Area

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with override("en"):
        yield


def csv_file(text: str) -> io.BytesIO:
    return io.BytesIO(text.encode())


def run(text: str, **kw):
    return import_migration(csv_file(text), "figures.csv", **kw)


def test_good_csv_with_countries_and_sectors():
    result = run("area_code,year,month,placements,non_procedural,country_MY,sector_plantation\n"
                 "16.02.08.2017,2023,,48,3,40,12\n16.02.23,2023,5,\"1,250\",,,\n")
    assert result.ok, result.errors
    assert result.created == 2
    stat = MigrationStat.objects.get(area_id="16.02.08.2017")
    assert (stat.placements, stat.non_procedural, stat.by_country, stat.by_sector) == (48, 3, {"MY": 40},
                                                                                       {"plantation": 12})
    assert MigrationStat.objects.get(area_id="16.02.23").placements == 1250


def test_wrong_header_names_the_column():
    result = run("area,year,placements\n16.02.08.2017,2023,4\n")
    assert [(e.line, e.column) for e in result.errors] == [(1, "area")]
    result = run("area_code,year\n16.02.08.2017,2023\n")
    assert result.errors[0].column == "placements" and "Missing" in result.errors[0].message


def test_unknown_area_text_number_and_duplicate_write_nothing():
    result = run("area_code,year,placements\n"
                 "16.02.08.2017,2023,4\n"      # line 2: fine
                 "99.99.99,2023,4\n"           # line 3: unknown area
                 "16.02.23,2023,banyak\n"      # line 4: text in a number column
                 "16.02.08.2017,2023,7\n")     # line 5: duplicate of line 2
    assert [(e.line, e.column) for e in result.errors] == [(3, "area_code"), (4, "placements"), (5, "area_code")]
    assert "line 2" in result.errors[2].message
    assert result.created == 0
    assert not MigrationStat.objects.exists()


def test_duplicate_of_stored_period():
    assert run("area_code,year,placements\n16.02.23,2022,4\n").ok
    result = run("area_code,year,placements\n16.02.23,2022,5\n16.02.02,2022,1\n")
    assert [(e.line, e.column) for e in result.errors] == [(2, "area_code")]
    assert MigrationStat.objects.count() == 1


def test_empty_file_and_header_only():
    assert str(run("").errors[0]) .endswith("The file is empty.")
    result = run("area_code,year,placements\n")
    assert result.errors and result.errors[0].line == 2


def test_jurisdiction_of_the_uploader(jane):
    result = run("area_code,year,placements\n16.02.23,2022,4\n", user=jane)
    assert "outside your jurisdiction" in result.errors[0].message


def test_xlsx_is_read_too():
    book = Workbook()
    sheet = book.active
    sheet.append(["area_code", "year", "placements", "country_JP"])
    sheet.append(["16.02.08.2017", 2023, 12, 3])
    sheet.append(["16.02.02", 2023, "dua", None])
    data = io.BytesIO()
    book.save(data)
    data.seek(0)
    result = import_migration(data, "f.xlsx")
    assert [(e.line, e.column) for e in result.errors] == [(3, "placements")]
    data.seek(0)
    book2 = Workbook()
    book2.active.append(["area_code", "year", "placements"])
    book2.active.append(["16.02.08.2017", 2023, 12])
    out = io.BytesIO()
    book2.save(out)
    out.seek(0)
    assert import_migration(out, "f.xlsx").created == 1


def _big_csv(path, rows, bad_last=False):
    villages = list(Area.objects.filter(level=4, code__startswith="16.02.").values_list("code", flat=True))
    with open(path, "w") as fh:
        fh.write("area_code,year,month,placements,non_procedural,country_MY\n")
        n = 0
        for year in range(2000, 2101):
            for month in range(0, 13):
                for code in villages:
                    if n >= rows:
                        break
                    fh.write(f"{code},{year},{month},{n % 97},{n % 5},{n % 50}\n")
                    n += 1
        if bad_last:
            fh.write(f"{villages[0]},2000,0,1,1,1\n")  # duplicate of line 2, at the very end
    return path


def test_fifty_thousand_rows_streamed_with_flat_memory(tmp_path, capsys):
    path = _big_csv(tmp_path / "big.csv", 50_000)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    call_command("import_migration", str(path))
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert MigrationStat.objects.count() == 50_000
    # The file is ~1.7 MB; 50,000 model instances held at once take about 80 MB. Streaming in chunks of
    # 1,000 keeps the peak of the process within a few MB of where it started.
    assert grown_mb < 30, grown_mb
    captured = capsys.readouterr()
    assert "Imported 50000 rows" in captured.out
    assert "100%" in captured.err  # the rich progress bar was drawn


def test_command_reports_errors_and_writes_nothing(tmp_path):
    path = _big_csv(tmp_path / "bad.csv", 3000, bad_last=True)
    with pytest.raises(CommandError, match="nothing imported"):
        call_command("import_migration", str(path), "--no-progress")
    assert not MigrationStat.objects.exists()


def test_household_import_consent_rule(carol):
    village = Area.objects.get(code="16.02.08.2017")
    text = ("dusun,rt,rw,address,latitude,longitude,head_name,phone,consent\n"
            "Dusun I,001,001,Rumah panggung,-3.25,104.85,,,\n"
            "Dusun I,002,001,Dekat masjid,-3.2502,104.8501,Pak Budi,0812 7300 1234,ya\n"
            "Dusun II,001,002,Ujung lorong,-3.251,104.851,Bu Siti,,\n"
            "Dusun II,001,002,Tepi sungai,abc,104.851,,,\n")
    result = import_households(csv_file(text), "hh.csv", village=village, actor=carol)
    assert [(e.line, e.column) for e in result.errors] == [(4, "head_name"), (5, "latitude")]
    assert not Household.objects.exists()
    good = "\n".join(text.splitlines()[:3]) + "\n"
    result = import_households(csv_file(good), "hh.csv", village=village, actor=carol)
    assert result.ok and result.created == 2
    budi = Household.objects.get(head_name="Pak Budi")
    assert budi.consent_at and budi.consent_by == carol and budi.phone == "+6281273001234"


def test_bytes_that_are_not_utf8_are_reported_by_line_not_a_crash():
    data = "area_code,year,placements\n16.02.23,2022,4\n16.02.02,2022,3 (Pak José)\n".encode("latin-1")
    result = import_migration(io.BytesIO(data), "figures.csv")
    assert [(e.line, e.column) for e in result.errors] == [(3, "")]
    assert "not UTF-8" in result.errors[0].message
    assert not MigrationStat.objects.exists()


def test_household_import_counts_each_chunk_once_and_equals_a_rebuild(carol, monkeypatch):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from balekdusun.campaigns import imports
    from balekdusun.reports.models import TOTAL, RollupCounter
    from balekdusun.reports.rebuild import rebuild

    monkeypatch.setattr(imports, "CHUNK", 100)
    village = Area.objects.get(code="16.02.08.2017")
    text = "address\n" + "".join(f"Rumah {n}\n" for n in range(250))
    with CaptureQueriesContext(connection) as queries:
        result = import_households(csv_file(text), "hh.csv", village=village, actor=carol)
    assert result.ok and result.created == 250
    counter_writes = [q for q in queries.captured_queries
                      if q["sql"].startswith("INSERT") and "reports_rollupcounter" in q["sql"]]
    assert len(counter_writes) == 3  # chunks of 100, 100 and 50: one write each, not one per house
    counted = {(r.area_code, r.key): r.value for r in RollupCounter.objects.filter(period=TOTAL, key="households")}
    assert counted[("16.02.08.2017", "households")] == 250 and counted[("", "households")] == 250
    rebuild()
    assert {(r.area_code, r.key): r.value for r in RollupCounter.objects.filter(period=TOTAL, key="households")} \
        == counted
