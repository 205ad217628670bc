from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from balekdusun.campaigns.models import (
    OUTREACH_TRANSITIONS,
    Campaign,
    Outreach,
    OutreachStatus,
    PartnerRole,
    PriorityComponent,
    PriorityWeight,
    TeamMember,
)
from balekdusun.campaigns.services import HOUSEHOLD_FIELDS
from balekdusun.core.roles import Role
from balekdusun.core.scoping import scoped
from balekdusun.regions.forms import AreaField

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class UploadForm(forms.Form):
    file = forms.FileField(label=_("File (.csv or .xlsx)"))

    def clean_file(self):
        from balekdusun.campaigns import conf

        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".txt", ".xlsx")):
            raise forms.ValidationError(_("Upload a .csv or .xlsx file."))
        if upload.size > conf.IMPORT_UPLOAD_MAX_MB * 2**20:
            raise forms.ValidationError(_("The file is larger than %(n)d MB; use the import_migration command.")
                                        % {"n": conf.IMPORT_UPLOAD_MAX_MB})
        return upload


class PriorityFilterForm(forms.Form):
    regency = AreaField(level=2, required=False, label=_("Regency/city"))
    district = AreaField(level=3, required=False, label=_("District"))

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["regency"].user = user
        self.fields["district"].user = user

    def within(self):
        if not self.is_valid():
            return None
        area = self.cleaned_data.get("district") or self.cleaned_data.get("regency")
        return area.code if area else None


class WeightsForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        current = {w.component: w.weight for w in PriorityWeight.objects.all()}
        for value, label in PriorityComponent.choices:
            self.fields[value] = forms.DecimalField(label=label, min_value=0, max_value=100, decimal_places=2,
                                                    initial=current.get(value))


class CampaignForm(forms.ModelForm):
    class Meta:
        model = Campaign
        fields = ["name", "start_date", "end_date", "goals"]
        widgets = {"start_date": DATE, "end_date": DATE, "goals": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, office=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.office = office or self.instance.office

    def clean(self):
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The end date is before the start date."))
        name = data.get("name")
        if name and Campaign.objects.filter(office=self.office, name=name).exclude(pk=self.instance.pk).exists():
            self.add_error("name", _("Your office already has a campaign with this name."))
        return data


class OutreachForm(forms.ModelForm):
    village = AreaField(level=4, label=_("Village"))

    class Meta:
        model = Outreach
        fields = ["campaign", "village", "date", "status", "target_households", "target_materials", "notes"]
        widgets = {"date": DATE, "notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["campaign"].queryset = scoped(user, Campaign)
        self.fields["village"].user = user
        if self.instance.pk:
            self.initial.setdefault("village", self.instance.village_id)

    def clean(self):
        data = super().clean()
        campaign, day = data.get("campaign"), data.get("date")
        if campaign and day:
            if day < campaign.start_date or (campaign.end_date and day > campaign.end_date):
                self.add_error("date", _("The date is outside the campaign's period."))
        status = data.get("status")
        if self.instance.pk and status and status != self.instance.status:
            allowed = OUTREACH_TRANSITIONS.get(self.instance.status, set())
            if status not in allowed:
                self.add_error("status", _("An outreach day that is “%(old)s” cannot become “%(new)s”.") % {
                    "old": self.instance.get_status_display(), "new": OutreachStatus(status).label})
        elif not self.instance.pk and status == OutreachStatus.REPORTED:
            self.add_error("status", _("A new outreach day cannot be reported yet."))
        village = data.get("village")
        if campaign and village and not campaign.office.covers(village.code):
            self.add_error("village", _("The village is outside the campaign office's jurisdiction."))
        return data


class OfficerForm(forms.Form):
    user = forms.ModelChoiceField(label=_("Officer"), queryset=get_user_model().objects.none())

    def __init__(self, *args, outreach=None, **kwargs):
        super().__init__(*args, **kwargs)
        taken = outreach.team.filter(user__isnull=False).values_list("user_id", flat=True)
        self.fields["user"].queryset = (get_user_model().objects
                                        .filter(office=outreach.campaign.office, is_active=True,
                                                role__in=[Role.OFFICER, Role.COORDINATOR, Role.HEAD])
                                        .exclude(pk__in=taken).order_by("first_name", "username"))
        self.fields["user"].label_from_instance = lambda u: f"{u.display_name} ({u.get_role_display()})"


class PartnerForm(forms.ModelForm):
    class Meta:
        model = TeamMember
        fields = ["partner_name", "partner_role", "phone"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner_name"].required = True
        self.fields["partner_role"].required = True
        self.fields["partner_role"].choices = PartnerRole.choices

    def clean_phone(self):
        from balekdusun.campaigns.services import normalize_phone
        from balekdusun.core.services import DomainError

        try:
            return normalize_phone(self.cleaned_data.get("phone", ""))
        except DomainError as err:
            raise forms.ValidationError(err.message) from None


class HouseholdForm(forms.Form):
    dusun = forms.CharField(label=_("Dusun"), max_length=60, required=False)
    rt = forms.CharField(label=_("RT"), max_length=5, required=False)
    rw = forms.CharField(label=_("RW"), max_length=5, required=False)
    address = forms.CharField(label=_("Address description"), max_length=255, required=False)
    latitude = forms.FloatField(label=_("Latitude"), required=False, min_value=-90, max_value=90)
    longitude = forms.FloatField(label=_("Longitude"), required=False, min_value=-180, max_value=180)
    head_name = forms.CharField(label=_("Head of household (only with consent)"), max_length=120, required=False)
    phone = forms.CharField(label=_("Phone (only with consent)"), max_length=32, required=False)
    consent = forms.BooleanField(label=_("The resident agreed that name and phone are recorded"), required=False)

    def fields_for_service(self) -> dict:
        return {k: self.cleaned_data.get(k) for k in HOUSEHOLD_FIELDS}


class CutTurfsForm(forms.Form):
    count = forms.IntegerField(label=_("Number of turfs (one per team pair)"), min_value=1, max_value=50, initial=3)


class MoveHouseholdForm(forms.Form):
    household = forms.IntegerField(widget=forms.HiddenInput)
    turf = forms.ModelChoiceField(label=_("Move to"), queryset=None)

    def __init__(self, *args, outreach=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["turf"].queryset = outreach.turfs.all()


class TurfOfficersForm(forms.Form):
    officers = forms.ModelMultipleChoiceField(label=_("Officers"), queryset=None, required=False,
                                              widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, outreach=None, **kwargs):
        super().__init__(*args, **kwargs)
        ids = outreach.team.filter(user__isnull=False).values_list("user_id", flat=True)
        self.fields["officers"].queryset = get_user_model().objects.filter(pk__in=ids)
        self.fields["officers"].label_from_instance = lambda u: u.display_name


class MonthForm(forms.Form):
    month = forms.RegexField(regex=r"^\d{4}-\d{2}$", required=False)
