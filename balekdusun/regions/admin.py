from django.contrib import admin

from balekdusun.regions.models import Area, AreaAlias


class AliasInline(admin.TabularInline):
    model = AreaAlias
    fields = ["alias"]
    extra = 1


@admin.register(Area)
class AreaAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "level", "kind", "postal_code"]
    list_filter = ["level"]
    search_fields = ["code", "name"]
    readonly_fields = ["code", "level", "parent", "search_name"]
    inlines = [AliasInline]
    show_full_result_count = False

    def has_add_permission(self, request):
        return False  # regions come from `balekdusun load_regions`, never typed by hand

    def has_delete_permission(self, request, obj=None):
        return False
