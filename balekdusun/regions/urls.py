from django.urls import path

from balekdusun.regions import views

app_name = "regions"

urlpatterns = [
    path("unmatched/", views.unmatched, name="unmatched"),
    path("unmatched/<int:pk>/", views.map_search, name="map"),
]
