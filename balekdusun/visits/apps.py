from django.apps import AppConfig


class VisitsConfig(AppConfig):
    name = "balekdusun.visits"
    label = "visits"
