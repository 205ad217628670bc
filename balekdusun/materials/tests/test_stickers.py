from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from balekdusun.core.services import DomainError
from balekdusun.materials import analytics, codes, services
from balekdusun.materials.models import Sticker, StickerConflict, StickerScan, StickerStatus

from .conftest import make_household, make_visit


@pytest.fixture
def calls(monkeypatch):
    """Record the rollup hooks the services call."""
    from balekdusun.reports import rollups

    seen = []
    for name in ("stock_moved", "sticker_placed", "sticker_scanned"):
        monkeypatch.setattr(rollups, name, lambda obj, _n=name: seen.append((_n, obj)))
    return seen


def test_batch_codes_unique_in_database(monkeypatch, carol):
    first = services.create_batch(office=carol.office, size=3, actor=carol)
    taken = list(first.stickers.values_list("code", flat=True))
    fresh = codes.generate(10)
    draws = iter([taken[:2] + fresh[:3], fresh[3:10]])
    monkeypatch.setattr(codes, "generate", lambda n: next(draws)[:n])
    second = services.create_batch(office=carol.office, size=5, actor=carol)
    got = list(second.stickers.order_by("id").values_list("code", flat=True))
    assert len(got) == 5 and not set(got) & set(taken)
    assert Sticker.objects.count() == 8
    assert all(codes.is_valid(c) for c in got)


def test_batch_size_refused(carol):
    with pytest.raises(DomainError) as err:
        services.create_batch(office=carol.office, size=services.MAX_BATCH + 1, actor=carol)
    assert err.value.field == "size"


def test_place_sticker_flags(calls, offices, carol, bob, launch, jatim_outreach, charlie):
    batch = services.create_batch(office=carol.office, size=3, actor=carol)
    s1, s2, s3 = batch.stickers.order_by("id")
    house, other = make_household(), make_household()
    v1 = make_visit(household=house, officer=bob, outreach=launch)
    assert services.place_sticker(visit=v1, code=s1.code.lower(), household=house) is None
    s1.refresh_from_db()
    assert (s1.status, s1.household, s1.placed_by_visit, s1.placed_at) == ("placed", house, v1, v1.visited_at)
    assert ("sticker_placed", s1) in [(n, o) for n, o in calls]
    # Same house again: fine, no conflict. Another house: flagged, never moved.
    assert services.place_sticker(visit=make_visit(household=house, officer=bob, outreach=launch), code=s1.code,
                                  household=house) is None
    v3 = make_visit(household=other, officer=bob, outreach=launch)
    assert services.place_sticker(visit=v3, code=s1.code, household=other) == "sticker.already_placed"
    assert services.place_sticker(visit=v3, code=s1.code, household=other) == "sticker.already_placed"
    s1.refresh_from_db()
    assert s1.household == house and StickerConflict.objects.count() == 1
    bad = s2.code[:-1] + ("2" if s2.code[-1] != "2" else "3")
    assert services.place_sticker(visit=v3, code=bad, household=other) == "sticker.invalid_code"
    unknown = next(c for c in codes.generate(5) if not Sticker.objects.filter(code=c).exists())
    assert services.place_sticker(visit=v3, code=unknown, household=other) == "sticker.unknown"
    services.void_sticker(sticker=s2, reason="torn", actor=carol)
    assert services.place_sticker(visit=v3, code=s2.code, household=other) == "sticker.void"
    jhouse = make_household(village="35.02.01.2001")
    jv = make_visit(household=jhouse, officer=charlie, outreach=jatim_outreach)
    assert services.place_sticker(visit=jv, code=s3.code, household=jhouse) == "sticker.other_office"
    assert Sticker.objects.get(pk=s3.pk).status == StickerStatus.PRINTED


def test_record_scan(calls, carol):
    batch = services.create_batch(office=carol.office, size=2, actor=carol)
    s1, s2 = batch.stickers.order_by("id")
    assert services.record_scan(f" {s1.code[:3]}-{s1.code[3:].lower()} ") == s1
    scan = StickerScan.objects.get()
    assert scan.code == s1.code and scan.sticker == s1
    assert {f.name for f in StickerScan._meta.fields} == {"id", "sticker", "code", "scanned_at"}
    assert ("sticker_scanned", scan) in calls
    services.void_sticker(sticker=s2, reason="replaced", actor=carol)
    assert services.record_scan(s2.code) is None
    assert services.record_scan("NOTACODE") is None
    unknown = next(c for c in codes.generate(5) if not Sticker.objects.filter(code=c).exists())
    assert services.record_scan(unknown) is None
    assert StickerScan.objects.count() == 1


