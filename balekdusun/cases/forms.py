from datetime import datetime, time

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from balekdusun.cases import workflow
from balekdusun.cases.models import (
    CallDirection,
    CallOutcome,
    CaseKind,
    CaseSource,
    CaseStatus,
    ClosureReason,
    Priority,
    ReferralTarget,
)
from balekdusun.core.roles import WORKERS, Role

# Destinations seen most in placements and complaints (docs/design.md "Domain facts"); anything else is typed as a code.
COUNTRIES = [
    ("", "—"), ("MY", _("Malaysia")), ("HK", _("Hong Kong")), ("TW", _("Taiwan")), ("JP", _("Japan")),
    ("SG", _("Singapore")), ("KR", _("South Korea")), ("SA", _("Saudi Arabia")), ("AE", _("United Arab Emirates")),
    ("QA", _("Qatar")), ("BN", _("Brunei")), ("KH", _("Cambodia")), ("MM", _("Myanmar")), ("TH", _("Thailand")),
    ("LA", _("Laos")), ("PL", _("Poland")), ("TR", _("Turkey")),
]


def apply_domain_error(form, err) -> None:
    """Show a service's DomainError on the field it names (or on top of the form)."""
    field = getattr(form, "field_aliases", {}).get(err.field, err.field)
    form.add_error(field if field in form.fields else None, err.message)


def workers_of(office):
    User = get_user_model()
    qs = User.objects.filter(is_active=True, role__in=[r for r in WORKERS if r != Role.ADMIN])
    return qs.filter(office=office).order_by("first_name", "username") if office else qs.none()


class UserChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.display_name} ({obj.get_role_display()})"


class HotlineForm(forms.Form):
    """One screen for the staff member on the phone: who calls, about whom, what happened."""

    source = forms.ChoiceField(label=_("Channel"), initial=CaseSource.HOTLINE, choices=[
        (CaseSource.HOTLINE, CaseSource.HOTLINE.label), (CaseSource.WALK_IN, CaseSource.WALK_IN.label),
        (CaseSource.REFERRAL, CaseSource.REFERRAL.label)])
    kind = forms.ChoiceField(label=_("Kind"), choices=[("", "—"), *CaseKind.choices])
    reporter_name = forms.CharField(label=_("Caller name"), max_length=120, required=False)
    reporter_phone = forms.CharField(label=_("Caller phone"), max_length=32, required=False,
                                     widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "off"}))
    reporter_relationship = forms.CharField(label=_("Relationship to the migrant worker"), max_length=60,
                                            required=False, help_text=_("e.g. mother, husband, self"))
    subject_name = forms.CharField(label=_("Migrant worker's name"), max_length=120, required=False)
    destination_country = forms.ChoiceField(label=_("Country"), choices=COUNTRIES, required=False)
    employer = forms.CharField(label=_("Employer"), max_length=160, required=False)
    agency_name = forms.CharField(label=_("Agency (P3MI)"), max_length=160, required=False)
    description = forms.CharField(label=_("What happened"), max_length=10_000,
                                  widget=forms.Textarea(attrs={"rows": 5}))
    health_details = forms.CharField(label=_("Health details"), max_length=5_000, required=False,
                                     widget=forms.Textarea(attrs={"rows": 2}))
    victim_status = forms.CharField(label=_("Victim status"), max_length=200, required=False,
                                    help_text=_("e.g. suspected trafficking (TPPO). Makes the case restricted."))
    priority = forms.ChoiceField(label=_("Priority"), choices=[("", _("By kind")), *Priority.choices],
                                 required=False)
    restricted = forms.BooleanField(label=_("Restricted case"), required=False,
                                    help_text=_("Only the assignee, the office head and administrators see it."))
    consent = forms.BooleanField(label=_("The caller agreed that we record their personal data"), required=False)
    # Shown (as a checkbox) only when duplicates were suggested; see show_duplicate_choice().
    confirm_new = forms.BooleanField(label=_("This is a new case, not one of the cases above"), required=False,
                                     widget=forms.HiddenInput)

    def __init__(self, *args, user, **kwargs):
        from balekdusun.regions.forms import AreaField

        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["village"] = AreaField(label=_("Village"), level=4, user=user, required=False,
                                           help_text=_("Leave empty when the caller does not say."))
        order = list(self.fields)
        order.insert(order.index("destination_country"), order.pop(order.index("village")))
        # Consent is asked before the name and number are written down.
        order.insert(order.index("reporter_name"), order.pop(order.index("consent")))
        from balekdusun.core.roles import has_perm

        if user.office_id is None:
            # National administrators belong to no office: they say which office takes the case.
            from balekdusun.core.models import Office

            self.fields["office"] = forms.ModelChoiceField(label=_("Office"), queryset=Office.objects.all())
            order.insert(0, "office")
        elif has_perm(user, "cases.assign"):
            self.fields["assignee"] = UserChoiceField(label=_("Assign to"), queryset=workers_of(user.office),
                                                      required=False)
            order.insert(order.index("restricted"), "assignee")
        self.order_fields(order)

    def show_duplicate_choice(self):
        self.fields["confirm_new"].widget = forms.CheckboxInput()

    def clean(self):
        data = super().clean()
        if (data.get("reporter_name") or data.get("reporter_phone")) and not data.get("consent"):
            self.add_error("consent", _("Ask the caller for consent before recording a name or phone number."))
        return data


