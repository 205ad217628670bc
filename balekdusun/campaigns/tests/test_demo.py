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
    # 160 launch households in two turfs, and 48 for the coming outreach day in two turfs.
    assert counts[1] == 160 + 48 and counts[2] == 4 and counts[3] == 160 + 48
    upcoming = ctx["upcoming"]
    assert upcoming.status == "planned" and upcoming.date > ctx["launch"].date
    assert {t.officers.get().username for t in upcoming.turfs.all()} == {"petugas.sumsel", "petugas2.sumsel"}
    # Names and phones only where consent was recorded.
    assert not Household.objects.filter(consent_at__isnull=True).exclude(head_name="").exists()
    assert Household.objects.exclude(head_name="").exists()
    province = sum(MigrationStat.objects.filter(area_id="16").values_list("placements", flat=True))
    assert province == 194 + 430 + 925
    turfs = ctx["launch_turfs"]
    assert [t.officers.get().username for t in turfs] == ["petugas.sumsel", "petugas2.sumsel"]
