from django.urls import path

from balekdusun.visits import views

app_name = "visits"

urlpatterns = [
    path("", views.incoming, name="incoming"),
    path("day/<int:pk>/", views.outreach_visits, name="outreach"),
    path("<uuid:uuid>/", views.visit_detail, name="visit"),
    path("conflicts/", views.conflicts, name="conflicts"),
    path("conflicts/<int:pk>/", views.conflict_detail, name="conflict"),
    path("devices/", views.devices, name="devices"),
]
