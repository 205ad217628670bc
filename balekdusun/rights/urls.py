from django.urls import path

from balekdusun.rights import views

app_name = "rights"

# Mounted at the root (APP_URLS): the public pages under /portal/data/, the staff queue under /rights/.
urlpatterns = [
    path("portal/data/", views.portal_request, name="portal"),
    path("portal/data/status/", views.portal_status, name="portal_status"),
    path("rights/", views.queue, name="queue"),
    path("rights/new/", views.new, name="new"),
    path("rights/<str:reference>/", views.detail, name="detail"),
    path("rights/<str:reference>/verify/", views.verify, name="verify"),
    path("rights/<str:reference>/copy.<str:fmt>", views.copy, name="copy"),
    path("rights/<str:reference>/answer/", views.answer, name="answer"),
    path("rights/<str:reference>/correct/", views.correct, name="correct"),
    path("rights/<str:reference>/erase/", views.erase, name="erase"),
    path("rights/<str:reference>/refuse/", views.refuse, name="refuse"),
]
