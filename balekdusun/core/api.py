from django.utils.translation import gettext as _
from ninja import Router, Schema

from balekdusun.core.apierrors import ApiError
from balekdusun.core.roles import has_perm

router = Router(tags=["me"])


def require_api_perm(user, perm: str) -> None:
    """The API's twin of `core.views.require_perm`: a 403 with the API's error body when the role lacks `perm`."""
    if not has_perm(user, perm):
        raise ApiError(403, _("Your role does not allow this."), code="forbidden")


class MeOut(Schema):
    username: str
    name: str
    role: str
    office: str | None
    jurisdiction: list[str] | None
    village: str | None


@router.get("", response=MeOut, summary="Who the token or session belongs to")
def me(request):
    from balekdusun.core.scoping import jurisdiction_codes

    user = request.user
    return {
        "username": user.username,
        "name": user.display_name,
        "role": user.role,
        "office": user.office.name if user.office_id else None,
        "jurisdiction": jurisdiction_codes(user),
        "village": user.village_id,
    }
