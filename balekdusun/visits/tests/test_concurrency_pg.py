"""Concurrent pushes on PostgreSQL never deadlock (docs/field.md, "Many phones at once").

Six threads, each with its own database connection, push small batches at once: visits to the same households of
three villages, in four different weeks (so a household's first visit moves between weeks and the rollups take a
share out of one week and add it to another), half of them with materials, a sticker and a follow-up (several
rollup writes and row locks in one transaction). Every write locks the shared counter rows in one order
(`reports.rollups.collected`, sorted upserts) and the team's outreach day without waiting for other visits'
KEY SHARE locks, so `pg_stat_database.deadlocks` must not move. SQLite has one writer at a time: skipped there.
"""

import datetime as dt
import random
import threading
import time
import uuid

import pytest
from django.db import connection

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.xdist_group("postgres-concurrency")]

THREADS = 6
PUSHES = 25


def _deadlocks() -> int:
    with connection.cursor() as cur:
        cur.execute("SELECT pg_stat_clear_snapshot()")
        cur.execute("SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()")
        return cur.fetchone()[0]


def _world(bob, carol, offices):
    from balekdusun.campaigns.models import Campaign, Household, Outreach, TeamMember
    from balekdusun.materials import services as materials
    from balekdusun.materials.models import Material
    from balekdusun.regions.models import Area

    villages = list(Area.objects.filter(level=4, code__startswith="16.02.08.").order_by("code")
                    .values_list("code", flat=True)[:3])
    campaign = Campaign.objects.create(office=offices["sumsel"], name="Serentak", start_date=dt.date(2026, 1, 1))
    brochure = Material.objects.create(kind="brochure", title="Bekerja ke luar negeri secara resmi")
    materials.receive_stock(office=offices["sumsel"], material=brochure, quantity=1000, actor=carol)
    batch = materials.create_batch(office=offices["sumsel"], size=200, actor=carol)
    days, houses = {}, {}
    for village in villages:
        outreach = Outreach.objects.create(campaign=campaign, village_id=village, date=dt.date(2026, 1, 5))
        TeamMember.objects.create(outreach=outreach, user=bob)
        materials.issue_stock(outreach=outreach, material=brochure, quantity=50, officer=bob, actor=carol)
        materials.issue_stickers(batch=batch, outreach=outreach, count=60, actor=carol)
        days[village] = outreach
        houses[village] = [Household.objects.create(village_id=village, address=f"Rumah {n}") for n in range(8)]
    stickers = {o.village_id: list(batch.stickers.filter(outreach=o).values_list("code", flat=True))
                for o in days.values()}
    return days, houses, stickers, brochure


def _work(days, houses, stickers, brochure) -> list[list[list[dict]]]:
    """Per thread, its pushes; each push 1-3 visits."""
    rng = random.Random(13)
    work = []
    for _t in range(THREADS):
        pushes = []
        for _p in range(PUSHES):
            records = []
            for _v in range(rng.randint(1, 3)):
                village = rng.choice(list(days))
                house = rng.choice(houses[village])
                outcome = rng.choice(["met", "met", "not_home", "refused"])
                when = dt.datetime(2026, 1, 5, 9, tzinfo=dt.UTC) + dt.timedelta(
                    weeks=rng.randint(0, 3), minutes=rng.randint(0, 600))
                data = {"household": house.pk, "outreach": days[village].pk, "visited_at": when.isoformat(),
                        "outcome": outcome, "met_role": "head" if outcome == "met" else "",
                        "topics": ["hotline"],
                        "migration": {"abroad": [{"country": "MY", "sector": "plantation", "procedural": False,
                                                  "year": 2022}], "returnees": 1, "planning": []}}
                if outcome == "met":
                    data["knowledge"] = {"legal_procedure": True, "hotline": False, "warning_signs": True}
                    if rng.random() < 0.5:
                        data["materials"] = [{"material_id": brochure.pk, "quantity": 1}]
                        data["sticker_code"] = stickers[village].pop()
                        data["followups"] = [{"kind": "broker_report", "note": "Calo datang minggu lalu"}]
                records.append({"type": "visit", "uuid": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                                "data": data})
            pushes.append(records)
        work.append(pushes)
    return work


def test_concurrent_pushes_never_deadlock_and_rollups_equal_a_rebuild(bob, carol, offices):
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only: SQLite has one writer at a time")
    from balekdusun.reports.rebuild import rebuild
    from balekdusun.reports.tests.factories import assert_rebuild_agrees
    from balekdusun.visits import services
    from balekdusun.visits.models import Visit

    work = _work(*_world(bob, carol, offices))
    rebuild()  # the households above were made without the service that counts them
    before = _deadlocks()
    statuses: dict[str, int] = {}
    pids, failures = [], []
    lock = threading.Lock()
    start = threading.Barrier(THREADS)

    def phone(pushes):
        from django.db import connection as own

        try:
            with own.cursor() as cur:
                cur.execute("SELECT pg_backend_pid()")
                pids.append(cur.fetchone()[0])
            start.wait()
            for records in pushes:
                for r in services.push(user=bob, records=records):
                    with lock:
                        statuses[r["status"]] = statuses.get(r["status"], 0) + 1
        except Exception as exc:  # noqa: BLE001 - reported by the main thread
            failures.append(repr(exc))
        finally:
            own.close()

    threads = [threading.Thread(target=phone, args=(pushes,)) for pushes in work]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not failures
    # A backend reports its statistics when it exits: wait until the phones' connections are gone.
    for _ in range(100):
        with connection.cursor() as cur:
            cur.execute("SELECT count(*) FROM pg_stat_activity WHERE pid = ANY(%s)", [pids])
            if cur.fetchone()[0] == 0:
                break
        time.sleep(0.05)
    sent = sum(len(records) for pushes in work for records in pushes)
    assert statuses == {"created": sent}
    assert Visit.objects.count() == sent
    assert _deadlocks() == before
    assert_rebuild_agrees()
