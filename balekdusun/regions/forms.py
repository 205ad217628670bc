from django import forms
from django.utils.translation import gettext_lazy as _

from balekdusun.core.scoping import in_jurisdiction
from balekdusun.regions import search
from balekdusun.regions.models import Area


class AreaInput(forms.TextInput):
    def __init__(self, *, level: int | None = None, within: str | None = None, mine: bool = True, attrs=None):
        attrs = {"data-area-autocomplete": "1", **(attrs or {})}
        if level:
            attrs["data-level"] = str(level)
        if within:
            attrs["data-within"] = within
        if mine:
            attrs["data-mine"] = "1"
        super().__init__(attrs=attrs)

    def format_value(self, value):
        if isinstance(value, Area):
            return value.code
        return super().format_value(value)


class AreaField(forms.Field):
    """An area typed as a code ("16.02.08.2017") or a name ("Permatang Buluran"); the autocomplete fills the code.

    With `user`, only areas in that user's jurisdiction are accepted.
    """

    default_error_messages = {
        "unknown": _("No area matches “%(value)s”."),
        "ambiguous": _("“%(value)s” matches several areas: %(options)s. Type the code or pick from the list."),
        "level": _("Choose a %(level)s."),
        "outside": _("%(area)s is outside your jurisdiction."),
    }

    def __init__(self, *, level: int | None = None, user=None, **kwargs):
        self.level = level
        self.user = user
        kwargs.setdefault("widget", AreaInput(level=level))
        super().__init__(**kwargs)

    def to_python(self, value):
        if value in (None, ""):
            return None
        if isinstance(value, Area):
            return value
        text = str(value).strip()
        area = Area.objects.filter(code=text).first()
        if area is None:
            allowed = (lambda c: in_jurisdiction(self.user, c)) if self.user is not None else None
            hits = search.search_areas(text, level=self.level, allowed=allowed, limit=5)
            if not hits:
                from balekdusun.regions.services import record_miss

                record_miss(text)
                raise forms.ValidationError(self.error_messages["unknown"], code="unknown", params={"value": text})
            best = [h for h in hits if h["score"] == hits[0]["score"]]
            if len(best) > 1:
                raise forms.ValidationError(self.error_messages["ambiguous"], code="ambiguous", params={
                    "value": text, "options": "; ".join(f"{h['code']} {h['path']}" for h in best)})
            area = Area.objects.get(code=hits[0]["code"])
        if self.level and area.level != self.level:
            from balekdusun.regions.models import Level

            raise forms.ValidationError(self.error_messages["level"], code="level",
                                        params={"level": Level(self.level).label.lower()})
        if self.user is not None and not in_jurisdiction(self.user, area.code):
            raise forms.ValidationError(self.error_messages["outside"], code="outside", params={"area": area.path})
        return area


class MapSearchForm(forms.Form):
    area = AreaField(label=_("Area it means"))

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].user = user
