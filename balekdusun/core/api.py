from ninja import Router, Schema

router = Router(tags=["me"])


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
