"""Default service levels and closure reasons. They are rows: an office head edits them in the admin."""

from django.db import migrations

# kind, days until due, default priority, restricted by default
SERVICE_LEVELS = [
    ("information", 14, "low", False),
    ("repatriation", 3, "urgent", True),
    ("unpaid_wages", 14, "high", False),
    ("deportation", 3, "urgent", True),
    ("failed_departure", 7, "high", False),
    ("death_abroad", 2, "urgent", True),
    ("job_fraud", 7, "high", False),
    ("illegal_recruiter", 7, "high", True),
    ("document_help", 14, "normal", False),
    ("other", 14, "normal", False),
]

# code, English, Indonesian, may close after N days open (Perban 6/2024; now Perban 23/2025: keep as data)
CLOSURE_REASONS = [
    ("resolved", "Resolved", "Selesai", 0),
    ("unreachable", "Unreachable", "Tidak dapat dihubungi", 60),
    ("documents_missing", "Documents missing", "Dokumen tidak lengkap", 30),
    ("no_response", "No response", "Tidak ada tanggapan", 180),
    ("duplicate", "Duplicate", "Duplikat", 0),
    ("out_of_scope", "Out of scope", "Di luar kewenangan", 0),
]


def seed(apps, schema_editor):
    ServiceLevel = apps.get_model("cases", "ServiceLevel")
    ClosureReason = apps.get_model("cases", "ClosureReason")
    for kind, days, priority, restricted in SERVICE_LEVELS:
        ServiceLevel.objects.get_or_create(kind=kind, defaults={"days_to_due": days, "default_priority": priority,
                                                                "restricted_by_default": restricted})
    for position, (code, label, label_id, days) in enumerate(CLOSURE_REASONS):
        ClosureReason.objects.get_or_create(code=code, defaults={"label": label, "label_id": label_id,
                                                                 "min_days_open": days, "position": position})


class Migration(migrations.Migration):
    dependencies = [("cases", "0003_case_workflow")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
