from django.apps import AppConfig


class FieldConfig(AppConfig):
    name = "balekdusun.field"
    label = "field"
