from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class LoginForm(AuthenticationForm):
    # One message for unknown user and wrong password, so the form does not reveal who has an account.
    error_messages = {
        "invalid_login": _("Username or password is wrong."),
        "inactive": _("Username or password is wrong."),
    }

    def clean(self):
        """Failed sign-ins are limited per username and per client, with the same counters as the field app's
        token endpoint (core/ratelimit.py), so alternating between the two gains an attacker nothing."""
        from balekdusun.core import ratelimit

        if self.request is None:  # not a web request (e.g. a form built in a shell): nothing to count against
            return super().clean()
        username = self.cleaned_data.get("username") or ""
        wait = ratelimit.login_wait(self.request, username)
        if wait:
            raise forms.ValidationError(ratelimit.login_wait_message(wait), code="too_many_attempts")
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            if username and self.cleaned_data.get("password"):
                ratelimit.login_failed(self.request, username)
            raise
        if username:
            ratelimit.login_succeeded(self.request, username)
        return cleaned


class TokenForm(forms.Form):
    name = forms.CharField(label=_("Device or script name"), max_length=80)
    days = forms.IntegerField(label=_("Valid for (days, empty = no expiry)"), min_value=1, max_value=3650,
                              required=False)


class AuditFilterForm(forms.Form):
    action = forms.ChoiceField(label=_("Kind of action"), required=False)

    def action_prefixes(self) -> tuple[str, ...]:
        """The first parts of the actions of the chosen group (empty: every action)."""
        from balekdusun.core.auditwords import GROUPS

        key = self.cleaned_data.get("action")
        return GROUPS[key][1] if key else ()

    def __init__(self, *args, user, **kwargs):
        from balekdusun.core.auditwords import GROUPS
        from balekdusun.regions.forms import AreaField

        super().__init__(*args, **kwargs)
        self.fields["action"].choices = [("", _("All"))] + [(key, label) for key, (label, _p) in GROUPS.items()]
        self.fields["area"] = AreaField(label=_("Area"), required=False, user=user)


class UserForm(forms.ModelForm):
    """An office head creates and edits the accounts of their own office."""

    password = forms.CharField(label=_("Initial password"), widget=forms.PasswordInput, required=False,
                               help_text=_("At least 10 characters. Leave empty to keep the current password."))

    class Meta:
        from balekdusun.core.models import User

        model = User
        fields = ["username", "first_name", "last_name", "nip", "email", "phone", "role", "office", "is_active"]

    def __init__(self, *args, actor, **kwargs):
        from balekdusun.core.models import Office
        from balekdusun.core.roles import Role
        from balekdusun.regions.forms import AreaField

        super().__init__(*args, **kwargs)
        self.actor = actor
        self.fields["village"] = AreaField(label=_("Village (village officials only)"), level=4, required=False,
                                           user=actor, initial=self.instance.village_id)
        if actor.role != Role.ADMIN:
            # Heads manage their own office only and cannot create national administrators.
            self.fields["office"].queryset = Office.objects.filter(pk=actor.office_id)
            self.fields["office"].initial = actor.office_id
            self.fields["office"].required = True
            self.fields["role"].choices = [c for c in Role.choices if c[0] != Role.ADMIN]
        if self.instance.pk is None:
            self.fields["password"].required = True
            self.fields["password"].help_text = _("At least 10 characters.")

    def clean_password(self):
        from django.contrib.auth.password_validation import validate_password

        password = self.cleaned_data.get("password")
        if password:
            validate_password(password, self.instance)
        return password

    def _post_clean(self):
        self.instance.village = self.cleaned_data.get("village")
        super()._post_clean()
