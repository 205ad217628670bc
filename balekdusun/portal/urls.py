from django.contrib.sitemaps.views import sitemap
from django.urls import path
from django.views.decorators.cache import cache_control

from balekdusun.portal import manage_views, views
from balekdusun.portal.sitemaps import SITEMAPS

app_name = "portal"

urlpatterns = [
    # Public
    path("portal/", views.home, name="home"),
    path("portal/office/<int:pk>/", views.office_home, name="office"),
    path("s/<str:code>", views.sticker, name="sticker"),
    path("portal/jobs/", views.jobs, name="jobs"),
    path("portal/jobs/<int:pk>/", views.job_detail, name="job"),
    path("portal/agencies/", views.agencies, name="agencies"),
    path("portal/agencies/<int:pk>/", views.agency_detail, name="agency"),
    path("portal/legal/", views.legal_index, name="legal"),
    path("portal/legal/<slug:slug>/", views.legal_page, name="page"),
    path("portal/help/", views.help_request, name="help"),
    path("portal/help/sent/", views.help_done, name="help_done"),
    path("portal/check/", views.check, name="check"),
    path("sitemap.xml", cache_control(public=True, max_age=3600)(sitemap), {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", views.robots, name="robots"),
    # Staff
    path("portal/manage/agencies/", manage_views.agency_list, name="manage_agencies"),
    path("portal/manage/agencies/new/", manage_views.agency_edit, name="agency_new"),
    path("portal/manage/agencies/<int:pk>/", manage_views.agency_edit, name="agency_edit"),
    path("portal/manage/agencies/<int:pk>/delete/", manage_views.agency_delete, name="agency_delete"),
    path("portal/manage/agencies/import/", manage_views.agency_import, name="agency_import"),
    path("portal/manage/jobs/", manage_views.job_list, name="manage_jobs"),
    path("portal/manage/jobs/new/", manage_views.job_edit, name="job_new"),
    path("portal/manage/jobs/<int:pk>/", manage_views.job_edit, name="job_edit"),
    path("portal/manage/jobs/import/", manage_views.job_import, name="job_import"),
    path("portal/manage/<str:kind>/template.<str:fmt>", manage_views.import_template_download,
         name="import_template"),
    path("portal/manage/pages/", manage_views.page_list, name="manage_pages"),
    path("portal/manage/pages/new/", manage_views.page_edit, name="page_new"),
    path("portal/manage/pages/<int:pk>/", manage_views.page_edit, name="page_edit"),
]
