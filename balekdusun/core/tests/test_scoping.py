"""Named users prove that jurisdiction holds: Sumatera Selatan cannot see Jawa Timur, a village official one village."""

import datetime as dt

import pytest
from django.http import Http404

from balekdusun.campaigns.models import Campaign, Household, Outreach
from balekdusun.core import audit
from balekdusun.core.models import AuditEntry
from balekdusun.core.scoping import get_scoped_or_404, in_jurisdiction, scoped


@pytest.fixture
def world(offices):
    sumsel_campaign = Campaign.objects.create(office=offices["sumsel"], name="Balek Dusun", start_date=dt.date(2023, 12, 7))
    jatim_campaign = Campaign.objects.create(office=offices["jatim"], name="Jatim", start_date=dt.date(2024, 1, 1))
    return {
        "pematang": Outreach.objects.create(campaign=sumsel_campaign, village_id="16.02.08.2017",
                                            date=dt.date(2023, 12, 7)),
        "terusan": Outreach.objects.create(campaign=sumsel_campaign, village_id="16.02.08.2020",
                                           date=dt.date(2023, 12, 8)),
        "slahung": Outreach.objects.create(campaign=jatim_campaign, village_id="35.02.01.2003",
                                           date=dt.date(2024, 3, 14)),
        "h_pematang": Household.objects.create(village_id="16.02.08.2017", address="Rumah panggung dekat masjid"),
        "h_slahung": Household.objects.create(village_id="35.02.01.2003", address="Depan balai desa"),
        "sumsel_campaign": sumsel_campaign,
        "jatim_campaign": jatim_campaign,
    }


def test_sumsel_officer_sees_nothing_of_jawa_timur(bob, world):
    assert set(scoped(bob, Outreach)) == {world["pematang"], world["terusan"]}
    assert list(scoped(bob, Household)) == [world["h_pematang"]]
    assert list(scoped(bob, Campaign)) == [world["sumsel_campaign"]]
    with pytest.raises(Http404):
        get_scoped_or_404(bob, Outreach, pk=world["slahung"].pk)
    assert not in_jurisdiction(bob, "35.02.01.2003")


def test_jatim_officer_sees_nothing_of_sumatera_selatan(charlie, world):
    assert list(scoped(charlie, Outreach)) == [world["slahung"]]
    assert list(scoped(charlie, Household)) == [world["h_slahung"]]


def test_village_official_sees_only_their_village(dina, world):
    assert list(scoped(dina, Outreach)) == [world["pematang"]]
    assert list(scoped(dina, Household)) == [world["h_pematang"]]
    assert in_jurisdiction(dina, "16.02.08.2017") and not in_jurisdiction(dina, "16.02.08.2020")


def test_admin_sees_everything(alice, world):
    assert scoped(alice, Outreach).count() == 3


def test_prefix_does_not_leak_to_sibling_codes(bob, offices, world):
    # "16" must not match a code like "160..." — scoping compares whole segments.
    offices["sumsel"].jurisdiction = ["16.02.08"]
    offices["sumsel"].save()
    bob.refresh_from_db()
    assert set(scoped(bob, Outreach)) == {world["pematang"], world["terusan"]}
    offices["sumsel"].jurisdiction = ["16.02.0"]
    offices["sumsel"].save()
    bob.refresh_from_db()
    assert scoped(bob, Outreach).count() == 0


def test_anonymous_and_unscoped_models(db, world):
    from django.contrib.auth.models import AnonymousUser

    assert scoped(AnonymousUser(), Outreach).count() == 0
    from balekdusun.regions.models import Area

    with pytest.raises(TypeError):
        scoped(AnonymousUser(), Area)


def test_audit_log_page_scoped_to_office(login, dave, bob, charlie, world):
    audit.log(bob, "outreach.viewed", world["pematang"])
    audit.log(charlie, "outreach.viewed", world["slahung"])
    html = login(dave).get("/audit/").content.decode()
    assert "bob" in html and "charlie" not in html


def test_audit_log_page_forbidden_for_officers(login, bob):
    assert login(bob).get("/audit/").status_code == 403


def test_audit_entries_are_immutable(bob, world):
    entry = audit.log(bob, "outreach.viewed", world["pematang"], note="x")
    assert entry.area_code == "16.02.08.2017" and entry.office == bob.office
    entry.action = "tampered"
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()
    with pytest.raises(PermissionError):
        AuditEntry.objects.filter(pk=entry.pk).update(action="tampered")
    with pytest.raises(PermissionError):
        AuditEntry.objects.all().delete()
    assert AuditEntry.objects.get(pk=entry.pk).action == "outreach.viewed"


def test_admin_site_is_staff_only(login, alice, dave):
    assert login(dave).get("/admin/").status_code == 302
    assert login(alice).get("/admin/").status_code == 200
    assert login(alice).get("/admin/core/auditentry/").status_code == 200


def test_audit_area_filter_outside_jurisdiction_is_an_error(login, dave):
    resp = login(dave).get("/audit/", {"area": "35.02.01.2003"})
    assert resp.status_code == 200
    assert "area" in resp.context["form"].errors


def test_sees_area_answers_as_scoped_does(alice, dave, bob, dina, victor, charlie, jane, world, django_user_model):
    """The sync ingest filters raw rows with `sees_area`; it must agree with `scoped()` for every kind of user."""
    from balekdusun.core.scoping import sees_area

    Household.objects.create(village_id="16.02.08.2020", address="Terusan")
    no_office = django_user_model.objects.create_user("nobody", password="x" * 12, role="officer")
    inactive = django_user_model.objects.create_user("gone", password="x" * 12, role="officer",
                                                     office=bob.office, is_active=False)
    households = list(Household.objects.all())
    assert {h.village_id for h in households} == {"16.02.08.2017", "16.02.08.2020", "35.02.01.2003"}
    for user in (alice, dave, bob, dina, victor, charlie, jane, no_office, inactive):
        visible = sees_area(user)
        expected = set(scoped(user, Household).values_list("pk", flat=True))
        assert {h.pk for h in households if visible(h.village_id)} == expected, user.username