class FilterForm(forms.Form):
    q = forms.CharField(label=_("Reference, phone or name"), required=False, max_length=120)
    status = forms.ChoiceField(label=_("Status"), required=False,
                               choices=[("", _("Open")), ("all", _("All")), *CaseStatus.choices])
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=[("", _("All")), *CaseKind.choices])
    assignee = forms.ChoiceField(label=_("Assignee"), required=False)
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)

    def __init__(self, *args, user, **kwargs):
        from balekdusun.regions.forms import AreaField

        super().__init__(*args, **kwargs)
        self.fields["village"] = AreaField(label=_("Area"), user=user, required=False)
        choices = [("", _("Anyone")), ("me", _("Me")), ("none", _("Unassigned"))]
        choices += [(str(u.pk), u.display_name) for u in workers_of(user.office)]
        self.fields["assignee"].choices = choices
        self.order_fields(["q", "status", "kind", "village", "assignee", "overdue"])


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"))
    closure_reason = forms.ModelChoiceField(label=_("Closure reason"), required=False,
                                            queryset=ClosureReason.objects.filter(active=True))
    referred_to = forms.ChoiceField(label=_("Referred to"), required=False,
                                    choices=[("", "—"), *ReferralTarget.choices])
    note = forms.CharField(label=_("Note"), required=False, max_length=10_000,
                           widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        # Every status is accepted by the form so that a refused move gets the service's clear message.
        nxt = workflow.allowed_next(case.status)
        self.fields["status"].choices = [(s, CaseStatus(s).label) for s in nxt] + [
            (s, CaseStatus(s).label) for s in CaseStatus.values if s not in nxt]
        self.fields["status"].widget.choices = [(s, CaseStatus(s).label) for s in nxt]


class AssignForm(forms.Form):
    assignee = UserChoiceField(label=_("Assign to"), queryset=None, required=False)

    def __init__(self, *args, case, user=None, **kwargs):
        from balekdusun.core.roles import has_perm

        super().__init__(*args, **kwargs)
        qs = workers_of(case.office)
        if user is not None and not has_perm(user, "cases.assign"):
            qs = qs.filter(pk=user.pk)  # an officer may only take a case themselves
        self.fields["assignee"].queryset = qs
        self.fields["assignee"].initial = case.assignee_id


class DetailsForm(forms.Form):
    """The people and the story, for whoever works the case and may see personal data."""

    reporter_name = forms.CharField(label=_("Reporter name"), max_length=120, required=False)
    reporter_phone = forms.CharField(label=_("Reporter phone"), max_length=32, required=False)
    reporter_relationship = forms.CharField(label=_("Relationship to the migrant worker"), max_length=60,
                                            required=False)
    subject_name = forms.CharField(label=_("Migrant worker's name"), max_length=120, required=False)
    destination_country = forms.CharField(label=_("Country (two-letter code)"), max_length=2, required=False)
    employer = forms.CharField(label=_("Employer"), max_length=160, required=False)
    agency_name = forms.CharField(label=_("Agency (P3MI)"), max_length=160, required=False)
    description = forms.CharField(label=_("What happened"), max_length=10_000, required=False,
                                  widget=forms.Textarea(attrs={"rows": 5}))
    health_details = forms.CharField(label=_("Health details"), max_length=5_000, required=False,
                                     widget=forms.Textarea(attrs={"rows": 2}))
    victim_status = forms.CharField(label=_("Victim status"), max_length=200, required=False)
    priority = forms.ChoiceField(label=_("Priority"), choices=Priority.choices)
    restricted = forms.BooleanField(label=_("Restricted case"), required=False)

    FIELDS = ("reporter_name", "reporter_phone", "reporter_relationship", "subject_name", "destination_country",
              "employer", "agency_name", "description", "health_details", "victim_status", "priority")

    @classmethod
    def for_case(cls, case, **kwargs):
        initial = {name: getattr(case, name) for name in cls.FIELDS}
        initial["restricted"] = case.is_restricted
        return cls(initial=initial, **kwargs)


class DueForm(forms.Form):
    field_aliases = {"due_at": "due_date"}
    due_date = forms.DateField(label=_("Due date"), widget=forms.DateInput(attrs={"type": "date"}))
    reason = forms.CharField(label=_("Why"), required=False, max_length=500)

    def due_at(self):
        day = self.cleaned_data["due_date"]
        return timezone.make_aware(datetime.combine(day, time(23, 59, 59)))


class NoteForm(forms.Form):
    text = forms.CharField(label=_("Note"), max_length=10_000, widget=forms.Textarea(attrs={"rows": 3}))


class CallForm(forms.Form):
    direction = forms.ChoiceField(label=_("Direction"), choices=CallDirection.choices, initial=CallDirection.OUTGOING)
    outcome = forms.ChoiceField(label=_("Outcome"), choices=CallOutcome.choices)
    summary = forms.CharField(label=_("Summary"), required=False, max_length=10_000,
                              widget=forms.Textarea(attrs={"rows": 2}))


class AttachmentForm(forms.Form):
    file = forms.FileField(label=_("File"))
    note = forms.CharField(label=_("Description"), required=False, max_length=500)
