"""Activity report (Laporan Kegiatan) per outreach day and per campaign period, and the news-release draft.

The report and the release are official Indonesian documents, so their templates are written in Indonesian
(the BP3MI files and publishes them in Indonesian whatever the reader's interface language)."""

import datetime as dt
from collections import Counter

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from balekdusun.core import audit
from balekdusun.core.scoping import get_scoped_or_404, scoped
from balekdusun.core.views import require_perm
from balekdusun.reports import stats, svg

MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember"]
DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
TOPICS = {"jobs": "peluang kerja di luar negeri", "legal_procedure": "prosedur resmi bekerja ke luar negeri",
          "hotline": "layanan pengaduan (hotline)", "illegal_recruitment": "tanda-tanda perekrutan ilegal",
          "document_help": "bantuan dokumen"}
FOLLOWUPS = {"wants_to_apply": "ingin bekerja ke luar negeri secara prosedural",
             "family_in_trouble": "keluarga bermasalah di luar negeri",
             "broker_report": "laporan calo/perekrut ilegal", "needs_documents": "membutuhkan bantuan dokumen"}
OUTCOMES_ID = {"met": "bertemu", "not_home": "tidak ada di rumah", "refused": "menolak", "moved": "sudah pindah",
               "vacant": "rumah kosong", "inaccessible": "tidak dapat dijangkau"}
COUNTRIES = {"MY": "Malaysia", "JP": "Jepang", "TW": "Taiwan", "HK": "Hong Kong", "SG": "Singapura",
             "KR": "Korea Selatan", "SA": "Arab Saudi", "AE": "Uni Emirat Arab", "BN": "Brunei Darussalam",
             "KH": "Kamboja", "QA": "Qatar", "TR": "Turki", "PL": "Polandia", "DE": "Jerman", "XX": "lainnya"}


def tanggal(day: dt.date, *, with_day: bool = True) -> str:
    text = f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    return f"{DAYS[day.weekday()]}, {text}" if with_day else text


def angka(n) -> str:
    if isinstance(n, float):
        return f"{n:.1f}".replace(".", ",")
    return f"{n:,}".replace(",", ".")


def negara(code: str) -> str:
    return COUNTRIES.get(code, code)


# --- what the documents say -----------------------------------------------------------------------------------

def _visit_details(visits):
    """Topics, follow-up kinds, consented stories and map points of a set of visits."""
    topics, followups, stories, points = Counter(), Counter(), [], {}
    for v in visits.only("household_id", "latitude", "longitude", "outcome", "data", "visited_at",
                         "household__latitude", "household__longitude").select_related("household") \
            .order_by("visited_at", "pk"):
        data = v.data if isinstance(v.data, dict) else {}
        for t in data.get("topics") or []:
            topics[t] += 1
        for f in data.get("followups") or []:
            if isinstance(f, dict):
                followups[f.get("kind", "")] += 1
        story = data.get("story") or {}
        if isinstance(story, dict) and story.get("consent_to_quote") and str(story.get("text") or "").strip():
            stories.append(str(story["text"]).strip())
        lat = v.household.latitude if v.household.latitude is not None else v.latitude
        lon = v.household.longitude if v.household.longitude is not None else v.longitude
        points[v.household_id] = (lat, lon, v.outcome)  # last visit of the set wins
    return {
        "topics": [(TOPICS.get(k, k), n) for k, n in topics.most_common()],
        "followups": [(FOLLOWUPS.get(k, k), n) for k, n in followups.most_common()],
        "stories": stories[:8],
        "points": list(points.values()),
    }


def _team(outreaches):
    from balekdusun.campaigns.models import TeamMember

    officers, partners = {}, {}
    for m in TeamMember.objects.filter(outreach__in=outreaches).select_related("user").order_by("id"):
        if m.user_id:
            officers[m.user_id] = (m.user.display_name, m.user.get_role_display())
        else:
            partners[(m.partner_name, m.partner_role)] = (m.partner_name, m.get_partner_role_display())
    return list(officers.values()), list(partners.values())


