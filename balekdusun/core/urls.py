from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from balekdusun.core import twofactor, views
from balekdusun.core.forms import LoginForm

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    # Browsers ask for /favicon.ico on every site; the field app's icon answers instead of a 404 in the log.
    path("favicon.ico", views.favicon, name="favicon"),
    path("accounts/login/", auth_views.LoginView.as_view(template_name="core/login.html",
                                                         authentication_form=LoginForm,
                                                         redirect_authenticated_user=True), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/password/", auth_views.PasswordChangeView.as_view(
        template_name="core/password_change.html", success_url=reverse_lazy("core:password_done")),
        name="password_change"),
    path("accounts/password/done/", auth_views.PasswordChangeDoneView.as_view(
        template_name="core/password_done.html"), name="password_done"),
    path("accounts/two-factor/", twofactor.setup, name="otp_setup"),
    path("accounts/two-factor/qr.svg", twofactor.qr, name="otp_qr"),
    path("accounts/two-factor/verify/", twofactor.verify, name="otp_verify"),
    path("accounts/two-factor/codes/", twofactor.new_codes, name="otp_codes"),
    path("users/<int:pk>/two-factor/reset/", twofactor.reset, name="otp_reset"),
    path("accounts/tokens/", views.tokens, name="tokens"),
    path("accounts/tokens/<int:pk>/revoke/", views.revoke_token, name="revoke_token"),
    path("audit/", views.audit_log, name="audit"),
    path("users/", views.users, name="users"),
    path("users/new/", views.user_edit, name="user_new"),
    path("users/<int:pk>/", views.user_edit, name="user_edit"),
]
