from django import forms
from django.utils.translation import gettext_lazy as _


class ResolveForm(forms.Form):
    CHOICES = [("keep", _("Keep the stored version")), ("take", _("Replace it with the incoming version"))]
    decision = forms.ChoiceField(label=_("Decision"), choices=CHOICES, widget=forms.RadioSelect)
    note = forms.CharField(label=_("Note"), max_length=255, required=False)
