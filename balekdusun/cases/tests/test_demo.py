from balekdusun.cases.models import Case, CaseEvent


def test_demo_seed_is_idempotent_and_covers_states(db):
    from balekdusun.cases import demo
    from balekdusun.core import demo as core_demo

    ctx = {}
    core_demo.seed(ctx)
    demo.seed(ctx)
    first = (Case.objects.count(), CaseEvent.objects.count(), sorted(Case.objects.values_list("reference", flat=True)))
    demo.seed(ctx)
    assert (Case.objects.count(), CaseEvent.objects.count(),
            sorted(Case.objects.values_list("reference", flat=True))) == first
    assert first[0] == len(demo.SPECS)
    assert set(Case.objects.values_list("status", flat=True)) >= {"new", "verified", "in_progress", "referred",
                                                                 "resolved", "closed"}
    oki = Case.objects.filter(area_code__startswith="16.02.")
    assert oki.values("kind").distinct().count() >= 5
    closed = Case.objects.filter(status="closed").first()
    kinds = list(closed.events.values_list("kind", flat=True))
    assert kinds[0] == "opened" and kinds[-1] == "status"
    assert list(closed.events.values_list("at", flat=True)) == sorted(closed.events.values_list("at", flat=True))
