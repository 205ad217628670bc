"""The stock ledger: services refuse what would overdraw, and the sums always reconcile."""

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from balekdusun.core.services import DomainError
from balekdusun.materials import ledger, services
from balekdusun.materials.models import Material, MaterialKind, MoveKind, Reconciliation, StockMove

from .conftest import make_household, make_outreach, make_visit


def test_receive_issue_handout_return_reconcile(offices, carol, bob, launch, brochure):
    sumsel = offices["sumsel"]
    services.receive_stock(office=sumsel, material=brochure, quantity=500, actor=carol)
    services.issue_stock(outreach=launch, material=brochure, quantity=120, officer=bob, actor=carol)
    services.issue_stock(outreach=launch, material=brochure, quantity=80, officer=carol, actor=carol)
    assert ledger.office_stock(sumsel) == {brochure.pk: 300}
    assert services.issued_stock(outreach=launch) == {brochure.pk: 200}
    assert services.issued_stock(outreach=launch, officer=bob) == {brochure.pk: 120}

    house = make_household()
    visit = make_visit(household=house, officer=bob, outreach=launch)
    assert services.record_handouts(visit=visit, items=[(brochure, 2), (brochure, 1)], officer=bob) == []
    # A replayed visit is not booked twice.
    assert services.record_handouts(visit=visit, items=[(brochure, 3)], officer=bob) == []
    assert services.issued_stock(outreach=launch, officer=bob) == {brochure.pk: 117}

    services.return_stock(outreach=launch, material=brochure, quantity=100, officer=bob, actor=carol)
    services.record_loss(office=sumsel, outreach=launch, officer=carol, material=brochure, quantity=5,
                         reason="rain", actor=carol)
    recon = ledger.reconcile(launch)
    (total,) = recon.by_material
    assert (total.issued, total.handed_out, total.returned, total.lost) == (200, 3, 100, 5)
    assert total.unaccounted == 92
    per = {r.officer_id: r for r in recon.by_officer}
    assert per[bob.pk].unaccounted == 17 and per[carol.pk].unaccounted == 75
    assert ledger.office_stock(sumsel) == {brochure.pk: 400}


def test_refusals_name_the_field_and_write_nothing(offices, carol, bob, charlie, launch, brochure):
    sumsel = offices["sumsel"]
    services.receive_stock(office=sumsel, material=brochure, quantity=10, actor=carol)
    before = StockMove.objects.count()
    cases = [
        (lambda: services.issue_stock(outreach=launch, material=brochure, quantity=11, officer=bob, actor=carol),
         "stock.insufficient", "quantity"),
        (lambda: services.issue_stock(outreach=launch, material=brochure, quantity=0, officer=bob, actor=carol),
         "stock.bad_quantity", "quantity"),
        (lambda: services.issue_stock(outreach=launch, material=brochure, quantity=1, officer=charlie,
                                      actor=carol), "stock.officer_other_office", "officer"),
        (lambda: services.return_stock(outreach=launch, material=brochure, quantity=1, officer=bob, actor=carol),
         "stock.insufficient", "quantity"),
        (lambda: services.adjust_stock(office=sumsel, material=brochure, quantity=-11, reason="count",
                                       actor=carol), "stock.insufficient", "quantity"),
        (lambda: services.adjust_stock(office=sumsel, material=brochure, quantity=5, reason=" ", actor=carol),
         "stock.reason_required", "reason"),
        (lambda: services.record_loss(office=sumsel, material=brochure, quantity=1, reason="", actor=carol),
         "stock.reason_required", "reason"),
    ]
    for call, code, field in cases:
        with pytest.raises(DomainError) as err:
            call()
        assert (err.value.code, err.value.field) == (code, field)
    assert StockMove.objects.count() == before
    brochure.active = False
    brochure.save()
    with pytest.raises(DomainError) as err:
        services.receive_stock(office=sumsel, material=brochure, quantity=1, actor=carol)
    assert err.value.code == "stock.material_retired"


