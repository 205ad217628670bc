"""Retention purge: erasing the personal details and stories of N expired visits (`balekdusun.privacy.purge.run`),
against a raw `executemany` insert of the same N rows into the same table of the same database in the same run.

    .venv/bin/python bench/privacy_purge.py [--quick] [--visits N]

100,000 visits (10,000 with --quick) on a fresh SQLite file (or DATABASE_URL when it names PostgreSQL: the database
is then emptied of visits first, so give it a throw-away one). Every visit is three years old and carries a GPS
position, the usual form answers, a follow-up with a note and a story with consent to quote (both sealed, as the
sync stores them), so the purge reads, decrypts, changes and writes back every row, and moves the story counters.
A second run (which must find nothing) is timed too. The ratio to the raw insert says what the purge costs per row
(opening and resealing the answers dominates, as on every read of visits); the target is absolute: 100,000 visits,
about a year of one office's campaigns, purged in under ten minutes (>= 170 rows/s) by the daily job.
"""

import json
import os
import sys
import tempfile
import uuid
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common  # noqa: E402

VILLAGE = "16.02.08.2017"


def main():
    p = _common.parser(__doc__.splitlines()[0])
    p.add_argument("--visits", type=int, default=None)
    args = p.parse_args()
    n = args.visits or (10_000 if args.quick else 100_000)
    tmp = None
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        tmp = tempfile.mkdtemp(prefix="bench-purge-")
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
    _common.setup_django("test")
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    call_command("migrate", verbosity=0)
    from balekdusun.campaigns.models import Household
    from balekdusun.core.models import Office, User
    from balekdusun.core.roles import Role
    from balekdusun.lib.sealed import seal
    from balekdusun.privacy import purge
    from balekdusun.regions.models import Area
    from balekdusun.visits.models import Visit

    for code, level, name in (("16", 1, "SUMATERA SELATAN"), ("16.02", 2, "KAB. OGAN KOMERING ILIR"),
                              ("16.02.08", 3, "Sirah Pulau Padang"), (VILLAGE, 4, "Pematang Buluran")):
        Area.objects.get_or_create(code=code, defaults={"level": level, "name": name,
                                                        "parent_id": code.rsplit(".", 1)[0] if level > 1 else None})
    office, _ = Office.objects.get_or_create(name="BP3MI Sumatera Selatan", defaults={"jurisdiction": ["16"]})
    user, _ = User.objects.get_or_create(username="bench", defaults={"role": Role.OFFICER, "office": office})
    Visit.objects.all().delete()
    if Household.objects.count() < 2000:
        Household.objects.bulk_create([Household(village_id=VILLAGE, address=f"Rumah {i}") for i in range(2000)])
    households = list(Household.objects.values_list("pk", flat=True)[:2000])

    now = timezone.now()
    old = now - timedelta(days=3 * 365)
    data = seal({"met_role": "head", "topics": ["legal_procedure", "hotline"],
                 "migration": {"abroad": [{"country": "MY", "sector": "plantation", "procedural": False}]},
                 "knowledge": {"hotline": True}, "followups": [{"kind": "wants_to_apply", "note": "Anak ingin kerja"}],
                 "story": {"text": "Anak kami berangkat lewat calo.", "consent_to_quote": True}})
    text = json.dumps(data)
    table = Visit._meta.db_table
    rows = [(uuid.uuid4().hex if connection.vendor == "sqlite" else str(uuid.uuid4()), households[i % 2000], VILLAGE,
             user.pk, old + timedelta(seconds=i), "met", -3.3, 104.9, text, "x", now) for i in range(n)]
    sql = (f"INSERT INTO {table} (uuid, household_id, village_id, officer_id, visited_at, outcome, latitude, "
           f"longitude, data, content_hash, received_at) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)")

    from django.db import transaction

    with _common.timer() as t_insert, transaction.atomic(), connection.cursor() as cur:
        cur.executemany(sql, rows)
    insert_s = t_insert()
    with _common.timer() as t_dry:
        dry = purge.run(dry_run=True, now=now)
    with _common.timer() as t_purge:
        result = purge.run(now=now)
    purge_s = t_purge()
    with _common.timer() as t_again:
        again = purge.run(now=now)
    assert dry.counts["visits"] == n and result.counts["visits"] == n and result.counts["stories"] == n, result.counts
    assert again.total == 0
    erased = Visit.objects.filter(latitude__isnull=True).count()
    assert erased == n

    insert_rate, purge_rate = n / insert_s, n / purge_s
    figures = [
        _common.figure("raw insert of the visits (baseline)", insert_rate, "rows/s"),
        _common.figure("purge: visits erased (GPS, notes, story)", purge_rate, "rows/s", baseline=insert_rate,
                       target="≥ 170 rows/s", ok=purge_rate >= 170),
        _common.figure("dry run (counts only)", t_dry(), "s"),
        _common.figure("second run (nothing left to do)", t_again(), "s"),
    ]
    _common.report("privacy_purge", figures, visits=n, quick=args.quick, database=connection.vendor)
    if tmp:
        import shutil

        connection.close()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
