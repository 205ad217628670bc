"""Stickers are accounted by their codes: a code placed on a house is a sticker handed out, counted once."""

from django.urls import reverse

from balekdusun.materials import ledger, services

from .conftest import make_household, make_visit


def _day(offices, carol, bob, launch, sticker_material=None, n=30):
    batch = services.create_batch(office=offices["sumsel"], size=n, actor=carol)
    services.issue_stickers(batch=batch, outreach=launch, count=n, actor=carol)
    if sticker_material is not None:
        services.receive_stock(office=offices["sumsel"], material=sticker_material, quantity=n, actor=carol)
        services.issue_stock(outreach=launch, material=sticker_material, quantity=n, officer=bob, actor=carol)
    return list(batch.stickers.order_by("id").values_list("code", flat=True))


def test_placed_codes_count_as_handed_out_once(offices, carol, bob, launch, sticker_material, brochure):
    codes = _day(offices, carol, bob, launch, sticker_material)
    visits = [make_visit(household=make_household(), officer=bob, outreach=launch) for _ in range(4)]
    # One officer also listed the sticker as a material (the old way): that visit counts once, not twice.
    assert services.record_handouts(visit=visits[0], items=[(sticker_material, 1)], officer=bob) == []
    for visit, code in zip(visits, codes, strict=False):
        assert services.place_sticker(visit=visit, code=code, household=visit.household) is None
    recon = ledger.reconcile(launch)
    [row] = recon.by_material
    assert (row.issued, row.handed_out, row.by_code, row.unaccounted) == (30, 4, 3, 26)
    [mine] = recon.by_officer
    assert (mine.officer_id, mine.handed_out, mine.unaccounted) == (bob.pk, 4, 26)
    assert recon.codes == {"issued": 30, "placed": 4, "void": 0, "with_team": 26, "placed_at_visits": 4}
    # The ledger itself is untouched: no row was written for a code.
    assert services.issued_stock(outreach=launch) == {sticker_material.pk: 29}
    # Returning what is left balances the day.
    services.return_stock(outreach=launch, material=sticker_material, quantity=26, officer=bob, actor=carol)
    assert ledger.reconcile(launch).by_material[0].unaccounted == 0
    assert not ledger.reconcile(launch).has_discrepancy


def test_codes_alone_show_nothing_unaccounted(login, offices, carol, bob, launch):
    """No sticker material in the ledger at all: the codes are the account, and the sign-off needs no note."""
    codes = _day(offices, carol, bob, launch)
    for code in codes[:4]:
        visit = make_visit(household=make_household(), officer=bob, outreach=launch)
        services.place_sticker(visit=visit, code=code, household=visit.household)
    recon = ledger.reconcile(launch)
    assert recon.by_material == [] and not recon.has_discrepancy
    assert recon.codes["placed_at_visits"] == 4 and recon.codes["with_team"] == 26
    client = login(carol)
    page = client.get(reverse("materials:outreach", args=[launch.pk])).content.decode()
    assert 'id="recon-codes"' in page and "<td class=\"num\">26</td>" in page
    r = client.post(reverse("materials:outreach", args=[launch.pk]), {"note": ""})
    assert r.status_code == 302


def test_officer_without_sticker_material_counts_on_the_team(offices, carol, bob, launch, sticker_material):
    """A colleague placed a code from bob's stickers: the team total is right, carol's own row goes negative."""
    codes = _day(offices, carol, bob, launch, sticker_material, n=5)
    visit = make_visit(household=make_household(), officer=carol, outreach=launch)
    services.place_sticker(visit=visit, code=codes[0], household=visit.household)
    recon = ledger.reconcile(launch)
    assert (recon.by_material[0].handed_out, recon.by_material[0].unaccounted) == (1, 4)
    by_officer = {r.officer_id: r for r in recon.by_officer}
    assert by_officer[carol.pk].unaccounted == -1 and by_officer[bob.pk].unaccounted == 5


def test_a_voided_or_unplaced_code_is_not_handed_out(offices, carol, bob, launch, sticker_material):
    codes = _day(offices, carol, bob, launch, sticker_material, n=3)
    visit = make_visit(household=make_household(), officer=bob, outreach=launch)
    services.place_sticker(visit=visit, code=codes[0], household=visit.household)
    from balekdusun.materials.models import Sticker

    # The coordinator finds it was never put up and voids it.
    services.void_sticker(sticker=Sticker.objects.get(code=codes[0]), reason="tidak terpasang", actor=carol)
    recon = ledger.reconcile(launch)
    assert recon.by_material[0].handed_out == 0 and recon.by_material[0].unaccounted == 3
    assert recon.codes["void"] == 1 and recon.codes["placed_at_visits"] == 0