def test_over_issued_handout_is_flagged_and_booked_as_adjustment(offices, carol, bob, launch, brochure):
    services.receive_stock(office=offices["sumsel"], material=brochure, quantity=10, actor=carol)
    services.issue_stock(outreach=launch, material=brochure, quantity=2, officer=bob, actor=carol)
    visit = make_visit(household=make_household(), officer=bob, outreach=launch)
    assert services.record_handouts(visit=visit, items=[(brochure, 5)], officer=bob) == ["materials.over_issued"]
    adj = StockMove.objects.get(kind=MoveKind.ADJUSTMENT)
    assert adj.quantity == 3 and str(visit.uuid) in adj.reason and adj.visit == visit
    (total,) = ledger.reconcile(launch).by_material
    assert total.unaccounted == -3 and total.adjusted == 3 and total.on_hand == 0
    assert ledger.reconcile(launch).has_discrepancy
    assert services.issued_stock(outreach=launch) == {}


def test_handout_bad_items_flagged_not_raised(offices, bob, launch, brochure):
    visit = make_visit(household=make_household(), officer=bob, outreach=launch)
    assert services.record_handouts(visit=visit, items=[(brochure, 0), (brochure, "2")], officer=bob) == [
        "materials.bad_quantity"]
    assert not StockMove.objects.exists()


def test_signed_off_outreach_refuses_staff_moves(offices, carol, bob, launch, brochure):
    services.receive_stock(office=offices["sumsel"], material=brochure, quantity=10, actor=carol)
    services.issue_stock(outreach=launch, material=brochure, quantity=4, officer=bob, actor=carol)
    signed = services.sign_off(outreach=launch, actor=carol, note="ok")
    assert signed.snapshot["unaccounted"] == 4
    with pytest.raises(DomainError) as err:
        services.return_stock(outreach=launch, material=brochure, quantity=1, officer=bob, actor=carol)
    assert err.value.code == "stock.outreach_signed_off"
    with pytest.raises(DomainError) as err:
        services.sign_off(outreach=launch, actor=carol)
    assert err.value.code == "reconciliation.already_signed"
    from balekdusun.core.models import AuditEntry

    assert AuditEntry.objects.filter(action="stock.reconciliation_signed", actor=carol).count() == 1


def test_sign_off_with_a_discrepancy_needs_a_note(offices, carol, bob, launch, brochure):
    services.receive_stock(office=offices["sumsel"], material=brochure, quantity=10, actor=carol)
    services.issue_stock(outreach=launch, material=brochure, quantity=4, officer=bob, actor=carol)
    for note in ("", "   \n "):
        with pytest.raises(DomainError) as err:
            services.sign_off(outreach=launch, actor=carol, note=note)
        assert err.value.code == "reconciliation.note_required" and err.value.field == "note"
    assert not Reconciliation.objects.filter(outreach=launch).exists()
    # Everything accounted for: no note needed.
    services.return_stock(outreach=launch, material=brochure, quantity=4, officer=bob, actor=carol)
    assert services.sign_off(outreach=launch, actor=carol).note == ""


# --- property-based: any sequence of moves ---------------------------------------------------------------------

OPS = st.lists(
    st.tuples(
        st.sampled_from(["receive", "issue", "return", "lose_office", "lose_team", "adjust_office",
                         "adjust_team", "handout"]),
        st.integers(0, 1),   # material
        st.integers(0, 1),   # outreach
        st.integers(0, 1),   # officer
        st.integers(-30, 60),  # quantity
    ),
    max_size=14,
)


