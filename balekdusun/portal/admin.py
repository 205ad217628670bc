from django.contrib import admin

from balekdusun.portal.models import Agency, InfoPage, JobOpening


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ["name", "licence_number", "status", "city", "updated_at"]
    list_filter = ["status"]
    search_fields = ["name", "licence_number"]


@admin.register(JobOpening)
class JobOpeningAdmin(admin.ModelAdmin):
    list_display = ["reference", "position", "country", "sector", "status", "closing_date", "office"]
    list_filter = ["status", "country", "sector", "office"]
    search_fields = ["reference", "position", "employer"]
    raw_id_fields = ["agency"]


@admin.register(InfoPage)
class InfoPageAdmin(admin.ModelAdmin):
    list_display = ["slug", "section", "order", "title_id", "published"]
    list_filter = ["section", "published"]
