from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "balekdusun.portal"
    label = "portal"
