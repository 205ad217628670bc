from django.apps import AppConfig


class MaterialsConfig(AppConfig):
    name = "balekdusun.materials"
    label = "materials"
