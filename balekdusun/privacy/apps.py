from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "balekdusun.privacy"
    label = "privacy"
