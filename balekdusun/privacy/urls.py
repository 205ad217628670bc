from django.urls import path

from balekdusun.privacy import views

app_name = "privacy"

urlpatterns = [
    path("", views.record_page, name="record"),
    path("record.pdf", views.record_pdf, name="record_pdf"),
    path("access-log/", views.access_log, name="access_log"),
    path("breaches/", views.breaches, name="breaches"),
    path("breaches/new/", views.breach_new, name="breach_new"),
    path("breaches/<str:reference>/", views.breach, name="breach"),
    path("breaches/<str:reference>/letter.pdf", views.breach_letter, name="breach_letter"),
]
