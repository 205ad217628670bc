from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from balekdusun.core import audit
from balekdusun.core.models import ApiToken


class DomainError(Exception):
    """A refused business operation, with a stable code and a message fit for the user."""

    def __init__(self, code: str, message: str, *, field: str | None = None):
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field


def create_token(*, user, name: str, days: int | None = None, actor=None) -> tuple[ApiToken, str]:
    expires_at = timezone.now() + timedelta(days=days) if days else None
    with transaction.atomic():
        token, key = ApiToken.issue(user=user, name=name, expires_at=expires_at)
        audit.log(actor or user, "token.created", token, name=name, for_user=user.username)
    return token, key


def revoke_token(*, token: ApiToken, actor) -> None:
    if token.revoked_at:
        return
    with transaction.atomic():
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit.log(actor, "token.revoked", token)


def save_user(*, form, actor):
    """Create or update an account from a validated UserForm, with its password hashed, in one transaction."""
    with transaction.atomic():
        created = form.instance.pk is None
        user = form.save(commit=False)
        if form.cleaned_data.get("password"):
            user.set_password(form.cleaned_data["password"])
        user.save()
        audit.log(actor, "user.created" if created else "user.updated", user, role=user.role,
                  changed=sorted(form.changed_data))
    return user
