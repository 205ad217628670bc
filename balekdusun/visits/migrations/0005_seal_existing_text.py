from django.db import migrations
from django.db.models import Q

from balekdusun.lib.sealed import reseal_rows


def seal_existing(apps, schema_editor):
    """Stories and follow-up notes stored in plain text before they were sealed are encrypted in place."""
    Visit = apps.get_model("visits", "Visit")
    SyncConflict = apps.get_model("visits", "SyncConflict")
    db = schema_editor.connection.alias
    reseal_rows(Visit.objects.using(db).filter(Q(data__has_key="story") | Q(data__has_key="followups")), "data")
    reseal_rows(SyncConflict.objects.using(db).filter(kind="visit"), "payload")


class Migration(migrations.Migration):

    dependencies = [
        ("visits", "0004_sealed_text"),
    ]

    operations = [
        migrations.RunPython(seal_existing, migrations.RunPython.noop),
    ]
