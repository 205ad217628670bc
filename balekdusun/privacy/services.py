from django.db import transaction

from balekdusun.core import audit
from balekdusun.privacy.models import BreachNotice


def record_breach(*, form, actor) -> BreachNotice:
    """Store a breach notice from a valid BreachForm (its office is one the actor may handle), audited."""
    with transaction.atomic():
        notice = form.save(commit=False)
        notice.recorded_by = actor
        notice.save()
        audit.log(actor, "privacy.breach_recorded", notice, office=notice.office,
                  people_affected=notice.people_affected, categories=list(notice.categories))
    return notice
