from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from balekdusun.campaigns.models import Outreach
from balekdusun.core.models import Office
from balekdusun.core.roles import Role
from balekdusun.core.scoping import scoped
from balekdusun.materials import codes, sheets
from balekdusun.materials.models import Material, Topic
from balekdusun.materials.services import MAX_BATCH

MAX_PRINT_FILE = 25 * 2**20


class MaterialForm(forms.ModelForm):
    topics = forms.MultipleChoiceField(label=_("topics"), choices=Topic.choices, required=False,
                                       widget=forms.CheckboxSelectMultiple)

    class Meta:
        model = Material
        fields = ["kind", "title", "version", "language", "topics", "print_file", "notes", "active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The language by its name; a code stored before this list existed stays choosable as it is.
        choices = list(settings.LANGUAGES)
        current = self.instance.language if self.instance.pk else ""
        if current and current not in dict(choices):
            choices.append((current, current))
        self.fields["language"] = forms.ChoiceField(label=self.fields["language"].label, choices=choices,
                                                    initial="id")

    def clean_print_file(self):
        f = self.cleaned_data.get("print_file")
        if isinstance(f, UploadedFile):  # a new upload, not the file already stored
            if not f.name.lower().endswith(".pdf"):
                raise forms.ValidationError(_("Upload the print file as a PDF."))
            if f.size > MAX_PRINT_FILE:
                raise forms.ValidationError(_("The file is larger than 25 MB."))
            head = f.read(5)
            f.seek(0)
            if head != b"%PDF-":
                raise forms.ValidationError(_("This file is not a PDF."))
        return f


def _office_field(user):
    """Only a national administrator (no office of their own) chooses the office."""
    if user.office_id:
        return None
    return forms.ModelChoiceField(label=_("office"), queryset=Office.objects.all())


class _StockForm(forms.Form):
    material = forms.ModelChoiceField(label=_("material"), queryset=Material.objects.all())
    quantity = forms.IntegerField(label=_("quantity"), min_value=1, max_value=10_000_000)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        field = _office_field(user)
        if field is not None:
            self.fields = {"office": field, **self.fields}

    def office(self):
        return self.cleaned_data.get("office") or self.user.office


class ReceiveForm(_StockForm):
    reason = forms.CharField(label=_("print run reference"), max_length=255, required=False,
                             help_text=_("e.g. the printer's delivery note number"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["material"].queryset = Material.objects.filter(active=True)


def _officers(user):
    User = get_user_model()
    qs = User.objects.filter(is_active=True, role__in=[Role.OFFICER, Role.COORDINATOR, Role.HEAD, Role.VILLAGE])
    return qs.filter(office=user.office) if user.office_id else qs.exclude(office=None)


class TeamForm(_StockForm):
    """Issue to, or return from, one officer of an outreach team."""

    def __init__(self, *args, user, outreach=None, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.fields.pop("office", None)
        self.fields["outreach"] = forms.ModelChoiceField(
            label=_("outreach day"), queryset=scoped(user, Outreach).select_related("village", "campaign"),
            initial=outreach)
        self.fields["officer"] = forms.ModelChoiceField(label=_("officer"), queryset=_officers(user))
        self.order_fields(["outreach", "officer", "material", "quantity"])


class LossForm(_StockForm):
    reason = forms.CharField(label=_("what happened"), max_length=255)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.fields["outreach"] = forms.ModelChoiceField(
            label=_("outreach day (empty: at the office)"), required=False,
            queryset=scoped(user, Outreach).select_related("village"))
        self.fields["officer"] = forms.ModelChoiceField(label=_("officer"), queryset=_officers(user),
                                                        required=False)


class AdjustForm(LossForm):
    quantity = forms.IntegerField(label=_("quantity (negative to reduce)"), min_value=-10_000_000,
                                  max_value=10_000_000)
    reason = forms.CharField(label=_("reason"), max_length=255)

    def clean_quantity(self):
        q = self.cleaned_data["quantity"]
        if q == 0:
            raise forms.ValidationError(_("An adjustment of zero changes nothing."))
        return q


class SignOffForm(forms.Form):
    note = forms.CharField(label=_("note"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
                           max_length=2000)


class BatchForm(forms.Form):
    size = forms.IntegerField(label=_("number of stickers"), min_value=1, max_value=MAX_BATCH)
    label = forms.CharField(label=_("label"), max_length=80, required=False,
                            help_text=_("e.g. the print order or the district it is meant for"))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        field = _office_field(user)
        if field is not None:
            self.fields = {"office": field, **self.fields}

    def office(self):
        return self.cleaned_data.get("office") or self.user.office


class SheetForm(forms.Form):
    preset = forms.ChoiceField(label=_("label stock"), choices=[(k, k.replace("x", " × ")) for k in sheets.PRESETS]
                               + [("custom", _("custom"))], initial="3x8")
    cols = forms.IntegerField(label=_("columns"), min_value=1, max_value=8, required=False)
    rows = forms.IntegerField(label=_("rows"), min_value=1, max_value=20, required=False)
    margin_top = forms.DecimalField(label=_("top margin (mm)"), min_value=0, max_value=60, decimal_places=2,
                                    required=False)
    margin_bottom = forms.DecimalField(label=_("bottom margin (mm)"), min_value=0, max_value=60,
                                       decimal_places=2, required=False)
    margin_left = forms.DecimalField(label=_("left margin (mm)"), min_value=0, max_value=60, decimal_places=2,
                                     required=False)
    margin_right = forms.DecimalField(label=_("right margin (mm)"), min_value=0, max_value=60, decimal_places=2,
                                      required=False)
    gap_x = forms.DecimalField(label=_("gap between columns (mm)"), min_value=0, max_value=60, decimal_places=2,
                               required=False)
    gap_y = forms.DecimalField(label=_("gap between rows (mm)"), min_value=0, max_value=60, decimal_places=2,
                               required=False)
    start = forms.IntegerField(label=_("from sticker number"), min_value=1, initial=1, required=False)
    count = forms.IntegerField(label=_("how many (empty: to the end)"), min_value=1, max_value=10_000,
                               required=False)
    outline = forms.BooleanField(label=_("draw label outlines (test print)"), required=False)

    LAYOUT_FIELDS = ("cols", "rows", "margin_top", "margin_bottom", "margin_left", "margin_right", "gap_x", "gap_y")

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        base = sheets.PRESETS.get(data.get("preset"), sheets.PRESETS["3x8"])
        values = {}
        for name in self.LAYOUT_FIELDS:
            given = data.get(name)
            if data.get("preset") == "custom" and given is None:
                self.add_error(name, _("Required for a custom layout."))
                continue
            cast = int if name in ("cols", "rows") else float
            values[name] = cast(given) if given is not None else getattr(base, name)
        if self.errors:
            return data
        layout = sheets.Layout(**values)
        for name, message in layout.errors().items():
            self.add_error(name, message)
        data["layout"] = layout
        return data


class IssueStickersForm(forms.Form):
    count = forms.IntegerField(label=_("number of stickers"), min_value=1, max_value=MAX_BATCH)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["outreach"] = forms.ModelChoiceField(
            label=_("outreach day"), queryset=scoped(user, Outreach).select_related("village"))
        self.order_fields(["outreach", "count"])


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("reason"), max_length=255)


class ResolveForm(forms.Form):
    resolution = forms.CharField(label=_("what was done"), max_length=255)


class CodeForm(forms.Form):
    code = forms.CharField(label=_("sticker code"), max_length=64)

    def clean_code(self):
        code = codes.normalize(self.cleaned_data["code"])
        if not codes.is_valid(code):
            raise forms.ValidationError(_("This is not a valid sticker code; check it for a typo."))
        return code
