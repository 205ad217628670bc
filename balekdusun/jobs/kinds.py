"""What each kind of job does. A kind takes (job, progress), returns an Outcome, or raises Failed.

Every kind either writes all of its data or none: imports keep their one transaction (lib/tabular.py reads, the
app's import writes), the rollup rebuild runs in one transaction, and files are attached only once complete.
Inputs are re-checked at run time with the same forms and scoping as the pages, as the owner.
"""

import csv
import io
import os
import tempfile
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from balekdusun.jobs import progress as P


class Failed(Exception):
    """The job cannot do its work; `message` says why in words, `errors` lists an import's lines."""

    def __init__(self, message: str, errors: list | None = None):
        super().__init__(message)
        self.message = message
        self.errors = errors or []


@dataclass
class Outcome:
    summary: dict = field(default_factory=dict)
    path: str | None = None  # a finished temporary file to attach
    filename: str = ""


# --- imports ----------------------------------------------------------------------------------------------------

class _LineCounter(io.RawIOBase):
    """Wraps the uploaded file and counts the lines read so far (the reader reads ahead at most one buffer)."""

    def __init__(self, raw, progress, total):
        self.raw, self.progress, self.total, self.lines = raw, progress, total, 0

    def readable(self):
        return True

    def readinto(self, buffer):
        data = self.raw.read(len(buffer))
        n = len(data)
        buffer[:n] = data
        self.lines += data.count(b"\n")
        self.progress.update(done=min(max(self.lines - 1, 0), self.total))
        return n


def _count_rows(f, filename: str) -> int:
    if filename.lower().endswith(".xlsx"):
        from openpyxl import load_workbook

        try:
            book = load_workbook(f, read_only=True)
            rows = max((book.worksheets[0].max_row or 1) - 1, 0)
            book.close()
        except Exception:  # noqa: BLE001 - a broken workbook is reported by the import itself
            rows = 0
        f.seek(0)
        return rows
    lines, last = 0, b"\n"
    while chunk := f.read(1 << 20):
        lines += chunk.count(b"\n")
        last = chunk[-1:]
    f.seek(0)
    return max(lines + (last != b"\n") - 1, 0)


def _run_import(job, progress, call) -> Outcome:
    if not job.input_file:
        raise Failed(_("The uploaded file is no longer kept. Upload it again."))
    with job.input_file.open("rb") as f:
        total = _count_rows(f, job.input_name)
        progress.update(total=total, done=0, phase=P.READING)
        if job.input_name.lower().endswith(".xlsx"):
            result = call(f, lambda line: progress.update(done=max(line - 1, 0)))
        else:
            result = call(io.BufferedReader(_LineCounter(f, progress, total), 64 * 1024), None)
    if not result.ok:
        errors = [{"line": e.line, "column": e.column, "message": e.message} for e in result.errors]
        message = _("The file has errors; nothing was imported. Correct the lines below and upload it again.")
        if result.truncated:
            message += " " + _("Only the first errors are listed.")
        raise Failed(message, errors)
    progress.update(done=result.rows, total=result.rows)
    return Outcome(summary={"rows": result.rows, "created": result.created})


def import_households(job, progress) -> Outcome:
    from balekdusun.campaigns import imports
    from balekdusun.campaigns.models import PlanningArea
    from balekdusun.core.scoping import scoped
    from balekdusun.regions.models import Level

    code = job.params.get("village", "")
    village = scoped(job.owner, PlanningArea).filter(code=code, level=Level.VILLAGE).first()
    if village is None:
        raise Failed(_("The village is unknown or outside your jurisdiction."))
    return _run_import(job, progress, lambda f, cb: imports.import_households(
        f, job.input_name, village=village, actor=job.owner, progress=cb))


def import_migration(job, progress) -> Outcome:
    from balekdusun.campaigns import imports

    source = _("upload by %(user)s") % {"user": job.owner.username}
    return _run_import(job, progress, lambda f, cb: imports.import_migration(
        f, job.input_name, actor=job.owner, user=job.owner, source=source, progress=cb))


# --- exports ----------------------------------------------------------------------------------------------------

def export_dataset(job, form_data: dict):
    """The reports export the owner asked for, re-checked as the owner; Failed when no longer allowed."""
    from balekdusun.core.roles import has_perm
    from balekdusun.reports import exports

    kind, fmt = job.params.get("dataset"), job.params.get("fmt")
    if not has_perm(job.owner, "exports.download"):
        raise Failed(_("Your role no longer allows exports."))
    if kind not in exports.DATASETS or fmt not in exports.FORMATS:
        raise Failed(_("Unknown export."))
    form = exports.ExportForm(form_data, user=job.owner)
    if not form.is_valid():
        raise Failed(" ".join(str(m) for msgs in form.errors.values() for m in msgs))
    data = form.cleaned_data
    return exports.DATASETS[kind](job.owner, area=data["area"] or None, start=data["start"], end=data["end"],
                                  codes=data["codes"]), kind, fmt


def _export_total(dataset) -> int:
    """Rows the export will have, for the progress bar (0 when not cheaply known)."""
    from balekdusun.core.scoping import scoped
    from balekdusun.reports.exports import _area_filter

    if dataset.name == "visits":
        from balekdusun.visits.models import Visit as model
        field_ = "visited_at"
    elif dataset.name == "households":
        from balekdusun.campaigns.models import Household as model
        field_ = "created_at"
    else:
        return 0
    qs = scoped(dataset.user, model).filter(_area_filter(dataset.area, "village_id"))
    return dataset._dates(qs, field_).count()


