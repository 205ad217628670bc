"""Exports of visits, households, cases, stock and stickers as CSV or XLSX.

Each dataset builds its rows once (a generator over `iterator(chunk_size=...)`), and a renderer writes them
as CSV (streamed straight to the client) or XLSX (XlsxWriter in constant-memory mode into a temporary file,
then streamed), so a million-row export never holds all rows in memory. Personal data is redacted unless the
user's role allows `personal.view`; specific personal data (case narratives, health) is never exported.
Every download is audited (`export.downloaded`)."""

import csv
import datetime as dt
import tempfile

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import FileResponse, Http404, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from balekdusun.core import audit, precision
from balekdusun.core.roles import has_perm
from balekdusun.core.scoping import in_jurisdiction, scoped
from balekdusun.core.views import require_perm
from balekdusun.lib import cells
from balekdusun.reports import conf, export_words

REDACTED = precision.MASK
FORMATS = ("csv", "xlsx")


def _local(value):
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M:%S") if timezone.is_aware(value) \
            else value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _place(user, value):
    """A coordinate as the user's role may see it (core/precision.py), "" when unknown."""
    value = precision.coordinate(user, value)
    return "" if value is None else value


def _area_filter(area, field):
    if not area:
        return Q()
    return Q(**{field: area}) | Q(**{f"{field[:-3]}__code__startswith" if field.endswith("_id")
                                     else f"{field}__startswith": area + "."})


class Dataset:
    name = ""
    label = ""

    def __init__(self, user, *, area=None, start=None, end=None, codes=False):
        self.user, self.area, self.start, self.end = user, area, start, end
        self.personal = has_perm(user, "personal.view")
        self.codes = codes  # True: column keys and codes (scripts); False: headers and values in words

    def output_header(self) -> list[str]:
        return list(self.header) if self.codes else export_words.people_header(self.header)

    def output_rows(self):
        return self.rows() if self.codes else export_words.people_rows(self.name, self.header, self.rows())

    def _dates(self, qs, field):
        if self.start:
            qs = qs.filter(**{f"{field}__date__gte": self.start})
        if self.end:
            qs = qs.filter(**{f"{field}__date__lte": self.end})
        return qs


class Visits(Dataset):
    name, label = "visits", _("Visits")
    header = ["uuid", "visited_at", "village_code", "outreach_id", "officer", "household_id", "outcome",
              "latitude", "longitude", "met_role", "topics", "materials_handed_out", "sticker_code",
              "members_abroad", "countries", "nonprocedural", "returnees", "planning_to_go",
              "knows_legal_procedure", "knows_hotline", "knows_warning_signs", "followups", "story", "flags"]

    def rows(self):
        from balekdusun.visits.models import Visit

        qs = scoped(self.user, Visit).filter(_area_filter(self.area, "village_id"))
        qs = self._dates(qs, "visited_at").order_by("visited_at", "pk")
        values = qs.values_list("uuid", "visited_at", "village_id", "outreach_id", "officer__username",
                                "household_id", "outcome", "latitude", "longitude", "data")
        yn = {True: "yes", False: "no"}
        for uuid, at, village, outreach, officer, household, outcome, lat, lon, data in \
                values.iterator(chunk_size=conf.EXPORT_CHUNK):
            data = data if isinstance(data, dict) else {}
            mig = data.get("migration") if isinstance(data.get("migration"), dict) else {}
            abroad = [a for a in mig.get("abroad") or [] if isinstance(a, dict)]
            know = data.get("knowledge") if isinstance(data.get("knowledge"), dict) else {}
            story = data.get("story") if isinstance(data.get("story"), dict) else {}
            story_text = str(story.get("text") or "")
            yield [str(uuid), _local(at), village, outreach or "", officer, household, outcome,
                   _place(self.user, lat), _place(self.user, lon), data.get("met_role", ""),
                   " ".join(str(t) for t in data.get("topics") or []),
                   sum(int(m.get("quantity") or 0) for m in data.get("materials") or [] if isinstance(m, dict)),
                   data.get("sticker_code", ""), len(abroad),
                   " ".join(sorted({str(a.get("country") or "") for a in abroad})),
                   sum(1 for a in abroad if a.get("procedural") is False), mig.get("returnees") or 0,
                   len(mig.get("planning") or []),
                   yn.get(know.get("legal_procedure"), ""), yn.get(know.get("hotline"), ""),
                   yn.get(know.get("warning_signs"), ""),
                   " ".join(str(f.get("kind")) for f in data.get("followups") or [] if isinstance(f, dict)),
                   (story_text if self.personal else (REDACTED if story_text else "")),
                   " ".join(str(f) for f in data.get("flags") or [])]