def _results(fig: stats.Figures, *, day: bool) -> list[tuple[str, str]]:
    rows = [
        ("Rumah tangga dikunjungi", angka(fig["households.visited_here"] if day else fig["households.visited_here"])),
        ("Rumah tangga ditemui (bertemu anggota keluarga)", angka(fig["households.reached_here"])),
        ("Jumlah kunjungan", angka(fig["visits"])),
        ("Tingkat kontak", f"{angka(fig.contact_rate)}%" if fig.contact_rate is not None else "—"),
    ]
    for _label, n, key in fig.outcomes:
        if key != "met" and n:
            rows.append((f"\u2003tidak bertemu: {OUTCOMES_ID.get(key, key)}", angka(n)))
    rows += [
        ("Materi (brosur/stiker/poster) dibagikan", angka(fig["materials.handed_out"])),
        ("Stiker ditempel", angka(fig["stickers.placed"])),
        ("Rumah tangga dengan anggota keluarga bekerja di luar negeri", angka(fig["mig.households"])),
        ("Anggota keluarga di luar negeri", angka(fig["mig.abroad"])),
        ("\u2003di antaranya non-prosedural", angka(fig["mig.nonprocedural"])),
        ("Purna PMI (sudah kembali)", angka(fig["mig.returnees"])),
        ("Warga berencana bekerja ke luar negeri", angka(fig["mig.planning"])),
        ("Tindak lanjut / pengaduan dibuka", angka(fig["cases.opened"])),
    ]
    return rows


def _conclusion(fig: stats.Figures, details: dict, target: int | None) -> list[str]:
    lines = []
    visited = fig["households.visited_here"]
    if target:
        lines.append(f"Tim mengunjungi {angka(visited)} dari target {angka(target)} rumah tangga "
                     f"({angka(round(100 * visited / target, 1))}%).")
    else:
        lines.append(f"Tim mengunjungi {angka(visited)} rumah tangga.")
    if fig.contact_rate is not None:
        lines.append(f"Tim bertemu langsung dengan keluarga pada {angka(fig.contact_rate)}% kunjungan; rumah yang "
                     "belum ditemui dijadwalkan untuk kunjungan ulang.")
    if fig["mig.nonprocedural"]:
        lines.append(f"Ditemukan {angka(fig['mig.nonprocedural'])} anggota keluarga yang bekerja di luar negeri "
                     "secara non-prosedural; keluarga diberi informasi layanan pengaduan dan pendataan lanjutan.")
    if fig["mig.planning"]:
        lines.append(f"{angka(fig['mig.planning'])} warga berencana bekerja ke luar negeri dan diarahkan ke "
                     "Disnaker/LTSA untuk jalur resmi.")
    lines.extend(_case_sentences(details.get("cases")))
    lines.append("Kegiatan dilanjutkan di desa kantong PMI berikutnya sesuai rencana kampanye.")
    return lines


def case_figures(cases, now=None) -> dict:
    """What happened to the follow-ups of a set of visits, read from the cases themselves today: opened, done
    (resolved or closed), done by their due time, still open, and open past their due time."""
    from balekdusun.cases.models import OPEN_STATUSES

    now = now or timezone.now()
    out = {"opened": 0, "done": 0, "done_in_time": 0, "open": 0, "overdue": 0}
    for status, due, resolved, closed in cases.values_list("status", "due_at", "resolved_at", "closed_at"):
        out["opened"] += 1
        if status in OPEN_STATUSES:
            out["open"] += 1
            out["overdue"] += bool(due and due < now)
        else:
            out["done"] += 1
            finished = resolved or closed
            out["done_in_time"] += bool(finished and (due is None or finished <= due))
    return out


def _case_sentences(cases: dict | None) -> list[str]:
    """The report's sentence about follow-ups, from `case_figures`: never a claim the figures do not carry."""
    if not cases or not cases["opened"]:
        return []
    parts = []
    if cases["done"]:
        in_time = (" dalam batas waktu layanan" if cases["done_in_time"] == cases["done"]
                   else f", {angka(cases['done_in_time'])} di antaranya dalam batas waktu layanan"
                   if cases["done_in_time"] else ", tetapi tidak ada yang dalam batas waktu layanan")
        parts.append(f"{angka(cases['done'])} sudah selesai{in_time}")
    if cases["open"]:
        late = f", {angka(cases['overdue'])} di antaranya melewati batas waktu" if cases["overdue"] else ""
        parts.append(f"{angka(cases['open'])} masih ditangani{late}")
    return [f"{angka(cases['opened'])} tindak lanjut dibuka dari kunjungan ini: " + "; ".join(parts) + "."]


def outreach_context(outreach) -> dict:
    from balekdusun.cases.models import Case

    fig = stats.outreach_figures(outreach)
    details = _visit_details(outreach.visits.all())
    details["cases"] = case_figures(Case.objects.filter(visit__outreach=outreach))
    officers, partners = _team([outreach])
    office = outreach.campaign.office
    return {
        "title": "Laporan Kegiatan", "office": office, "campaign": outreach.campaign, "outreaches": [outreach],
        "when": tanggal(outreach.date), "place": outreach.village.path, "fig": fig, "details": details,
        "officers": officers, "partners": partners, "results": _results(fig, day=True),
        "countries": [(negara(c), n) for c, n in fig.countries],
        "conclusion": _conclusion(fig, details, outreach.target_households),
        "map": svg.points_map(details["points"], title="Peta rumah yang dikunjungi"),
        "photos": list(outreach.photos.all()), "today": tanggal(timezone.localdate(), with_day=False),
        "signer": _signer(office),
    }


