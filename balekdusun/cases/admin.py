from django.contrib import admin

from balekdusun.cases.models import Case, ClosureReason, ServiceLevel


@admin.register(ServiceLevel)
class ServiceLevelAdmin(admin.ModelAdmin):
    list_display = ["kind", "days_to_due", "default_priority", "restricted_by_default"]
    list_editable = ["days_to_due", "default_priority", "restricted_by_default"]


@admin.register(ClosureReason)
class ClosureReasonAdmin(admin.ModelAdmin):
    list_display = ["code", "label", "label_id", "min_days_open", "active", "position"]
    list_editable = ["min_days_open", "active", "position"]


@admin.register(Case)
class CaseAdmin(admin.ModelAdmin):
    """Read-only overview for administrators; cases are worked in the back office where every change is on the
    timeline and audited. The admin never shows the encrypted narrative fields."""

    list_display = ["reference", "office", "kind", "status", "sensitivity", "area_code", "assignee", "due_at"]
    list_filter = ["status", "kind", "sensitivity", "office"]
    search_fields = ["reference"]
    fields = ["reference", "office", "kind", "source", "status", "priority", "sensitivity", "area_code", "assignee",
              "due_at", "created_at", "closed_at"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
