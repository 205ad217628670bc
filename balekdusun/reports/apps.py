from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "balekdusun.reports"
    label = "reports"