def campaign_context(campaign, start: dt.date, end: dt.date) -> dict:
    from balekdusun.visits.models import Visit

    outreaches = list(campaign.outreaches.filter(date__gte=start, date__lte=end).select_related("village")
                      .order_by("date"))
    from balekdusun.cases.models import Case

    fig = stats.campaign_figures(campaign, start, end)
    details = _visit_details(Visit.objects.filter(outreach__in=outreaches))
    details["cases"] = case_figures(Case.objects.filter(visit__outreach__in=outreaches))
    officers, partners = _team(outreaches)
    from balekdusun.reports.models import OutreachPhoto

    return {
        "title": "Laporan Kegiatan Periode", "office": campaign.office, "campaign": campaign,
        "outreaches": outreaches, "when": f"{tanggal(start, with_day=False)} s.d. {tanggal(end, with_day=False)}",
        "place": f"{len({o.village_id for o in outreaches})} desa/kelurahan", "fig": fig, "details": details,
        "officers": officers, "partners": partners, "results": _results(fig, day=False),
        "countries": [(negara(c), n) for c, n in fig.countries],
        "conclusion": _conclusion(fig, details, sum(o.target_households for o in outreaches)),
        "map": svg.points_map(details["points"], title="Peta rumah yang dikunjungi"),
        "photos": list(OutreachPhoto.objects.filter(outreach__in=outreaches)[:12]),
        "today": tanggal(timezone.localdate(), with_day=False), "signer": _signer(campaign.office),
        "day_labels": [(tanggal(o.date), o.village.path) for o in outreaches],
    }


def _signer(office):
    from balekdusun.core.models import User
    from balekdusun.core.roles import Role

    head = User.objects.filter(office=office, role=Role.HEAD, is_active=True).order_by("id").first()
    place = office.city or _office_place(office)
    return {"role": f"Kepala {office.name}", "name": head.display_name if head else "",
            "nip": head.nip if head else "", "place": place,
            "place_date": f"{place}, {tanggal(timezone.localdate(), with_day=False)}" if place
            else tanggal(timezone.localdate(), with_day=False)}


def _office_place(office) -> str:
    """Without a city set on the office: the name of its jurisdiction when it is one area (a province)."""
    from balekdusun.regions.models import Area

    codes = office.jurisdiction or []
    if len(codes) == 1:
        return Area.objects.filter(code=codes[0]).values_list("name", flat=True).first() or ""
    return ""


def render_pdf(context: dict) -> bytes:
    """The HTML holds everything inline (SVG map, photos as data URIs), so nothing is fetched while rendering."""
    from weasyprint import HTML

    context = {**context, "photo_uris": [_data_uri(p) for p in context.get("photos", [])]}
    html = render_to_string("reports/activity_report.html", context)
    return HTML(string=html).write_pdf()


def _data_uri(photo) -> str:
    import base64

    with photo.image.open("rb") as fh:
        return "data:image/jpeg;base64," + base64.b64encode(fh.read()).decode()