@pytest.mark.django_db
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=OPS)
def test_ledger_invariants(offices, carol, bob, ops):
    sumsel = offices["sumsel"]
    officers = [bob, carol]
    with transaction.atomic():
        materials = [Material.objects.create(kind=MaterialKind.BROCHURE, title=f"M{i}") for i in range(2)]
        outreaches = [make_outreach(sumsel, village=v) for v in ("16.02.08.2017", "16.02.08.2018")]
        house = make_household()
        # Independent model of the stock: office[m], team[(o, m)].
        office = {m.pk: 0 for m in materials}
        team = {(o.pk, m.pk): 0 for o in outreaches for m in materials}
        received = adjusted = handed = lost = 0
        for kind, mi, oi, ui, q in ops:
            m, o, u = materials[mi], outreaches[oi], officers[ui]
            t = (o.pk, m.pk)
            count = StockMove.objects.count()
            try:
                if kind == "receive":
                    services.receive_stock(office=sumsel, material=m, quantity=q, actor=carol)
                    office[m.pk] += q
                    received += q
                elif kind == "issue":
                    services.issue_stock(outreach=o, material=m, quantity=q, officer=u, actor=carol)
                    assert q <= office[m.pk]
                    office[m.pk] -= q
                    team[t] += q
                elif kind == "return":
                    services.return_stock(outreach=o, material=m, quantity=q, officer=u, actor=carol)
                    assert q <= team[t]
                    team[t] -= q
                    office[m.pk] += q
                elif kind == "lose_office":
                    services.record_loss(office=sumsel, material=m, quantity=q, reason="rain", actor=carol)
                    assert q <= office[m.pk]
                    office[m.pk] -= q
                    lost += q
                elif kind == "lose_team":
                    services.record_loss(office=sumsel, outreach=o, officer=u, material=m, quantity=q,
                                         reason="rain", actor=carol)
                    assert q <= team[t]
                    team[t] -= q
                    lost += q
                elif kind == "adjust_office":
                    services.adjust_stock(office=sumsel, material=m, quantity=q, reason="count", actor=carol)
                    office[m.pk] += q
                    adjusted += q
                elif kind == "adjust_team":
                    services.adjust_stock(office=sumsel, outreach=o, material=m, quantity=q, reason="count",
                                          actor=carol)
                    team[t] += q
                    adjusted += q
                else:
                    visit = make_visit(household=house, officer=u, outreach=o)
                    flags = services.record_handouts(visit=visit, items=[(m, q)], officer=u)
                    if q >= 1:
                        short = max(q - team[t], 0)
                        assert flags == (["materials.over_issued"] if short else [])
                        team[t] += short - q
                        adjusted += short
                        handed += q
                    else:
                        assert flags == ["materials.bad_quantity"]
            except DomainError as exc:
                # A refusal writes nothing and is justified by the model.
                assert StockMove.objects.count() == count
                assert exc.code in {"stock.bad_quantity", "stock.insufficient"}
                if exc.code == "stock.insufficient":
                    where = office[m.pk] if kind in ("issue", "lose_office", "adjust_office") else team[t]
                    assert (where + q < 0) if kind.startswith("adjust") else (q > where)
                else:
                    assert q == 0 or (q < 0 and not kind.startswith("adjust"))
            # Invariants after every step.
            assert ledger.office_stock(sumsel) == {k: v for k, v in office.items()
                                                   if StockMove.objects.filter(material_id=k).exists()}
            assert all(n >= 0 for n in team.values())
            assert all(n >= 0 for n in office.values())
            assert received + adjusted == sum(office.values()) + sum(team.values()) + handed + lost
            for o in outreaches:
                recon = ledger.reconcile(o)
                assert services.issued_stock(outreach=o) == {mpk: n for (opk, mpk), n in team.items()
                                                             if opk == o.pk and n}
                for total in recon.by_material:
                    rows = [r for r in recon.by_officer if r.material_id == total.material_id]
                    for attr in ("issued", "handed_out", "returned", "lost", "adjusted", "unaccounted"):
                        assert getattr(total, attr) == sum(getattr(r, attr) for r in rows)
                    assert total.issued == total.handed_out + total.returned + total.lost + total.unaccounted
                    assert total.on_hand == team[(o.pk, total.material_id)]
        transaction.set_rollback(True)
