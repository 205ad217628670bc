from django.urls import path

from balekdusun.campaigns import views

app_name = "campaigns"

urlpatterns = [
    path("", views.priority_list, name="priority"),
    path("weights/", views.priority_weights, name="weights"),
    path("migration/", views.migration, name="migration"),
    path("migration/template.<str:fmt>", views.migration_template, name="migration_template"),
    path("households/template.<str:fmt>", views.household_template, name="household_template"),
    path("campaigns/", views.campaign_list, name="campaigns"),
    path("campaigns/new/", views.campaign_edit, name="campaign_new"),
    path("campaigns/<int:pk>/", views.campaign_edit, name="campaign_edit"),
    path("outreach/", views.outreach_list, name="outreaches"),
    path("outreach/calendar/", views.outreach_calendar, name="calendar"),
    path("outreach/new/", views.outreach_edit, name="outreach_new"),
    path("outreach/<int:pk>/", views.outreach_detail, name="outreach"),
    path("outreach/<int:pk>/edit/", views.outreach_edit, name="outreach_edit"),
    path("outreach/<int:pk>/team/<int:member_pk>/remove/", views.team_remove, name="team_remove"),
    path("outreach/<int:pk>/turfs/", views.cut_turfs, name="cut_turfs"),
    path("villages/<str:code>/households/", views.households, name="households"),
    path("turfs/<int:pk>/", views.turf_detail, name="turf"),
    path("turfs/<int:pk>/walklist.pdf", views.turf_pdf, name="turf_pdf"),
]
