from django.apps import AppConfig


class RegionsConfig(AppConfig):
    name = "balekdusun.regions"
    label = "regions"
