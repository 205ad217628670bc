"""The sync fast path writes rows the ORM reads back exactly as if the ORM had written them."""

import datetime as dt
import uuid

import pytest
from django.db import IntegrityError, connection, transaction

from balekdusun.campaigns.models import Household
from balekdusun.visits import ingest
from balekdusun.visits.models import Visit


@pytest.mark.django_db
def test_rows_written_by_the_fast_path_read_back_like_orm_rows(bob):
    household = Household.objects.create(village_id="16.02.08.2017", address="Dekat masjid")
    wib = dt.timezone(dt.timedelta(hours=7))
    times = [dt.datetime(2023, 12, 7, 9, 30, tzinfo=wib), dt.datetime(2024, 1, 2, 23, 59, 59, 123456, tzinfo=dt.UTC)]
    data = {"topics": ["hotline"], "story": {"text": "Anak saya di Malaysia — “tanpa dokumen”", "consent_to_quote": True}}
    rows = ingest.Rows(dt.datetime(2024, 1, 3, 1, 2, 3, tzinfo=dt.UTC))
    uuids = [uuid.uuid4() for _ in times]
    for u, when in zip(uuids, times, strict=True):
        rows.add(uuid=u, household_id=household.pk, village_id="16.02.08.2017", outreach_id=None, officer_id=bob.pk,
                 visited_at=when, outcome="met", latitude=-3.3, longitude=104.9, data=data, content_hash="h" * 64)
    with transaction.atomic():
        ids = rows.insert()
    assert len(ids) == 2
    stored = {v.pk: v for v in Visit.objects.filter(pk__in=ids)}
    for pk, u, when in zip(ids, uuids, times, strict=True):
        visit = stored[pk]
        assert visit.uuid == u and visit.visited_at == when and visit.data == data
        assert visit.received_at == dt.datetime(2024, 1, 3, 1, 2, 3, tzinfo=dt.UTC)
    # The same instant filters the same way as an ORM-written row (the stored text has Django's format).
    assert Visit.objects.filter(visited_at=times[1]).count() == 1
    assert ingest.stored(uuids) == {u: ("h" * 64, pk, "16.02.08.2017") for u, pk in zip(uuids, ids, strict=True)}
    assert ingest.households([household.pk, 10**9]) == [(household.pk, "16.02.08.2017", None)]
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("SELECT CAST(visited_at AS TEXT) FROM visits_visit WHERE id = %s", [ids[0]])
            assert cursor.fetchone()[0] == connection.ops.adapt_datetimefield_value(times[0])


@pytest.mark.django_db
def test_a_uuid_stored_meanwhile_fails_the_statement_as_a_django_integrity_error(bob):
    """Another request may store a UUID between the push's lookup and its insert: the statement must fail with
    Django's IntegrityError (which the push service catches to retry record by record), leaving nothing."""
    household = Household.objects.create(village_id="16.02.08.2017", address="Dekat masjid")
    taken = uuid.uuid4()

    def rows(*uuids):
        out = ingest.Rows(dt.datetime(2024, 1, 3, tzinfo=dt.UTC))
        for u in uuids:
            out.add(uuid=u, household_id=household.pk, village_id="16.02.08.2017", outreach_id=None,
                    officer_id=bob.pk, visited_at=dt.datetime(2024, 1, 2, tzinfo=dt.UTC), outcome="met",
                    latitude=None, longitude=None, data={}, content_hash="h" * 64)
        return out

    with transaction.atomic():
        rows(taken).insert()
    with pytest.raises(IntegrityError), transaction.atomic():
        rows(uuid.uuid4(), taken).insert()
    assert Visit.objects.count() == 1