class _Counted:
    """A dataset whose rows report progress as they are written."""

    def __init__(self, dataset, progress):
        self.dataset, self.progress, self.name = dataset, progress, dataset.name

    def output_header(self):
        return self.dataset.output_header()

    def output_rows(self):
        n = 0
        for n, row in enumerate(self.dataset.output_rows(), start=1):
            yield row
            if n % 500 == 0:
                self.progress.update(done=n)
        self.progress.update(done=n)


def export(job, progress) -> Outcome:
    from django.utils import timezone

    from balekdusun.lib import cells
    from balekdusun.reports import exports

    dataset, kind, fmt = export_dataset(job, job.params.get("form", {}))
    progress.update(phase=P.WRITING, done=0, total=_export_total(dataset))
    counted = _Counted(dataset, progress)
    fd, path = tempfile.mkstemp(suffix="." + fmt)
    try:
        if fmt == "csv":
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
                out.write("\ufeff")
                writer = csv.writer(out)
                writer.writerow(cells.row(counted.output_header()))
                for row in counted.output_rows():
                    writer.writerow(cells.row(row))
        else:
            with os.fdopen(fd, "wb") as out:
                exports.write_xlsx(counted, out)
    except BaseException:
        os.unlink(path)
        raise
    filename = f"balekdusun-{kind}-{timezone.localdate():%Y%m%d}.{fmt}"
    return Outcome(summary={"rows": progress.done}, path=path, filename=filename)


# --- PDFs -------------------------------------------------------------------------------------------------------

def _pdf_outcome(data: bytes, filename: str, summary: dict) -> Outcome:
    fd, path = tempfile.mkstemp(suffix=".pdf")
    with os.fdopen(fd, "wb") as out:
        out.write(data)
    return Outcome(summary=summary, path=path, filename=filename)


def campaign_pdf(job, progress) -> Outcome:
    from balekdusun.campaigns.models import Campaign
    from balekdusun.core.roles import has_perm
    from balekdusun.core.scoping import scoped
    from balekdusun.reports import activity

    campaign = scoped(job.owner, Campaign).select_related("office").filter(pk=job.params.get("campaign")).first()
    if campaign is None or not has_perm(job.owner, "reports.view"):
        raise Failed(_("The campaign is unknown or outside your jurisdiction."))
    form = activity.CampaignPeriodForm(job.params.get("form", {}))
    if not form.is_valid():
        raise Failed(" ".join(str(m) for msgs in form.errors.values() for m in msgs))
    start, end = form.cleaned_data["start"], form.cleaned_data["end"]
    progress.update(phase=P.DRAWING, done=0, total=1)
    data = activity.render_pdf(activity.campaign_context(campaign, start, end))
    progress.update(done=1)
    return _pdf_outcome(data, f"laporan-kegiatan-{campaign.pk}-{start:%Y%m%d}-{end:%Y%m%d}.pdf",
                        {"pages_bytes": len(data)})


def sticker_sheet(job, progress) -> Outcome:
    from balekdusun.core.roles import has_perm
    from balekdusun.core.scoping import scoped
    from balekdusun.materials import forms, sheets
    from balekdusun.materials.models import StickerBatch

    batch = scoped(job.owner, StickerBatch).select_related("office").filter(pk=job.params.get("batch")).first()
    if batch is None or not has_perm(job.owner, "stickers.manage"):
        raise Failed(_("The sticker batch is unknown or outside your jurisdiction."))
    form = forms.SheetForm(job.params.get("form", {}))
    if not form.is_valid():
        raise Failed(" ".join(str(m) for msgs in form.errors.values() for m in msgs))
    start = (form.cleaned_data.get("start") or 1) - 1
    count = form.cleaned_data.get("count") or 10_000
    codes = list(batch.stickers.order_by("id").values_list("code", flat=True)[start:start + count])
    if not codes:
        raise Failed(_("The batch has no sticker at this number."))
    progress.update(phase=P.DRAWING, done=0, total=len(codes))
    data = sheets.render_sheet(codes, layout=form.cleaned_data["layout"], office=batch.office,
                               outline=form.cleaned_data["outline"])
    progress.update(done=len(codes))
    return _pdf_outcome(data, f"stiker-{batch.pk}-{start + 1}.pdf", {"stickers": len(codes)})


# --- rollups ----------------------------------------------------------------------------------------------------

def rebuild_rollups(job, progress) -> Outcome:
    from balekdusun.core.roles import Role
    from balekdusun.reports.rebuild import rebuild

    if job.owner.role != Role.ADMIN:
        raise Failed(_("Only a national administrator may rebuild the dashboard figures."))
    progress.update(phase=P.REBUILDING, done=0, total=1)
    with transaction.atomic():
        n = rebuild()
    progress.update(done=1)
    return Outcome(summary={"counters": n})


KINDS = {
    "import_households": import_households,
    "import_migration": import_migration,
    "export": export,
    "campaign_pdf": campaign_pdf,
    "sticker_sheet": sticker_sheet,
    "rebuild_rollups": rebuild_rollups,
}
