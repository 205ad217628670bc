"""The public portal: what a resident sees after scanning the sticker. No login, no JavaScript, no personal data."""

from django.conf import settings
from django.core import signing
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from balekdusun.core import ratelimit
from balekdusun.core.models import Office
from balekdusun.core.services import DomainError
from balekdusun.portal import conf, scans, services
from balekdusun.portal.forms import CheckForm, HelpForm, JobFilterForm
from balekdusun.portal.models import Agency, AgencyStatus, InfoPage, InfoSection, JobOpening
from balekdusun.portal.publishing import no_store, public_page

_SIGNING_SALT = "portal.help.done"
# Fields named by the cases service's errors -> fields of the public form.
_CASE_FIELDS = {"reporter_phone": "phone", "reporter_name": "name", "description": "description", "village": "village",
                "kind": "kind"}


def _national():
    return {"hotline": conf.NATIONAL_HOTLINE, "abroad": conf.NATIONAL_HOTLINE_ABROAD,
            "whatsapp": conf.NATIONAL_WHATSAPP}


def _page(request, template, context=None, *, status=200, title="", description=""):
    ctx = {"national": _national(), "og_title": title, "og_description": description,
           "og_url": settings.SITE_URL + request.path, **(context or {})}
    return render(request, template, ctx, status=status)


def _home_context(office):
    return {"office": office, "warning_page": InfoPage.objects.filter(
        section=InfoSection.WARNING, published=True).first(),
        "offices": Office.objects.order_by("name") if office is None else ()}


@public_page()
def home(request):
    return _page(request, "portal/home.html", _home_context(None), title=_("Work abroad safely"),
                 description=_("Job openings, the legal procedure, licensed agencies and the hotline of the "
                               "BP3MI."))


@public_page()
def office_home(request, pk):
    office = get_object_or_404(Office, pk=pk)
    return _page(request, "portal/home.html", _home_context(office), title=office.name,
                 description=_("Job openings, the legal procedure, licensed agencies and the hotline of the "
                               "BP3MI."))


@require_http_methods(["GET", "HEAD"])
@no_store
def sticker(request, code):
    """The sticker's QR code lands here: record the scan, then show the home page of the sticker's office.

    Only the office and the village name are shown; never anything about the household itself.
    """
    from balekdusun.materials.services import find_sticker, record_scan

    found = find_sticker(code) if len(code) <= 32 else None
    if found is None:
        response = _page(request, "portal/sticker_unknown.html", {"code": code[:32]}, status=404,
                         title=_("Sticker not recognised"))
    else:
        # A scan counts once per visitor per sticker per day (portal/scans.py), not at every view.
        if scans.first_view_today(request, found.code):
            record_scan(found.code)
        village = found.household.village.name if found.household_id else ""
        context = {**_home_context(found.office), "village_name": village,
                   "help_query": f"?s={found.code}", "sticker_code": found.code,
                   "whatsapp_url": _whatsapp_with_code(found.office, found.code)}
        response = _page(request, "portal/home.html", context, title=found.office.name)
        scans.remember(request, response, found.code)
    response["X-Robots-Tag"] = "noindex"
    return response


def _whatsapp_with_code(office, code: str) -> str:
    """A wa.me link to the office with the sticker's code in the first message, so the office can tie the chat
    to the house the sticker is on (the page itself never shows anything about the house)."""
    from urllib.parse import quote

    from balekdusun.portal.templatetags.portal import wa_href

    base = wa_href(office.whatsapp) if office.whatsapp else ""
    if not base:
        return ""
    text = _("Hello %(office)s, I am writing from the Balek Dusun sticker %(code)s. My question:") % {
        "office": office.short_name or office.name, "code": code}
    return f"{base}?text={quote(text)}"


@public_page(params=("country", "sector", "closing_after", "page"))
def jobs(request):
    form = JobFilterForm(request.GET or None)
    qs = JobOpening.objects.public().select_related("agency")
    if form.is_valid():
        data = form.cleaned_data
        if data["country"]:
            qs = qs.filter(country=data["country"])
        if data["sector"]:
            qs = qs.filter(sector=data["sector"])
        if data["closing_after"]:
            qs = qs.filter(closing_date__gte=data["closing_after"])
    page = Paginator(qs, 20).get_page(request.GET.get("page"))
    return _page(request, "portal/jobs.html", {"form": form, "page": page},
                 status=200 if not form.errors else 400, title=_("Job openings"),
                 description=_("Real job orders through licensed agencies and government programmes."))


@public_page()
def job_detail(request, pk):
    job = get_object_or_404(JobOpening.objects.public().select_related("agency"), pk=pk)
    return _page(request, "portal/job_detail.html", {"job": job},
                 title=f"{job.position} · {job.get_country_display()}",
                 description=_("Closing date %(date)s. Quota %(quota)s workers.") % {
                     "date": job.closing_date.strftime("%d-%m-%Y"), "quota": job.quota})


@public_page(server_cache=False)
def agencies(request):
    query = (request.GET.get("q") or "").strip()[:120]
    hits = None
    limited = False
    if query:
        if ratelimit.hit(request, "search", conf.SEARCH_LIMIT, window=conf.LIMIT_WINDOW_SECONDS):
            hits = services.search_agencies(query)
        else:
            limited = True
    response = _page(request, "portal/agencies.html", {"query": query, "hits": hits, "limited": limited},
                     status=429 if limited else 200, title=_("Check an agency"),
                     description=_("Is the agency licensed? Search the register by name or licence number."))
    return response


