from django.urls import path

from balekdusun.cases import views

app_name = "cases"

urlpatterns = [
    path("", views.case_list, name="list"),
    path("board/", views.board, name="board"),
    path("overdue/", views.overdue, name="overdue"),
    path("hotline/", views.hotline, name="hotline"),
    path("export.<str:fmt>", views.export, name="export"),
    path("<str:reference>/", views.detail, name="detail"),
    path("<str:reference>/status/", views.change_status, name="status"),
    path("<str:reference>/assign/", views.assign, name="assign"),
    path("<str:reference>/due/", views.change_due, name="due"),
    path("<str:reference>/details/", views.edit_details, name="details"),
    path("<str:reference>/note/", views.add_note, name="note"),
    path("<str:reference>/call/", views.log_call, name="call"),
    path("<str:reference>/attachments/", views.add_attachment, name="attach"),
    path("<str:reference>/attachments/<int:pk>/", views.attachment, name="attachment"),
]