def _pdf_response(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@login_required
def outreach_pdf(request, pk):
    from balekdusun.campaigns.models import Outreach

    require_perm(request.user, "reports.view")
    outreach = get_scoped_or_404(request.user, Outreach.objects.select_related("campaign__office", "village"),
                                 pk=pk)
    data = render_pdf(outreach_context(outreach))
    audit.log(request.user, "report.activity_pdf", outreach)
    return _pdf_response(data, f"laporan-kegiatan-{outreach.date:%Y%m%d}-{outreach.village_id}.pdf")


@login_required
def outreach_release(request, pk):
    from balekdusun.campaigns.models import Outreach

    require_perm(request.user, "reports.view")
    outreach = get_scoped_or_404(request.user, Outreach.objects.select_related("campaign__office", "village"),
                                 pk=pk)
    ctx = outreach_context(outreach)
    text = release_text(ctx, outreach)
    if request.GET.get("download") == "txt":
        response = HttpResponse(text + "\n", content_type="text/plain; charset=utf-8")
        response["Content-Disposition"] = (f'attachment; filename="siaran-pers-{outreach.date:%Y%m%d}-'
                                           f'{outreach.village_id}.txt"')
        return response
    return render(request, "reports/release.html", {"o": outreach, "text": text})


def release_text(ctx: dict, outreach) -> str:
    """A short press-release draft in Indonesian from the report's numbers, for the public-relations staff."""
    fig, office = ctx["fig"], ctx["office"]
    village = outreach.village.name
    district, regency = _ancestor_name(outreach.village, 3), _ancestor_name(outreach.village, 2)
    where = ", ".join(p for p in (f"Desa {village}", district, regency) if p)
    partners = [name for name, _role in ctx["partners"]]
    paras = [
        f"BP3MI Sapa Warga dari Rumah ke Rumah di Desa {village}",
        f"{(regency or village).upper()} — {office.name} melaksanakan kegiatan \u201c{ctx['campaign'].name}\u201d "
        f"pada {ctx['when']} di {where}. Petugas bersama aparat desa mendatangi "
        f"{angka(fig['households.visited_here'])} rumah warga dan berbincang langsung dengan "
        f"{angka(fig['households.reached_here'])} keluarga tentang cara bekerja ke luar negeri secara prosedural, "
        f"layanan pengaduan, dan tanda-tanda perekrutan ilegal.",
    ]
    found = []
    if fig["mig.households"]:
        found.append(f"{angka(fig['mig.households'])} keluarga memiliki anggota yang sedang bekerja di luar negeri")
    if fig["mig.planning"]:
        found.append(f"{angka(fig['mig.planning'])} warga berencana berangkat")
    if fig["materials.handed_out"]:
        found.append(f"{angka(fig['materials.handed_out'])} brosur dan materi informasi dibagikan")
    if fig["stickers.placed"]:
        found.append(f"{angka(fig['stickers.placed'])} stiker berkode QR ditempel di rumah warga")
    if found:
        paras.append("Dari kegiatan ini, " + "; ".join(found) + ".")
    if ctx["countries"]:
        top = ", ".join(c for c, _n in ctx["countries"][:3])
        paras.append(f"Negara tujuan yang paling banyak disebut warga adalah {top}.")
    paras.append(
        "[Kutipan pejabat: ganti dengan pernyataan yang disetujui.] \u201cKami ingin setiap keluarga tahu jalur "
        "resmi dan tahu ke mana harus melapor bila ada masalah,\u201d kata Kepala "
        f"{office.short_name or office.name}.")
    if partners:
        paras.append(f"Kegiatan didukung oleh {', '.join(partners[:4])}.")
    hotline = office.hotline_phone or "0800-1000"
    paras.append(f"Warga yang membutuhkan informasi atau ingin melapor dapat menghubungi layanan pengaduan "
                 f"{office.name} di {hotline}{f' atau WhatsApp {office.whatsapp}' if office.whatsapp else ''}, "
                 "serta call center nasional 0800-1000 (bebas pulsa, 24 jam).")
    return "\n\n".join(paras)


def _ancestor_name(area, level):
    for a in area.ancestors():
        if a.level == level:
            return a.label
    return ""


class CampaignPeriodForm(forms.Form):
    start = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("Until"), widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end"):
            if data["start"] > data["end"]:
                self.add_error("end", _("The end date is before the start date."))
            elif (data["end"] - data["start"]).days > 400:
                self.add_error("end", _("Choose a period of at most 400 days."))
        return data


def _campaign(request, pk):
    from balekdusun.campaigns.models import Campaign

    require_perm(request.user, "reports.view")
    return get_scoped_or_404(request.user, Campaign.objects.select_related("office"), pk=pk)


@login_required
def campaign_page(request, pk):
    campaign = _campaign(request, pk)
    initial = {"start": campaign.start_date, "end": campaign.end_date or timezone.localdate()}
    form = CampaignPeriodForm(request.GET or None, initial=initial)
    fig = None
    if form.is_bound and form.is_valid():
        fig = stats.campaign_figures(campaign, form.cleaned_data["start"], form.cleaned_data["end"])
    from balekdusun.campaigns.models import Outreach

    outreaches = scoped(request.user, Outreach).filter(campaign=campaign).select_related("village")
    from balekdusun.reports.views import charts

    return render(request, "reports/campaign.html", {
        "campaign": campaign, "form": form, "fig": fig, "charts": charts(fig) if fig else None,
        "outreaches": outreaches}, status=400 if form.is_bound and form.errors else 200)


@login_required
def campaign_pdf(request, pk):
    campaign = _campaign(request, pk)
    form = CampaignPeriodForm(request.GET)
    if not form.is_valid():
        from balekdusun.campaigns.models import Outreach

        return render(request, "reports/campaign.html", {
            "campaign": campaign, "form": form, "fig": None,
            "outreaches": scoped(request.user, Outreach).filter(campaign=campaign)}, status=400)
    start, end = form.cleaned_data["start"], form.cleaned_data["end"]
    data = render_pdf(campaign_context(campaign, start, end))
    audit.log(request.user, "report.campaign_pdf", campaign, start=start.isoformat(), end=end.isoformat())
    return _pdf_response(data, f"laporan-kegiatan-{campaign.pk}-{start:%Y%m%d}-{end:%Y%m%d}.pdf")
