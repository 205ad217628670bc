"""JSON API at /api/v1/materials: the catalogue, a team's stock for the field app, sticker lookup, analytics."""

from datetime import date

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Router, Schema

from balekdusun.campaigns.models import Outreach
from balekdusun.core.api import require_api_perm
from balekdusun.core.apierrors import ApiError
from balekdusun.core.scoping import get_scoped_or_404, scoped
from balekdusun.materials import analytics, codes, services
from balekdusun.materials.models import Material, Sticker, StickerScan

router = Router(tags=["materials"])


class MaterialOut(Schema):
    id: int
    kind: str
    title: str
    version: str
    language: str
    topics: list[str]
    active: bool
    print_file: str | None


@router.get("/catalogue", response=list[MaterialOut], summary="Materials (active only unless all=true)")
def catalogue(request, all: bool = False):
    require_api_perm(request.user, "materials.view")
    qs = Material.objects.all() if all else Material.objects.filter(active=True)
    return [{"id": m.pk, "kind": m.kind, "title": m.title, "version": m.version, "language": m.language,
             "topics": m.topics, "active": m.active, "print_file": m.print_file.url if m.print_file else None}
            for m in qs]


class StockLine(Schema):
    material_id: int
    quantity: int


class TeamStockOut(Schema):
    outreach_id: int
    officer: str | None
    lines: list[StockLine]


@router.get("/outreach/{outreach_id}/stock", response=TeamStockOut,
            summary="What an outreach team holds (mine=true: what I hold)")
def outreach_stock(request, outreach_id: int, mine: bool = False):
    require_api_perm(request.user, "materials.view")
    outreach = get_scoped_or_404(request.user, Outreach, pk=outreach_id)
    held = services.issued_stock(outreach=outreach, officer=request.user if mine else None)
    return {"outreach_id": outreach.pk, "officer": request.user.username if mine else None,
            "lines": [{"material_id": k, "quantity": v} for k, v in sorted(held.items())]}


class CodeCheckOut(Schema):
    code: str
    valid: bool


@router.get("/codes/{code}/check", response=CodeCheckOut, summary="Is this a well-formed sticker code (no lookup)")
def check_code(request, code: str):
    normal = codes.normalize(code)
    return {"code": normal, "valid": codes.is_valid(normal)}


class StickerOut(Schema):
    code: str
    status: str
    batch_id: int
    outreach_id: int | None
    household_id: int | None
    village: str | None
    placed_at: str | None
    scans: int


@router.get("/stickers/{code}", response=StickerOut, summary="One sticker in your jurisdiction")
def sticker(request, code: str):
    require_api_perm(request.user, "materials.view")
    normal = codes.normalize(code)
    if not codes.is_valid(normal):
        raise ApiError(422, _("This is not a valid sticker code; check it for a typo."), field="code")
    s = get_object_or_404(scoped(request.user, Sticker).select_related("household"), code=normal)
    return {"code": s.code, "status": s.status, "batch_id": s.batch_id, "outreach_id": s.outreach_id,
            "household_id": s.household_id, "village": s.household.village_id if s.household_id else None,
            "placed_at": s.placed_at.isoformat() if s.placed_at else None, "scans": s.scans.count()}


class PlacedRow(Schema):
    village_id: str
    week: date
    placed: int


class ScannedRow(Schema):
    village_id: str
    week: date
    scans: int
    stickers: int


class FirstScan(Schema):
    placed: int
    scanned: int
    scanned_share: float | None
    median_hours: float | None
    mean_hours: float | None


class AnalyticsOut(Schema):
    placed: list[PlacedRow]
    scanned: list[ScannedRow]
    first_scan: FirstScan
    status: dict[str, int]


@router.get("/stickers-analytics", response=AnalyticsOut, summary="Placements and scans per village and week")
def sticker_analytics(request):
    require_api_perm(request.user, "reports.view")
    stickers = scoped(request.user, Sticker)
    return {"placed": analytics.placed_per_village_week(stickers),
            "scanned": analytics.scanned_per_village_week(scoped(request.user, StickerScan)),
            "first_scan": analytics.time_to_first_scan(stickers),
            "status": analytics.status_counts(stickers)}
