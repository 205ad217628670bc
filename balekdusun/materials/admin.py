from django.contrib import admin

from balekdusun.materials.models import Material, Reconciliation, Sticker, StickerBatch, StickerConflict, StockMove


@admin.register(Material)
class MaterialAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "version", "language", "active"]
    list_filter = ["kind", "active", "language"]
    search_fields = ["title"]


class ReadOnly(admin.ModelAdmin):
    """Ledger rows, stickers and sign-offs change only through the services (audited); the admin only looks."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(StockMove)
class StockMoveAdmin(ReadOnly):
    list_display = ["created_at", "office", "kind", "material", "quantity", "outreach", "officer"]
    list_filter = ["kind", "office"]


@admin.register(StickerBatch)
class StickerBatchAdmin(ReadOnly):
    list_display = ["__str__", "office", "size", "created_at"]


@admin.register(Sticker)
class StickerAdmin(ReadOnly):
    list_display = ["code", "status", "office", "batch", "placed_at"]
    list_filter = ["status", "office"]
    search_fields = ["code"]


@admin.register(StickerConflict)
class StickerConflictAdmin(ReadOnly):
    list_display = ["sticker", "visit", "created_at", "resolved_at"]


@admin.register(Reconciliation)
class ReconciliationAdmin(ReadOnly):
    list_display = ["outreach", "signed_by", "signed_at"]
