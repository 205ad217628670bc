from django.urls import path

from balekdusun.jobs import views

app_name = "jobs"

urlpatterns = [
    path("", views.job_list, name="list"),
    path("<uuid:pk>/", views.job_detail, name="detail"),
    path("<uuid:pk>/status.json", views.job_status, name="status"),
    path("<uuid:pk>/retry/", views.job_retry, name="retry"),
    path("<uuid:pk>/file/", views.job_download, name="download"),
    path("new/export/<str:kind>.<str:fmt>", views.export_new, name="export_new"),
    path("new/campaign-report/<int:pk>/", views.campaign_pdf_new, name="campaign_pdf_new"),
    path("new/sticker-sheet/<int:pk>/", views.sticker_sheet_new, name="sticker_sheet_new"),
    path("new/rebuild-rollups/", views.rebuild_new, name="rebuild_new"),
]
