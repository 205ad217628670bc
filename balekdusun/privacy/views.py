"""Pages of the privacy app: the record of processing (and its PDF), the export of access logs, breach notices."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from balekdusun.core import audit
from balekdusun.core.scoping import get_scoped_or_404
from balekdusun.core.views import require_perm
from balekdusun.privacy import accesslog, conf, record, services
from balekdusun.privacy.forms import AccessLogForm, BreachForm, scoped_breaches
from balekdusun.privacy.models import BreachNotice
from balekdusun.privacy.purge import ITEMS


def _pdf(html: str, filename: str) -> HttpResponse:
    from weasyprint import HTML

    response = HttpResponse(HTML(string=html).write_pdf(), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def _record_context(request):
    return {"activities": record.activities(), "periods": conf.retention(),
            "purge_items": [label for _kind, label in ITEMS.values()], "today": timezone.localdate(),
            "office": getattr(request.user, "office", None)}


@login_required
def record_page(request):
    require_perm(request.user, "privacy.record")
    return render(request, "privacy/record.html", _record_context(request))


@login_required
def record_pdf(request):
    require_perm(request.user, "privacy.record")
    html = render_to_string("privacy/record_pdf.html", _record_context(request), request=request)
    audit.log(request.user, "privacy.record_printed")
    return _pdf(html, f"catatan-pemrosesan-{timezone.localdate():%Y%m%d}.pdf")


@login_required
def access_log(request):
    """The form, and with `download` the CSV of view and export entries of one office over one period."""
    require_perm(request.user, "audit.view")
    bound = "download" in request.GET
    form = AccessLogForm(request.GET if bound else None, user=request.user,
                         initial={"start": timezone.localdate().replace(day=1), "end": timezone.localdate()})
    if bound and form.is_valid():
        office, start, end = form.cleaned_data["office"], form.cleaned_data["start"], form.cleaned_data["end"]
        table = accesslog.rows(accesslog.entries(office, *accesslog.day_bounds(start, end)))
        audit.log(request.user, "privacy.access_log_exported", office=office, start=start.isoformat(),
                  end=end.isoformat(), rows=len(table), export_office=office.name)
        # The BOM makes spreadsheet programs read UTF-8.
        response = HttpResponse(accesslog.to_csv(table).encode("utf-8-sig"), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = (f'attachment; filename="log-akses-{start:%Y%m%d}-{end:%Y%m%d}.csv"')
        return response
    return render(request, "privacy/access_log.html", {"form": form, "max_days": conf.EXPORT_MAX_DAYS},
                  status=400 if bound else 200)


@login_required
def breaches(request):
    require_perm(request.user, "privacy.breach")
    return render(request, "privacy/breaches.html", {"breaches": scoped_breaches(request.user)[:200],
                                                     "now": timezone.now()})


@login_required
def breach_new(request):
    require_perm(request.user, "privacy.breach")
    form = BreachForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        notice = services.record_breach(form=form, actor=request.user)
        messages.success(request, _("Breach recorded. Send the notification letter before the deadline."))
        return redirect("privacy:breach", reference=notice.reference)
    return render(request, "privacy/breach_form.html", {"form": form, "hours": conf.BREACH_NOTICE_HOURS},
                  status=422 if request.method == "POST" else 200)


def _breach(request, reference) -> BreachNotice:
    require_perm(request.user, "privacy.breach")
    return get_scoped_or_404(request.user, scoped_breaches(request.user), reference=reference)


def _letter_context(notice: BreachNotice) -> dict:
    entries = accesslog.entries(notice.office, notice.started_at, notice.window_end)
    return {"notice": notice, "office": notice.office, "counts": accesslog.counts(entries),
            "total": entries.count(), "annex": accesslog.rows(entries[:500]), "annex_cut": entries.count() > 500,
            "hours": conf.BREACH_NOTICE_HOURS, "today": timezone.localdate()}


@login_required
def breach(request, reference):
    notice = _breach(request, reference)
    return render(request, "privacy/breach.html", {**_letter_context(notice), "now": timezone.now()})


@login_required
def breach_letter(request, reference):
    notice = _breach(request, reference)
    # The letter goes to the people concerned and the authority: always in Indonesian.
    with translation.override("id"):
        html = render_to_string("privacy/breach_letter.html", _letter_context(notice))
    audit.log(request.user, "privacy.breach_letter", notice, office=notice.office)
    return _pdf(html, f"pemberitahuan-{notice.reference}.pdf")
