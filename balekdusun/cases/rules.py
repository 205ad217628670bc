"""The default service levels and closure reasons, shared by the data migration's twin, the demo and tests
(a transactional test's flush empties the tables the migration filled)."""

from balekdusun.cases.models import ClosureReason, ServiceLevel


def ensure_defaults() -> None:
    from importlib import import_module

    seed = import_module("balekdusun.cases.migrations.0004_seed_rules")
    for kind, days, priority, restricted in seed.SERVICE_LEVELS:
        ServiceLevel.objects.get_or_create(kind=kind, defaults={"days_to_due": days, "default_priority": priority,
                                                                "restricted_by_default": restricted})
    for position, (code, label, label_id, days) in enumerate(seed.CLOSURE_REASONS):
        ClosureReason.objects.get_or_create(code=code, defaults={"label": label, "label_id": label_id,
                                                                 "min_days_open": days, "position": position})