@public_page()
def agency_detail(request, pk):
    agency = get_object_or_404(Agency, pk=pk)
    openings = agency.job_openings.public() if agency.status == AgencyStatus.LICENSED else JobOpening.objects.none()
    return _page(request, "portal/agency_detail.html", {"agency": agency, "openings": openings},
                 title=agency.name, description=agency.get_status_display())


@public_page()
def legal_index(request):
    pages = InfoPage.objects.filter(published=True)
    sections = []
    for value, label in InfoSection.choices:
        items = [p for p in pages if p.section == value]
        if items:
            sections.append((label, items))
    return _page(request, "portal/legal_index.html", {"sections": sections}, title=_("The legal way"),
                 description=_("How to work abroad legally and safely: steps, documents, costs and warning signs."))


@public_page()
def legal_page(request, slug):
    page = get_object_or_404(InfoPage, slug=slug, published=True)
    return _page(request, "portal/legal_page.html", {"page": page}, title=page.title, description=page.summary)


def _sticker_from(request):
    from balekdusun.materials import codes
    from balekdusun.materials.models import Sticker, StickerStatus

    code = codes.normalize((request.POST.get("s") or request.GET.get("s") or "")[:64])
    if not code or not codes.is_valid(code):
        return None
    return Sticker.objects.filter(code=code).exclude(status=StickerStatus.VOID).select_related(
        "office", "household__village").first()


def _village_text(village) -> str:
    """What to pre-fill for a village: its name when that name is unambiguous, else its code."""
    from balekdusun.regions.search import search_areas

    hits = search_areas(village.name, level=4, limit=2)
    unique = len(hits) == 1 or (len(hits) > 1 and hits[1]["score"] < hits[0]["score"])
    return village.name if unique and hits[0]["code"] == village.code else village.code


@require_http_methods(["GET", "POST"])
@no_store
def help_request(request):
    sticker_obj = _sticker_from(request)
    initial = {}
    if sticker_obj is not None and sticker_obj.household_id:
        initial["village"] = _village_text(sticker_obj.household.village)
    form = HelpForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST":
        if request.POST.get("website"):
            return _page(request, "portal/refused.html", {"reason": "honeypot"}, status=400,
                         title=_("Not sent"))
        # Every attempt counts against a loose limit (scripts); only requests that open a case count against
        # the strict one, so a resident correcting the form is never locked out. Both count per address and what
        # the resident holds: the sticker code they scanned, else their device cookie (core/ratelimit.py).
        holder = sticker_obj.code if sticker_obj is not None else ""
        if not ratelimit.hit(request, "help-try", conf.HELP_LIMIT * 6, window=conf.LIMIT_WINDOW_SECONDS,
                             holder=holder):
            return _page(request, "portal/refused.html", {"reason": "limit"}, status=429, title=_("Not sent"))
        if form.is_valid():
            if not ratelimit.hit(request, "help", conf.HELP_LIMIT, window=conf.LIMIT_WINDOW_SECONDS, holder=holder):
                return _page(request, "portal/refused.html", {"reason": "limit"}, status=429, title=_("Not sent"))
            data = form.cleaned_data
            try:
                case = services.submit_help_request(
                    kind=data["kind"], description=data["description"], village=data["village"],
                    name=data["name"], phone=data["phone"], consent=data["consent"], sticker=sticker_obj)
            except DomainError as exc:
                if exc.code == "portal.no_office":
                    form.add_error("village", _("No office covers this village yet. Please call the national "
                                                "hotline %(number)s.") % {"number": conf.NATIONAL_HOTLINE})
                else:
                    form.add_error(_CASE_FIELDS.get(exc.field), exc.message)
            else:
                token = signing.dumps({"r": case.reference, "p": bool(data["phone"])}, salt=_SIGNING_SALT)
                return redirect(reverse("portal:help_done") + f"?t={token}")
        status = 422
    return _page(request, "portal/help.html", {"form": form, "sticker_code": sticker_obj.code if sticker_obj else ""},
                 status=status, title=_("Ask for help or report"))


@require_http_methods(["GET"])
@no_store
def help_done(request):
    try:
        data = signing.loads(request.GET.get("t", ""), salt=_SIGNING_SALT, max_age=60 * 60 * 6)
    except signing.BadSignature:
        return redirect("portal:help")
    return _page(request, "portal/help_done.html", {"reference": data["r"], "gave_phone": data["p"]},
                 title=_("Request received"))


@require_http_methods(["GET", "POST"])
@no_store
def check(request):
    from balekdusun.cases.services import check_status

    form = CheckForm(request.POST or None)
    result = None
    status = 200
    if request.method == "POST":
        if form.is_valid():
            # Only well-formed attempts count: they are the ones that could guess four digits.
            if not ratelimit.hit(request, "check", conf.CHECK_LIMIT, window=conf.LIMIT_WINDOW_SECONDS):
                return _page(request, "portal/refused.html", {"reason": "limit"}, status=429, title=_("Try later"))
            result = check_status(reference=form.cleaned_data["reference"],
                                  phone_last4=form.cleaned_data["phone_last4"])
            if result is None:
                form.add_error(None, _("No report matches this reference code and these four digits. Check both, "
                                       "or call the hotline with your reference code."))
                status = 404
        else:
            status = 422
    return _page(request, "portal/check.html", {"form": form, "result": result}, status=status,
                 title=_("Check my report"))


def robots(request):
    lines = ["User-agent: *", "Allow: /portal/", "Disallow: /s/", "Disallow: /portal/manage/",
             "Disallow: /portal/help/", "Disallow: /portal/check/", "Disallow: /portal/data/", "Disallow: /",
             f"Sitemap: {settings.SITE_URL}/sitemap.xml", ""]
    response = HttpResponse("\n".join(lines), content_type="text/plain")
    response["Cache-Control"] = "public, max-age=86400"
    return response

