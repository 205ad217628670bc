"""Writing the audit log. Services call `log()`; nothing else writes AuditEntry rows."""

from balekdusun.core.models import AuditEntry


def _area_code_of(obj) -> str:
    if obj is None:
        return ""
    field = getattr(type(obj), "scope_area_field", None)
    if not field:
        return ""
    value = obj
    for part in field.split("__"):
        value = getattr(value, part, None)
        if value is None:
            return ""
    return str(value)


def log(actor, action: str, obj=None, *, office=None, area_code: str | None = None, **data) -> AuditEntry:
    """Record that `actor` did `action` (dotted code, e.g. ``case.status_changed``) to `obj`."""
    if actor is not None and not getattr(actor, "is_authenticated", False):
        actor = None
    if office is None and actor is not None:
        office = getattr(actor, "office", None)
    return AuditEntry.objects.create(
        actor=actor,
        actor_name=(actor.get_username() if actor is not None else "system"),
        office=office,
        action=action,
        object_type=(obj._meta.label_lower if obj is not None else ""),
        object_id=(str(obj.pk) if obj is not None else ""),
        object_repr=(str(obj)[:200] if obj is not None else ""),
        area_code=area_code if area_code is not None else _area_code_of(obj),
        data=data,
    )
