"""Finding 5 of issue 13: who may read a turf (its walk list: API, page, PDF), by role, through core.scoping.

Coordinators, heads and administrators: every turf of their area; a village official: the turfs of her village;
a field officer: turfs of outreach days whose team he is on, and turfs he is assigned to; a viewer: none.
Officers of the same office used to read every other team's walk list (the tests of the officer failed)."""

import datetime as dt

import pytest

from balekdusun.campaigns.models import Campaign, Household, Outreach, TeamMember, Turf, TurfStop
from balekdusun.core.roles import Role
from balekdusun.core.scoping import scoped
from balekdusun.regions.models import Area
from conftest import _user

VILLAGE = "16.02.08.2017"


@pytest.fixture
def teams(offices, bob, carol):
    """Two outreach days of Sumsel in Pematang Buluran, one with bob's team and one with olga's; a third in
    another village where bob is on no team but is assigned one turf."""
    olga = _user("olga", Role.OFFICER, offices["sumsel"])
    campaign = Campaign.objects.create(office=offices["sumsel"], name="Balek Dusun", start_date=dt.date(2026, 1, 1))
    other_village = Area.objects.filter(code__startswith="16.02.23.", level=4).order_by("code").first()

    def day(village, member, name):
        outreach = Outreach.objects.create(campaign=campaign, village_id=village, date=dt.date.today())
        if member is not None:
            TeamMember.objects.create(outreach=outreach, user=member)
        turf = Turf.objects.create(outreach=outreach, name=name)
        house = Household.objects.create(village_id=village, address=f"Rumah {name}", latitude=-3.3, longitude=104.9)
        TurfStop.objects.create(turf=turf, household=house, position=1)
        return turf

    own = day(VILLAGE, bob, "Tim Bob")
    own.officers.add(bob)
    other = day(VILLAGE, olga, "Tim Olga")
    other.officers.add(olga)
    assigned = day(other_village.code, olga, "Dusun jauh")
    assigned.officers.add(bob)  # bob helps one turf of a day whose team he is not on
    return {"own": own, "other": other, "assigned": assigned, "olga": olga}


def urls(turf):
    return {"api": f"/api/v1/planning/turfs/{turf.pk}", "page": f"/planning/turfs/{turf.pk}/"}


def status(client, bearer, user, turf):
    """Status of the API and of the page (the PDF is checked on its own: it takes a second to render)."""
    api = client.get(urls(turf)["api"], **bearer(user)).status_code
    client.force_login(user)
    page = client.get(urls(turf)["page"]).status_code
    client.logout()
    return api, page


def test_field_officer_reads_only_his_teams_turfs(client, bearer, bob, teams):
    assert status(client, bearer, bob, teams["own"]) == (200, 200)
    assert status(client, bearer, bob, teams["assigned"]) == (200, 200)
    assert status(client, bearer, bob, teams["other"]) == (404, 404)
    mine = client.get("/api/v1/planning/turfs/mine", **bearer(bob)).json()
    assert {t["id"] for t in mine} == {teams["own"].pk, teams["assigned"].pk}
    assert set(scoped(bob, Turf)) == {teams["own"], teams["assigned"]}
    assert set(scoped(bob, TurfStop).values_list("turf_id", flat=True)) == {teams["own"].pk, teams["assigned"].pk}


def test_field_officer_cannot_print_another_teams_walk_list(client, bob, teams):
    client.force_login(bob)
    assert client.get(f"/planning/turfs/{teams['other'].pk}/walklist.pdf").status_code == 404
    mine = client.get(f"/planning/turfs/{teams['own'].pk}/walklist.pdf")
    assert mine.status_code == 200 and mine["Content-Type"] == "application/pdf"


def test_the_other_officer_sees_his_own_and_not_bobs(client, bearer, teams):
    olga = teams["olga"]
    assert status(client, bearer, olga, teams["other"]) == (200, 200)
    assert status(client, bearer, olga, teams["own"]) == (404, 404)


@pytest.mark.parametrize("who", ["carol", "dave", "alice"])
def test_coordinator_head_and_admin_read_every_team(client, bearer, teams, who, request):
    user = request.getfixturevalue(who)
    for turf in (teams["own"], teams["other"], teams["assigned"]):
        assert status(client, bearer, user, turf) == (200, 200)


def test_village_official_reads_the_turfs_of_her_village(client, bearer, dina, teams):
    assert status(client, bearer, dina, teams["own"]) == (200, 200)
    assert status(client, bearer, dina, teams["other"]) == (200, 200)
    assert status(client, bearer, dina, teams["assigned"]) == (404, 404)


def test_viewer_and_other_office_read_none(client, bearer, victor, charlie, jane, teams):
    for user in (victor, charlie, jane):
        for turf in (teams["own"], teams["other"]):
            assert client.get(urls(turf)["api"], **bearer(user)).status_code == 404
    assert not scoped(victor, Turf).exists()


def test_outreach_page_lists_only_the_turfs_the_user_may_open(client, bob, victor, carol, teams):
    """The outreach day's page linked every turf, so a viewer (and an officer of another team) followed links
    to "not found"; the route map of every turf is drawn only for roles that see every turf."""
    page = f"/planning/outreach/{teams['own'].outreach_id}/"
    client.force_login(carol)
    full = client.get(page).content.decode()
    assert f"/planning/turfs/{teams['own'].pk}/" in full
    client.force_login(victor)
    body = client.get(page).content.decode()
    assert "/planning/turfs/" not in body and "<svg" not in body
    client.force_login(bob)
    other_day = client.get(f"/planning/outreach/{teams['other'].outreach_id}/")
    assert f"/planning/turfs/{teams['other'].pk}/" not in other_day.content.decode()
