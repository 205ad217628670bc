from django.apps import AppConfig


class CampaignsConfig(AppConfig):
    name = "balekdusun.campaigns"
    label = "campaigns"
