from django import forms
from django.utils.translation import gettext_lazy as _

from balekdusun.rights.models import RequestKind

KIND_HELP = _("See: a copy of everything we hold about your household. Correct: we fix what is wrong. Delete: we "
              "remove your names, numbers and stories. Withdraw consent: we stop using your data and remove it.")


def apply_domain_error(form, err) -> None:
    """Show a service's DomainError on the field it names (or on top of the form)."""
    form.add_error(err.field if err.field in form.fields else None, err.message)


class PortalRequestForm(forms.Form):
    kind = forms.ChoiceField(label=_("What do you ask for?"), choices=RequestKind.choices, widget=forms.RadioSelect,
                             help_text=KIND_HELP)
    sticker = forms.CharField(label=_("Code on the sticker of your house"), max_length=32,
                              widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
                              help_text=_("The letters and numbers printed under the QR code, e.g. K7QX-4MP9."))
    phone = forms.CharField(label=_("Phone number recorded for your household"), max_length=32,
                            widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
                            help_text=_("You will need it with your reference code to check the status."))
    in_person = forms.BooleanField(label=_("We have no phone number recorded, or a different one: verify me in "
                                           "person at the office (the number above is then only for the status)."),
                                   required=False)
    name = forms.CharField(label=_("Your name (optional)"), max_length=120, required=False)
    relation = forms.CharField(label=_("If you ask for someone else: your relationship to the household"),
                               max_length=60, required=False)
    details = forms.CharField(label=_("What should we correct, or anything else we should know? (optional)"),
                              max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 4}))
    website = forms.CharField(label=_("Leave this empty"), required=False)

    def clean(self):
        data = super().clean()
        if data.get("kind") == RequestKind.CORRECTION and not (data.get("details") or "").strip():
            self.add_error("details", _("Say what is wrong and what it should be."))
        return data


class StatusForm(forms.Form):
    reference = forms.CharField(label=_("Reference code (HAK-…)"), max_length=32,
                                widget=forms.TextInput(attrs={"autocomplete": "off",
                                                              "autocapitalize": "characters"}))
    phone = forms.CharField(label=_("The phone number you gave"), max_length=32,
                            widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}))


class StaffRequestForm(forms.Form):
    sticker = forms.CharField(label=_("Sticker code of the house"), max_length=32,
                              widget=forms.TextInput(attrs={"autocomplete": "off"}))
    kind = forms.ChoiceField(label=_("Request"), choices=RequestKind.choices)
    name = forms.CharField(label=_("Name of the person asking"), max_length=120)
    relation = forms.CharField(label=_("Relationship to the household"), max_length=60, required=False)
    phone = forms.CharField(label=_("Phone number for the status check"), max_length=32,
                            widget=forms.TextInput(attrs={"type": "tel"}))
    details = forms.CharField(label=_("What is asked (for a correction: what is wrong and what it should be)"),
                              max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3}))
    verified = forms.BooleanField(label=_("I checked this person's identity (KTP or family card) in person."),
                                  required=False)


class CorrectionForm(forms.Form):
    head_name = forms.CharField(label=_("Head of household"), max_length=120, required=False)
    phone = forms.CharField(label=_("Phone"), max_length=32, required=False)
    address = forms.CharField(label=_("Address description"), max_length=255, required=False)
    dusun = forms.CharField(label=_("Dusun"), max_length=60, required=False)
    rt = forms.CharField(label=_("RT"), max_length=5, required=False)
    rw = forms.CharField(label=_("RW"), max_length=5, required=False)
    note = forms.CharField(label=_("Answer to the resident (optional)"), max_length=2000, required=False,
                           widget=forms.Textarea(attrs={"rows": 2}))


class NoteForm(forms.Form):
    note = forms.CharField(label=_("Answer to the resident (optional)"), max_length=2000, required=False,
                           widget=forms.Textarea(attrs={"rows": 2}))


class EraseForm(NoteForm):
    confirm = forms.BooleanField(label=_("I understand that names, numbers, locations and stories of this household "
                                         "are removed for good."), required=True)


class RefuseForm(forms.Form):
    reason = forms.CharField(label=_("Reason (the resident is told)"), max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 2}))
