import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from balekdusun.core.models import Office
from balekdusun.core.roles import Role
from balekdusun.core.scoping import scoped
from balekdusun.privacy import conf
from balekdusun.privacy.models import BreachNotice
from balekdusun.privacy.record import CATEGORIES

# Nothing the product holds is older than this; an earlier date is a typing error (or a probe).
EARLIEST = dt.date(2000, 1, 1)


def offices_for(user):
    """The offices whose logs and breaches a user may handle: a national administrator all, anyone else their own."""
    if user.role == Role.ADMIN:
        return Office.objects.order_by("name")
    return Office.objects.filter(pk=user.office_id) if user.office_id else Office.objects.none()


def _check_date(form, name, value):
    if value is None:
        return
    day = value.date() if isinstance(value, dt.datetime) else value
    if day < EARLIEST:
        form.add_error(name, _("Choose a date from 1 January 2000 on."))
    elif day > timezone.localdate():
        form.add_error(name, _("This date is in the future."))


class AccessLogForm(forms.Form):
    start = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("Until"), widget=forms.DateInput(attrs={"type": "date"}))
    office = forms.ModelChoiceField(label=_("Office"), queryset=Office.objects.none(), empty_label=None)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["office"].queryset = offices_for(user)

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        _check_date(self, "start", start)
        _check_date(self, "end", end)
        if start and end and "start" not in self.errors and "end" not in self.errors:
            if start > end:
                self.add_error("end", _("The end date is before the start date."))
            elif (end - start).days + 1 > conf.EXPORT_MAX_DAYS:
                self.add_error("end", ngettext("Choose a period of at most %(n)s day.",
                                               "Choose a period of at most %(n)s days.",
                                               conf.EXPORT_MAX_DAYS) % {"n": conf.EXPORT_MAX_DAYS})
        return data


class BreachForm(forms.ModelForm):
    started_at = forms.DateTimeField(label=_("Breach began"), input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
                                     widget=forms.DateTimeInput(attrs={"type": "datetime-local"},
                                                                format="%Y-%m-%dT%H:%M"))
    ended_at = forms.DateTimeField(label=_("Breach ended (empty: not known or still going on)"), required=False,
                                   input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
                                   widget=forms.DateTimeInput(attrs={"type": "datetime-local"},
                                                              format="%Y-%m-%dT%H:%M"))
    discovered_at = forms.DateTimeField(label=_("Discovered at"), input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
                                        widget=forms.DateTimeInput(attrs={"type": "datetime-local"},
                                                                   format="%Y-%m-%dT%H:%M"))
    categories = forms.MultipleChoiceField(label=_("Affected data"), choices=list(CATEGORIES.items()),
                                           widget=forms.CheckboxSelectMultiple)
    people_affected = forms.IntegerField(label=_("People affected (estimate)"), min_value=0, max_value=300_000_000)

    class Meta:
        model = BreachNotice
        fields = ["office", "what", "started_at", "ended_at", "discovered_at", "categories", "people_affected",
                  "measures"]
        widgets = {"what": forms.Textarea(attrs={"rows": 4}), "measures": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["office"].queryset = offices_for(user)
        self.fields["office"].empty_label = None
        self.fields["what"].help_text = _("What happened and how: which records, which system, who found it.")
        self.fields["measures"].help_text = _("What the office did to stop it and limit the harm, and what it "
                                              "advises the people concerned to do.")

    def clean(self):
        data = super().clean()
        started, ended, discovered = data.get("started_at"), data.get("ended_at"), data.get("discovered_at")
        for name in ("started_at", "ended_at", "discovered_at"):
            if name not in self.errors:
                _check_date(self, name, data.get(name))
        if started and discovered and started > discovered and "discovered_at" not in self.errors:
            self.add_error("discovered_at", _("A breach is discovered after it began."))
        if started and ended and ended < started and "ended_at" not in self.errors:
            self.add_error("ended_at", _("The end is before the beginning."))
        return data


def scoped_breaches(user):
    return scoped(user, BreachNotice).select_related("office", "recorded_by")
