from django.urls import path

from balekdusun.reports import activity, exports, quality, views

app_name = "reports"

urlpatterns = [
    path("", views.home, name="home"),
    path("national/", views.national, name="national"),
    path("area/<str:code>/", views.area, name="area"),
    path("outreach/<int:pk>/", views.outreach, name="outreach"),
    path("outreach/<int:pk>/photos/", views.upload_photo, name="upload_photo"),
    path("photos/<int:pk>/delete/", views.delete_photo, name="delete_photo"),
    path("outreach/<int:pk>/report.pdf", activity.outreach_pdf, name="outreach_pdf"),
    path("outreach/<int:pk>/release/", activity.outreach_release, name="outreach_release"),
    path("campaign/<int:pk>/", activity.campaign_page, name="campaign"),
    path("campaign/<int:pk>/report.pdf", activity.campaign_pdf, name="campaign_pdf"),
    path("map/", views.map_page, name="map"),
    path("quality/", quality.queue, name="quality"),
    path("quality/check/", quality.check, name="quality_check"),
    path("quality/<int:pk>/", quality.review, name="quality_review"),
    path("exports/", exports.index, name="exports"),
    path("exports/<str:kind>.<str:fmt>", exports.download, name="export"),
]
