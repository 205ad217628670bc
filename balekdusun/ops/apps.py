from django.apps import AppConfig


class OpsConfig(AppConfig):
    name = "balekdusun.ops"
    label = "ops"

    def ready(self):
        from balekdusun.ops import metrics, sentry

        metrics.connect_signals()
        sentry.init_from_settings()
