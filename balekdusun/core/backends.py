"""The authentication backend (settings.AUTHENTICATION_BACKENDS)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class UserBackend(ModelBackend):
    """Django's ModelBackend, except that a signed-in request loads its user together with the office: every
    page needs it (scoping reads the office's jurisdiction, the header shows its name), and one query is
    cheaper than two."""

    def get_user(self, user_id):
        model = get_user_model()
        try:
            user = model._default_manager.select_related("office").get(pk=user_id)
        except model.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None