class Households(Dataset):
    name, label = "households", _("Households")
    header = ["id", "village_code", "dusun", "rt", "rw", "address", "latitude", "longitude", "head_name", "phone",
              "consent_at", "created_at"]

    def rows(self):
        from balekdusun.campaigns.models import Household

        qs = scoped(self.user, Household).filter(_area_filter(self.area, "village_id"))
        qs = self._dates(qs, "created_at").order_by("pk")
        values = qs.values_list("pk", "village_id", "dusun", "rt", "rw", "address", "latitude", "longitude",
                                "head_name", "phone", "consent_at", "created_at")
        p = self.personal
        for pk, village, dusun, rt, rw, address, lat, lon, head, phone, consent, created in \
                values.iterator(chunk_size=conf.EXPORT_CHUNK):
            yield [pk, village, dusun, rt, rw, precision.address(self.user, address),
                   _place(self.user, lat), _place(self.user, lon), head if p else (REDACTED if head else ""),
                   phone if p else (REDACTED if phone else ""), _local(consent) or "", _local(created)]


class Cases(Dataset):
    name, label = "cases", _("Cases")
    header = ["reference", "kind", "source", "status", "sensitivity", "area_code", "village_code", "assignee",
              "created_at", "due_at", "closed_at", "reporter_name", "reporter_phone"]

    def rows(self):
        from balekdusun.cases.models import Case

        fields = {f.name for f in Case._meta.get_fields()}
        area_field = "area_code" if "area_code" in fields else "village_id"
        qs = scoped(self.user, Case).filter(_area_filter(self.area, area_field))
        qs = self._dates(qs, "created_at").order_by("pk")
        names = ["reference", "kind", "source", "status", "sensitivity", area_field, "village_id",
                 "assignee__username", "created_at", "due_at", "closed_at"]
        has_reporter = "reporter_name" in fields
        if has_reporter:
            names += ["reporter_name", "reporter_phone"]
        for row in qs.values_list(*names).iterator(chunk_size=conf.EXPORT_CHUNK):
            row = [_local(v) if v is not None else "" for v in row]
            if has_reporter:
                if not self.personal or row[4] == "restricted":
                    row[-2:] = [REDACTED if row[-2] else "", REDACTED if row[-1] else ""]
            else:
                row += ["", ""]
            yield row


class Stock(Dataset):
    name, label = "stock", _("Stock ledger")
    header = ["id", "created_at", "office", "material", "kind", "quantity", "outreach_id", "village_code",
              "officer", "visit_uuid", "reason"]

    def rows(self):
        from balekdusun.materials.models import StockMove

        qs = scoped(self.user, StockMove)
        if self.area:
            qs = qs.filter(_area_filter(self.area, "outreach__village_id"))
        qs = self._dates(qs, "created_at").order_by("pk")
        values = qs.values_list("pk", "created_at", "office__name", "material__title", "material__version", "kind",
                                "quantity", "outreach_id", "outreach__village_id", "officer__username",
                                "visit__uuid", "reason")
        for pk, at, office, title, version, kind, qty, outreach, village, officer, visit, reason in \
                values.iterator(chunk_size=conf.EXPORT_CHUNK):
            yield [pk, _local(at), office, f"{title} v{version}", kind, qty, outreach or "", village or "",
                   officer or "", str(visit) if visit else "", reason]


