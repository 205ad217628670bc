from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class LoginForm(AuthenticationForm):
    # One message for unknown user and wrong password, so the form does not reveal who has an account.
    error_messages = {
        "invalid_login": _("Username or password is wrong."),
        "inactive": _("Username or password is wrong."),
    }


class TokenForm(forms.Form):
    name = forms.CharField(label=_("Device or script name"), max_length=80)
    days = forms.IntegerField(label=_("Valid for (days, empty = no expiry)"), min_value=1, max_value=3650,
                              required=False)


class AuditFilterForm(forms.Form):
    action = forms.CharField(label=_("Action starts with"), required=False, max_length=64)

    def __init__(self, *args, user, **kwargs):
        from balekdusun.regions.forms import AreaField

        super().__init__(*args, **kwargs)
        self.fields["area"] = AreaField(label=_("Area"), required=False, user=user)
