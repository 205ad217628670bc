from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "balekdusun.cases"
    label = "cases"
