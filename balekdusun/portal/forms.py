from django import forms
from django.utils.translation import gettext_lazy as _

from balekdusun.core.roles import Role
from balekdusun.lib.phone import to_e164
from balekdusun.portal.models import Agency, Country, InfoPage, JobOpening, Sector
from balekdusun.regions.forms import AreaField, AreaInput
from balekdusun.regions.models import Area
from balekdusun.regions.search import search_areas

DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"]


# --- Staff forms -------------------------------------------------------------------------------------------------

class AgencyForm(forms.ModelForm):
    licence_valid_until = forms.DateField(label=_("licence valid until"), required=False, input_formats=DATE_FORMATS,
                                          widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))

    class Meta:
        model = Agency
        fields = ["name", "licence_number", "status", "licence_valid_until", "status_note", "city", "address",
                  "phone"]


class JobForm(forms.ModelForm):
    closing_date = forms.DateField(label=_("closing date"), input_formats=DATE_FORMATS,
                                   widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))

    class Meta:
        model = JobOpening
        fields = ["reference", "office", "position", "country", "sector", "scheme", "employer", "agency", "quota",
                  "salary_min", "salary_max", "currency", "requirements", "allowed_costs", "forbidden_costs",
                  "closing_date", "status"]
        widgets = {f: forms.Textarea(attrs={"rows": 4}) for f in ("requirements", "allowed_costs", "forbidden_costs")}

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if user is not None and user.role != Role.ADMIN:
            # An office publishes its own openings; only national administrators choose another office.
            del self.fields["office"]
        self.fields["agency"].queryset = Agency.objects.order_by("name")
        self.fields["currency"].widget.attrs.update({"maxlength": 3, "style": "text-transform:uppercase"})

    def clean_currency(self):
        return (self.cleaned_data.get("currency") or "").upper()

    def save(self, commit=True):
        job = super().save(commit=False)
        if self.user is not None and self.user.role != Role.ADMIN:
            job.office = self.user.office
        if commit:
            job.save()
        return job


class InfoPageForm(forms.ModelForm):
    class Meta:
        model = InfoPage
        fields = ["slug", "section", "order", "title_id", "title_en", "summary_id", "summary_en", "body_id",
                  "body_en", "published"]
        widgets = {"body_id": forms.Textarea(attrs={"rows": 16}), "body_en": forms.Textarea(attrs={"rows": 16})}
        help_texts = {"body_id": _('Plain text. Blank line: new paragraph. "- ": bullet. "1. ": numbered step. '
                                   '"## ": heading.')}


class ImportForm(forms.Form):
    file = forms.FileField(label=_("File (.csv or .xlsx)"),
                           help_text=_("CSV (UTF-8; comma, semicolon or tab separated) or XLSX (the first sheet), "
                                       "with a header row."))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".txt", ".xlsx")):
            raise forms.ValidationError(_("Upload a .csv or .xlsx file."))
        return upload


# --- Public forms ------------------------------------------------------------------------------------------------

class AgencySearchForm(forms.Form):
    q = forms.CharField(label=_("Agency name or licence number"), max_length=120, required=False,
                        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}))


class JobFilterForm(forms.Form):
    country = forms.ChoiceField(label=_("Country"), required=False,
                                choices=[("", _("All countries")), *Country.choices])
    sector = forms.ChoiceField(label=_("Sector"), required=False, choices=[("", _("All sectors")), *Sector.choices])
    closing_after = forms.DateField(label=_("Still open on"), required=False, input_formats=DATE_FORMATS,
                                    widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))


HELP_KINDS = [
    ("information", _("I want information about working abroad legally")),
    ("family_abroad", _("A family member abroad has a problem")),
    ("broker", _("I want to report a broker or recruiter")),
    ("other", _("Something else")),
]


class VillageField(AreaField):
    """The regions field, bounded for anonymous visitors: short text, no control characters."""

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip()
            if len(value) > 100 or any(ord(ch) < 32 for ch in value):
                raise forms.ValidationError(_("Type the name of the village (at most 100 characters)."),
                                            code="invalid")
        return super().to_python(value)


class HelpForm(forms.Form):
    kind = forms.ChoiceField(label=_("What is it about?"), choices=HELP_KINDS, widget=forms.RadioSelect)
    description = forms.CharField(label=_("What happened? How can we help?"), max_length=3000,
                                  widget=forms.Textarea(attrs={"rows": 5}))
    village = VillageField(label=_("Your village (desa/kelurahan)"), level=4,
                        widget=AreaInput(level=4, mine=False, attrs={"autocomplete": "off"}),
                        help_text=_("The name of the village, e.g. Pematang Buluran."))
    name = forms.CharField(label=_("Your name (optional)"), max_length=120, required=False,
                           widget=forms.TextInput(attrs={"autocomplete": "name"}))
    phone = forms.CharField(label=_("Your phone or WhatsApp number (optional)"), max_length=32, required=False,
                            widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}))
    consent = forms.BooleanField(label=_("I agree that the BP3MI stores my name and number to contact me about "
                                         "this request, and for nothing else."), required=False)
    # Honeypot: people never see it; form-filling robots do. Named like a field robots love to fill.
    website = forms.CharField(label=_("Leave this empty"), required=False)

    def clean_phone(self):
        e164 = to_e164(self.cleaned_data.get("phone"))
        if e164 is None:
            raise forms.ValidationError(_("This does not look like a phone number. Example: 0812-3456-7890."))
        return e164

    def clean(self):
        data = super().clean()
        self._resolve_ambiguous_village(data)
        if (data.get("name") or data.get("phone")) and not data.get("consent"):
            self.add_error("consent", _("Tick this box if we may keep your name or number, or leave both empty."))
        return data


    village_options: list[tuple[str, str]] = []

    def _resolve_ambiguous_village(self, data):
        """Several villages share a name ("Penyandingan"): offer them as choices instead of asking for a code."""
        errors = self._errors.get("village")
        if not errors:
            return
        pick = (self.data.get("village_pick") or "").strip()
        if pick:
            area = Area.objects.filter(code=pick, level=4).first()
            if area is not None:
                del self._errors["village"]
                data["village"] = area
                return
        if any(e.code == "ambiguous" for e in errors.as_data()):
            hits = search_areas(self.data.get("village", ""), level=4, limit=8)
            best = [h for h in hits if h["score"] == hits[0]["score"]] if hits else []
            self.village_options = [(h["code"], h["path"]) for h in best]
            self._errors["village"] = self.error_class([_("Several villages have this name. Choose yours below.")])


class CheckForm(forms.Form):
    reference = forms.CharField(label=_("Reference code"), max_length=20,
                                widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}))
    phone_last4 = forms.RegexField(label=_("Last four digits of your phone number"), regex=r"^\d{4}$",
                                   error_messages={"invalid": _("Enter exactly four digits.")},
                                   widget=forms.TextInput(attrs={"inputmode": "numeric", "maxlength": 4,
                                                                 "autocomplete": "off"}))

    def clean_reference(self):
        return "".join((self.cleaned_data.get("reference") or "").split()).upper()
