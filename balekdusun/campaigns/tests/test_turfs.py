import datetime as dt
import random
import uuid

import pytest
from django.utils import timezone

from balekdusun.campaigns import routing, services
from balekdusun.campaigns.models import Campaign, Household, Outreach, TeamMember, TurfStop
from balekdusun.core.services import DomainError

VILLAGE = "16.02.08.2017"


def make_outreach(office, users=()):
    campaign = Campaign.objects.create(office=office, name="Balek Dusun", start_date=dt.date(2024, 1, 1))
    outreach = Outreach.objects.create(campaign=campaign, village_id=VILLAGE, date=dt.date(2024, 2, 1))
    for user in users:
        TeamMember.objects.create(outreach=outreach, user=user)
    return outreach


def make_households(n, seed=3):
    rng = random.Random(seed)
    return Household.objects.bulk_create([
        Household(village_id=VILLAGE, address=f"Rumah {i}", latitude=-3.25 + rng.uniform(-0.004, 0.004),
                  longitude=104.85 + rng.uniform(-0.006, 0.006)) for i in range(n)])


def test_cut_is_balanced_and_compact():
    rng = random.Random(5)
    points = [(rng.uniform(0, 1000), rng.uniform(0, 800)) for _ in range(301)]
    labels = routing.cut(points, 4)
    sizes = [labels.count(j) for j in range(4)]
    assert max(sizes) - min(sizes) <= 1
    # Compact: the mean distance to the own turf centre is well below the distance to the village centre.
    import numpy as np

    arr = np.asarray(points)
    own = np.mean([np.linalg.norm(arr[i] - arr[np.asarray(labels) == labels[i]].mean(axis=0))
                   for i in range(len(points))])
    whole = np.mean(np.linalg.norm(arr - arr.mean(axis=0), axis=1))
    assert own < 0.65 * whole


def test_order_is_a_short_open_path():
    # Doors on a line, shuffled: the best open path walks them end to end.
    rng = random.Random(1)
    xs = list(range(0, 400, 10))
    rng.shuffle(xs)
    points = [(x, 0.0) for x in xs]
    path = routing.order(points, seconds=0.2)
    assert sorted(path) == list(range(len(points)))
    assert routing.path_length(points, path) == 390


def test_priority_households_come_first(offices, bob):
    from balekdusun.visits.models import Visit

    outreach = make_outreach(offices["sumsel"], [bob])
    homes = make_households(30)
    now = timezone.now()
    met, not_home_once, not_home_often = homes[0], homes[1], homes[2]

    def visit(h, outcome, minutes):
        Visit.objects.create(uuid=uuid.uuid4(), household=h, village_id=VILLAGE, officer=bob, outcome=outcome,
                             visited_at=now - dt.timedelta(minutes=minutes), content_hash="x")

    visit(met, "met", 10)
    visit(not_home_once, "not_home", 10)
    for m in range(3):
        visit(not_home_often, "not_home", m)
    turfs = services.cut_turfs(outreach=outreach, count=1, actor=bob, seconds=0.2)
    order = list(TurfStop.objects.filter(turf=turfs[0]).values_list("household_id", flat=True))
    assert len(order) == 30
    assert set(order[:28]) == {h.pk for h in homes} - {met.pk, not_home_often.pk}
    assert set(order[28:]) == {met.pk, not_home_often.pk}
    assert not_home_once.pk in order[:28]


def test_cut_turfs_balanced_and_assigns_officers(offices, bob, carol):
    outreach = make_outreach(offices["sumsel"], [bob, carol])
    make_households(61)
    turfs = services.cut_turfs(outreach=outreach, count=3, actor=carol, seconds=0.1)
    counts = [t.stops.count() for t in turfs]
    assert sum(counts) == 61 and max(counts) - min(counts) <= 1
    assert services.turf_balance(turfs)["balanced"]
    assert [list(t.officers.all()) for t in turfs] == [[bob], [carol], []]
    # Moving a household by hand keeps every household on exactly one turf.
    stop = turfs[0].stops.first()
    services.move_household(household=stop.household, to_turf=turfs[1], actor=carol)
    assert TurfStop.objects.filter(household=stop.household).get().turf == turfs[1]
    assert [t.stops.count() for t in turfs] == [counts[0] - 1, counts[1] + 1, counts[2]]
    positions = list(turfs[1].stops.values_list("position", flat=True))
    assert positions == list(range(1, len(positions) + 1))


