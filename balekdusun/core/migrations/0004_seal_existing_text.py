from django.db import migrations

from balekdusun.lib.sealed import reseal_rows


def seal_existing(apps, schema_editor):
    """A visit's earlier answers kept in an audit entry (a conflict replaced it) are sealed in place."""
    AuditEntry = apps.get_model("core", "AuditEntry")
    db = schema_editor.connection.alias
    reseal_rows(AuditEntry.objects.using(db).filter(action="visit.replaced_from_conflict"), "data")


class Migration(migrations.Migration):

    dependencies = [
        ("core", "0003_sealed_text"),
    ]

    operations = [
        migrations.RunPython(seal_existing, migrations.RunPython.noop),
    ]
