from ninja import Query, Router, Schema

from balekdusun.core.apierrors import ApiError, AuthFailed, between, one_of
from balekdusun.core.scoping import in_jurisdiction
from balekdusun.regions import search

router = Router(tags=["areas"])


class AreaOut(Schema):
    code: str
    name: str
    level: int
    kind: str
    label: str
    path: str
    postal_code: str
    score: float | None = None


class AreaQuery(Schema):
    q: str = ""
    level: int | None = None
    within: str | None = None
    mine: bool = False
    limit: int = 10


@router.get("", response=list[AreaOut], auth=None, summary="Search areas by name, alias or code")
def search_areas(request, params: AreaQuery = Query(...)):
    """Region names are public reference data. `mine=true` limits results to the caller's jurisdiction."""
    if params.level is not None and params.level not in (1, 2, 3, 4):
        raise ApiError(422, one_of("1, 2, 3, 4"), field="level")
    if not 1 <= params.limit <= 50:
        raise ApiError(422, between(1, 50), field="limit")
    allowed = None
    if params.mine:
        user = request.user
        if not user.is_authenticated:
            raise AuthFailed("auth.missing")
        allowed = lambda code: in_jurisdiction(user, code)  # noqa: E731
    return search.search_areas(params.q, level=params.level, within=params.within, allowed=allowed,
                               limit=params.limit)