def _line_turf(outreach, n=5):
    """A turf whose doors stand on a north-south line about 22 m apart, walked south to north."""
    from balekdusun.campaigns.models import Turf

    turf = Turf.objects.create(outreach=outreach, name="Dusun I")
    homes = [Household.objects.create(village_id=VILLAGE, address=f"Rumah {i + 1}", latitude=-3.3 + i * 0.0002,
                                      longitude=104.9) for i in range(n)]
    for i, h in enumerate(homes, start=1):
        TurfStop.objects.create(turf=turf, household=h, position=i)
    return turf, homes


def _walk(turf):
    return [s.household.address for s in turf.stops.select_related("household").order_by("position")]


def test_a_new_household_goes_where_it_adds_the_least_walking(offices, carol):
    turf, homes = _line_turf(make_outreach(offices["sumsel"]))
    between = Household.objects.create(village_id=VILLAGE, address="Antara 3 dan 4", latitude=-3.3 + 2.4 * 0.0002,
                                       longitude=104.9001)
    assert services.add_household_to_turf(turf=turf, household=between, actor=carol) == 4
    south = Household.objects.create(village_id=VILLAGE, address="Paling selatan", latitude=-3.3 - 0.0003,
                                     longitude=104.9)
    assert services.add_household_to_turf(turf=turf, household=south, actor=carol) == 1
    north = Household.objects.create(village_id=VILLAGE, address="Paling utara", latitude=-3.3 + 6 * 0.0002,
                                     longitude=104.9)
    assert services.add_household_to_turf(turf=turf, household=north, actor=carol) == 8
    no_gps = Household.objects.create(village_id=VILLAGE, address="Tanpa GPS")
    assert services.add_household_to_turf(turf=turf, household=no_gps, actor=carol) == 9
    assert _walk(turf) == ["Paling selatan", "Rumah 1", "Rumah 2", "Rumah 3", "Antara 3 dan 4", "Rumah 4", "Rumah 5",
                           "Paling utara", "Tanpa GPS"]
    assert list(turf.stops.values_list("position", flat=True)) == list(range(1, 10))
    turf.refresh_from_db()
    assert 170 < turf.route_length_m < 182  # 167 m from south to north, plus the few metres to "Antara"
    # Adding it again moves nothing; a household of another village is refused.
    assert services.add_household_to_turf(turf=turf, household=between, actor=carol) == 5
    assert turf.stops.count() == 9
    elsewhere = Household.objects.create(village_id="16.02.08.2001", address="Desa lain")
    with pytest.raises(DomainError) as exc:
        services.add_household_to_turf(turf=turf, household=elsewhere, actor=carol)
    assert exc.value.field == "turf"


def test_moving_a_household_puts_it_at_its_cheapest_place(offices, carol):
    from balekdusun.campaigns.models import Turf

    outreach = make_outreach(offices["sumsel"])
    turf, homes = _line_turf(outreach)
    other = Turf.objects.create(outreach=outreach, name="Dusun II")
    mover = Household.objects.create(village_id=VILLAGE, address="Pindahan", latitude=-3.3 + 2.5 * 0.0002,
                                     longitude=104.9)
    TurfStop.objects.create(turf=other, household=mover, position=1)
    services.move_household(household=mover, to_turf=turf, actor=carol)
    assert _walk(turf) == ["Rumah 1", "Rumah 2", "Rumah 3", "Pindahan", "Rumah 4", "Rumah 5"]
    assert other.stops.count() == 0