class Stickers(Dataset):
    name, label = "stickers", _("Stickers")
    header = ["code", "batch", "status", "outreach_id", "village_code", "household_id", "placed_at", "scans"]

    def rows(self):
        from django.db.models import Count

        from balekdusun.materials.models import Sticker

        qs = scoped(self.user, Sticker)
        if self.area:
            qs = qs.filter(_area_filter(self.area, "household__village_id"))
        if self.start or self.end:
            qs = self._dates(qs, "placed_at")
        values = qs.order_by("pk").annotate(n=Count("scans")).values_list(
            "code", "batch__label", "status", "outreach_id", "household__village_id", "household_id", "placed_at",
            "n")
        for code, batch, status, outreach, village, household, placed, n in \
                values.iterator(chunk_size=conf.EXPORT_CHUNK):
            yield [code, batch, status, outreach or "", village or "", household or "", _local(placed) or "", n]


DATASETS = {d.name: d for d in (Visits, Households, Cases, Stock, Stickers)}


class _Echo:
    def write(self, value):
        return value


def render_csv(dataset, filename):
    writer = csv.writer(_Echo())

    def stream():
        # One chunk per few hundred rows: a write per row would cost a system call per row on the server.
        buf = ["\ufeff", writer.writerow(cells.row(dataset.output_header()))]  # the BOM makes spreadsheet programs read UTF-8
        for row in dataset.output_rows():
            buf.append(writer.writerow(cells.row(row)))  # no cell may run as a formula (lib/cells.py)
            if len(buf) >= 500:
                yield "".join(buf)
                buf = []
        yield "".join(buf)

    response = StreamingHttpResponse(stream(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def write_xlsx(dataset, fileobj) -> int:
    import xlsxwriter

    workbook = xlsxwriter.Workbook(fileobj, {"constant_memory": True, "tmpdir": tempfile.gettempdir(),
                                             "strings_to_numbers": False, "strings_to_formulas": False,
                                             "strings_to_urls": False})
    sheet = workbook.add_worksheet(dataset.name)
    bold = workbook.add_format({"bold": True})
    sheet.write_row(0, 0, cells.row(dataset.output_header()), bold)
    n = 0
    for n, row in enumerate(dataset.output_rows(), start=1):
        sheet.write_row(n, 0, cells.row(row))
    workbook.close()
    return n


def render_xlsx(dataset, filename):
    tmp = tempfile.TemporaryFile(suffix=".xlsx")
    write_xlsx(dataset, tmp)
    tmp.seek(0)
    return FileResponse(tmp, as_attachment=True, filename=f"{filename}.xlsx",
                        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


class ExportForm(forms.Form):
    area = forms.CharField(label=_("Area code"), required=False, max_length=16)
    start = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    codes = forms.BooleanField(label=_("Codes instead of words (for scripts: column keys, area codes, usernames)"),
                               required=False)

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_area(self):
        code = self.cleaned_data["area"].strip()
        if code and not in_jurisdiction(self.user, code):
            raise forms.ValidationError(_("Unknown area or outside your jurisdiction."))
        return code

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            self.add_error("end", _("The end date is before the start date."))
        return data


def _choices():
    # Plain dicts: templates call callables, and a Dataset class is one.
    return [{"name": d.name, "label": d.label} for d in DATASETS.values()]


@login_required
def index(request):
    require_perm(request.user, "exports.download")
    return render(request, "reports/exports.html", {
        "datasets": _choices(), "form": ExportForm(user=request.user),
        "personal": has_perm(request.user, "personal.view")})


@login_required
def download(request, kind, fmt):
    if not has_perm(request.user, "exports.download"):
        raise PermissionDenied("Your role does not allow this.")
    if kind not in DATASETS or fmt not in FORMATS:
        raise Http404("unknown export")
    form = ExportForm(request.GET, user=request.user)
    if not form.is_valid():
        return render(request, "reports/exports.html", {
            "datasets": _choices(), "form": form,
            "personal": has_perm(request.user, "personal.view")}, status=400)
    data = form.cleaned_data
    dataset = DATASETS[kind](request.user, area=data["area"] or None, start=data["start"], end=data["end"],
                             codes=data["codes"])
    audit.log(request.user, "export.downloaded", None, area_code=data["area"] or "", dataset=kind, format=fmt,
              redacted=not dataset.personal, area=data["area"], start=str(data["start"] or ""),
              end=str(data["end"] or ""))
    filename = f"balekdusun-{kind}-{timezone.localdate():%Y%m%d}"
    return render_csv(dataset, filename) if fmt == "csv" else render_xlsx(dataset, filename)
