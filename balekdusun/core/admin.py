from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from balekdusun.core.models import ApiToken, AuditEntry, Office, User


@admin.register(Office)
class OfficeAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "hotline_phone", "whatsapp"]
    search_fields = ["name", "short_name"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "first_name", "last_name", "role", "office", "village", "is_active"]
    list_filter = ["role", "office", "is_active"]
    raw_id_fields = ["village"]
    fieldsets = BaseUserAdmin.fieldsets + ((_("Balek Dusun"), {"fields": ("role", "office", "village", "phone")}),)
    add_fieldsets = BaseUserAdmin.add_fieldsets + ((_("Balek Dusun"), {"fields": ("role", "office", "village")}),)


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "hint", "created_at", "expires_at", "last_used_at", "revoked_at"]
    readonly_fields = ["hint", "created_at", "last_used_at"]
    exclude = ["key_hash"]

    def has_add_permission(self, request):
        return False  # tokens are made by `create_token` or the Tokens page, which show the secret once


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["at", "actor_name", "action", "object_type", "object_repr", "area_code"]
    list_filter = ["action"]
    search_fields = ["action", "object_repr", "actor_name"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
