from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JobsConfig(AppConfig):
    name = "balekdusun.jobs"
    verbose_name = _("Background jobs")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # The ops app's /readyz (when installed) learns whether a worker is alive.
        try:
            from balekdusun.ops import readiness
        except ImportError:
            return
        from balekdusun.jobs.heartbeat import readiness_check

        readiness.register("worker", readiness_check)
