from io import StringIO

from django.core.management import call_command


def test_demo_visits_sent_through_sync_and_idempotent(db):
    from balekdusun.visits.models import SyncConflict, Visit

    call_command("demo", "--no-serve", "--skip-regions", stdout=StringIO())
    assert Visit.objects.filter(outreach__date="2023-12-07").count() == 60
    assert SyncConflict.objects.count() == 1
    flagged = Visit.objects.filter(data__has_key="flags").count()
    call_command("demo", "--no-serve", "--skip-regions", stdout=StringIO())
    assert Visit.objects.count() == 60 and SyncConflict.objects.count() == 1
    assert Visit.objects.filter(data__has_key="flags").count() == flagged
