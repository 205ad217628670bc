import pytest

from balekdusun.campaigns.models import Household, MigrationStat, Turf, TurfStop

pytestmark = pytest.mark.django_db


def test_demo_seed_is_idempotent():
    from balekdusun.campaigns import demo as campaigns_demo
    from balekdusun.core import demo as core_demo

    def run():
        ctx = {}
        core_demo.seed(ctx)
        campaigns_demo.seed(ctx)
        return ctx

    ctx = run()
    counts = (MigrationStat.objects.count(), Household.objects.count(), Turf.objects.count(),
              TurfStop.objects.count())
    run()
    assert counts == (MigrationStat.objects.count(), Household.objects.count(), Turf.objects.count(),
                      TurfStop.objects.count())
    assert counts[1] == 160 and counts[2] == 2 and counts[3] == 160
    # Names and phones only where consent was recorded.
    assert not Household.objects.filter(consent_at__isnull=True).exclude(head_name="").exists()
    assert Household.objects.exclude(head_name="").exists()
    province = sum(MigrationStat.objects.filter(area_id="16").values_list("placements", flat=True))
    assert province == 194 + 430 + 925
    turfs = ctx["launch_turfs"]
    assert [t.officers.get().username for t in turfs] == ["petugas.sumsel", "petugas2.sumsel"]
