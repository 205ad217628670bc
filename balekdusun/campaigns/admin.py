from django.contrib import admin

from balekdusun.campaigns.models import (
    Campaign,
    Household,
    MigrationStat,
    Outreach,
    PriorityWeight,
    TeamMember,
    Turf,
    TurfStop,
)


class TeamMemberInline(admin.TabularInline):
    model = TeamMember
    extra = 0
    raw_id_fields = ["user"]


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    list_display = ["name", "office", "start_date", "end_date"]
    list_filter = ["office"]
    search_fields = ["name"]


@admin.register(Outreach)
class OutreachAdmin(admin.ModelAdmin):
    list_display = ["date", "village", "campaign", "status"]
    list_filter = ["status", "campaign__office"]
    raw_id_fields = ["village"]
    inlines = [TeamMemberInline]
    date_hierarchy = "date"


class TurfStopInline(admin.TabularInline):
    model = TurfStop
    extra = 0
    raw_id_fields = ["household"]


@admin.register(Turf)
class TurfAdmin(admin.ModelAdmin):
    list_display = ["name", "outreach", "route_length_m"]
    raw_id_fields = ["outreach"]
    filter_horizontal = ["officers"]
    inlines = [TurfStopInline]


@admin.register(Household)
class HouseholdAdmin(admin.ModelAdmin):
    list_display = ["id", "village", "dusun", "rt", "rw", "address", "latitude", "longitude"]
    search_fields = ["address", "dusun", "village__name"]
    raw_id_fields = ["village", "consent_by", "created_by"]
    # Name and phone are personal data; staff edit them through the planning pages, which record consent.
    exclude = ["head_name", "phone"]


@admin.register(MigrationStat)
class MigrationStatAdmin(admin.ModelAdmin):
    list_display = ["area", "year", "month", "placements", "non_procedural", "complaints"]
    list_filter = ["year"]
    search_fields = ["area__code", "area__name"]
    raw_id_fields = ["area"]


@admin.register(PriorityWeight)
class PriorityWeightAdmin(admin.ModelAdmin):
    list_display = ["component", "weight", "updated_at"]
    list_editable = ["weight"]
