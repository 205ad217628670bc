from django.urls import path

from balekdusun.materials import views

app_name = "materials"

urlpatterns = [
    path("", views.catalogue, name="catalogue"),
    path("new/", views.material_edit, name="material_new"),
    path("<int:pk>/edit/", views.material_edit, name="material_edit"),
    path("<int:pk>/version/", views.material_new_version, name="material_version"),
    path("<int:pk>/file/", views.material_file, name="material_file"),
    path("stock/", views.stock, name="stock"),
    path("stock/receive/", views.receive, name="receive"),
    path("stock/issue/", views.issue, name="issue"),
    path("stock/return/", views.return_view, name="return"),
    path("stock/loss/", views.loss, name="loss"),
    path("stock/adjust/", views.adjust, name="adjust"),
    path("outreach/", views.outreaches, name="outreaches"),
    path("outreach/<int:pk>/", views.outreach_stock, name="outreach"),
    path("stickers/", views.batches, name="batches"),
    path("stickers/new/", views.batch_new, name="batch_new"),
    path("stickers/batch/<int:pk>/", views.batch_detail, name="batch"),
    path("stickers/batch/<int:pk>/sheet.pdf", views.batch_sheet, name="batch_sheet"),
    path("stickers/conflicts/", views.conflicts, name="conflicts"),
    path("stickers/conflicts/<int:pk>/resolve/", views.conflict_resolve, name="conflict_resolve"),
    path("stickers/analytics/", views.sticker_analytics, name="analytics"),
    path("stickers/<str:code>/", views.sticker_detail, name="sticker"),
]
