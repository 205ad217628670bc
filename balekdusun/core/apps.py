from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "balekdusun.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self):
        from balekdusun.core import checks  # noqa: F401  (registers the project's system checks)