def test_stock_moves_call_rollup(calls, offices, carol, brochure):
    move = services.receive_stock(office=offices["sumsel"], material=brochure, quantity=5, actor=carol)
    assert ("stock_moved", move) in calls


def test_issue_stickers_to_team(carol, launch, jatim_outreach):
    batch = services.create_batch(office=carol.office, size=4, actor=carol)
    assert services.issue_stickers(batch=batch, outreach=launch, count=3, actor=carol) == 3
    assert list(batch.stickers.order_by("id").values_list("status", flat=True)) == ["issued"] * 3 + ["printed"]
    with pytest.raises(DomainError) as err:
        services.issue_stickers(batch=batch, outreach=launch, count=2, actor=carol)
    assert err.value.code == "stickers.insufficient"
    with pytest.raises(DomainError) as err:
        services.issue_stickers(batch=batch, outreach=jatim_outreach, count=1, actor=carol)
    assert err.value.field == "outreach"


def test_analytics(carol, bob, launch):
    batch = services.create_batch(office=carol.office, size=3, actor=carol)
    s1, s2, _s3 = batch.stickers.order_by("id")
    at = timezone.make_aware(datetime(2023, 12, 7, 9, 0))
    for s, village in ((s1, "16.02.08.2017"), (s2, "16.02.08.2018")):
        h = make_household(village=village)
        services.place_sticker(visit=make_visit(household=h, officer=bob, outreach=launch, at=at), code=s.code,
                               household=h)
    StickerScan.objects.create(sticker=s1, code=s1.code, scanned_at=at - timedelta(hours=1))  # before: ignored
    StickerScan.objects.create(sticker=s1, code=s1.code, scanned_at=at + timedelta(hours=6))
    StickerScan.objects.create(sticker=s1, code=s1.code, scanned_at=at + timedelta(days=8))
    stickers = Sticker.objects.all()
    placed = analytics.placed_per_village_week(stickers)
    assert {(r["village_id"], str(r["week"]), r["placed"]) for r in placed} == {
        ("16.02.08.2017", "2023-12-04", 1), ("16.02.08.2018", "2023-12-04", 1)}
    scanned = analytics.scanned_per_village_week(StickerScan.objects.all())
    assert [(str(r["week"]), r["scans"]) for r in scanned] == [("2023-12-04", 2), ("2023-12-11", 1)]
    first = analytics.time_to_first_scan(stickers)
    assert first == {"placed": 2, "scanned": 1, "scanned_share": 0.5, "median_hours": 6.0, "mean_hours": 6.0}


def test_api(client, bob, carol, jane, bearer, launch, brochure, offices):
    services.receive_stock(office=offices["sumsel"], material=brochure, quantity=10, actor=carol)
    services.issue_stock(outreach=launch, material=brochure, quantity=4, officer=bob, actor=carol)
    headers = bearer(bob)
    r = client.get("/api/v1/materials/catalogue", **headers)
    assert r.status_code == 200 and r.json()[0]["title"] == brochure.title
    r = client.get(f"/api/v1/materials/outreach/{launch.pk}/stock?mine=true", **headers)
    assert r.json()["lines"] == [{"material_id": brochure.pk, "quantity": 4}]
    assert client.get(f"/api/v1/materials/outreach/{launch.pk}/stock", **bearer(jane)).status_code == 404
    batch = services.create_batch(office=carol.office, size=1, actor=carol)
    code = batch.stickers.get().code
    assert client.get(f"/api/v1/materials/stickers/{code}", **headers).json()["status"] == "printed"
    assert client.get(f"/api/v1/materials/stickers/{code}", **bearer(jane)).status_code == 404
    assert client.get(f"/api/v1/materials/stickers/{code[:-1]}", **headers).status_code == 422
    assert client.get(f"/api/v1/materials/codes/{code}/check", **headers).json() == {"code": code, "valid": True}
    r = client.get("/api/v1/materials/stickers-analytics", **headers)
    assert r.status_code == 200 and r.json()["status"]["printed"] == 1
    assert client.get("/api/v1/materials/catalogue").status_code == 401
