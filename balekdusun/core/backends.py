"""The authentication backend (settings.AUTHENTICATION_BACKENDS)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.sessions.models import Session
from django.db.models import Exists
from django.utils import timezone


class UserBackend(ModelBackend):
    """Django's ModelBackend, except that a signed-in request loads its user together with the office: every
    page needs it (scoping reads the office's jurisdiction, the header shows its name), and one query is
    cheaper than two. The same query checks that the request's session row still exists (core/sessions.py), so a
    sign-out in another server process counts at once."""

    def get_user(self, user_id):
        from balekdusun.core.sessions import current_session_key

        model = get_user_model()
        queryset = model._default_manager.select_related("office")
        session_key = current_session_key.get()
        if session_key:
            queryset = queryset.annotate(session_live=Exists(Session.objects.filter(
                session_key=session_key, expire_date__gt=timezone.now()).values("pk")))
        try:
            user = queryset.get(pk=user_id)
        except model.DoesNotExist:
            return None
        if session_key and not user.session_live:
            return None
        return user if self.user_can_authenticate(user) else None
