from django.apps import AppConfig


class RightsConfig(AppConfig):
    name = "balekdusun.rights"
    label = "rights"
