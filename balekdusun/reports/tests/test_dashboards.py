import pytest

from balekdusun.reports import stats


@pytest.mark.django_db
def test_head_starts_at_his_province_and_sees_the_numbers(login, dave, launch):
    client = login(dave)
    response = client.get("/reports/")
    assert response.status_code == 302 and response["Location"] == "/reports/area/16/"
    response = client.get("/reports/area/16/")
    assert response.status_code == 200
    fig = response.context["fig"]
    assert fig["visits"] == 7 and fig["households"] == 6 and fig["households.reached"] == 5
    assert fig.contact_rate == round(100 * 5 / 7, 1)
    assert [r["code"] for r in response.context["children"]] == ["16.02"]
    assert b"<svg" in response.content
    assert client.get("/reports/national/")["Location"] == "/reports/"
    assert client.get("/reports/area/35/").status_code == 404
    assert client.get("/reports/area/35.02.01.2003/").status_code == 404


@pytest.mark.django_db
def test_drill_down_to_the_village_and_outreach_day(login, carol, launch):
    client = login(carol)
    for code in ("16.02", "16.02.08"):
        assert client.get(f"/reports/area/{code}/").status_code == 200
    response = client.get("/reports/area/16.02.08.2017/")
    assert response.status_code == 200
    assert list(response.context["outreaches"]) == [launch["outreach"]]
    response = client.get(f"/reports/outreach/{launch['outreach'].pk}/")
    assert response.status_code == 200
    fig = response.context["fig"]
    assert fig["households.reached_here"] == 5 and fig["visits"] == 7
    assert fig["kn.later.legal_procedure.asked"] == 0  # the 15:00 visit was that household's first met visit
    assert fig["kn.first.legal_procedure.asked"] == 5


@pytest.mark.django_db
def test_period_filter_and_bad_period(login, dave, launch):
    client = login(dave)
    response = client.get("/reports/area/16/?start=2024-01-01&end=2024-02-01")
    assert response.status_code == 200 and response.context["fig"]["visits"] == 0
    response = client.get("/reports/area/16/?start=2023-12-01&end=2023-12-31")
    assert response.context["fig"]["visits"] == 7
    response = client.get("/reports/area/16/?start=2024-01-01&end=2023-01-01")
    assert response.status_code == 400 and "end" in response.context["form"].errors


@pytest.mark.django_db
def test_national_and_others(login, alice, charlie, dina, launch):
    response = login(alice).get("/reports/national/")
    assert response.status_code == 200 and response.context["fig"]["visits"] == 7
    assert [r["code"] for r in response.context["children"]] == ["16"]
    client = login(charlie)
    assert client.get("/reports/area/16/").status_code == 404
    assert client.get(f"/reports/outreach/{launch['outreach'].pk}/").status_code == 404
    assert client.get(f"/reports/outreach/{launch['outreach'].pk}/report.pdf").status_code == 404
    client = login(dina)
    assert client.get("/reports/")["Location"] == "/reports/area/16.02.08.2017/"
    assert client.get("/reports/area/16.02.08.2017/").status_code == 200
    assert client.get("/reports/area/16.02.08/").status_code == 404


@pytest.mark.django_db
def test_api_numbers_are_scoped(client, bearer, dave, charlie, launch):
    response = client.get("/api/v1/reports/areas/16", **bearer(dave))
    assert response.status_code == 200
    body = response.json()
    assert body["visits"] == 7 and body["migrants_by_country"] == {"MY": 4, "JP": 4}
    assert body["knowledge"]["hotline"]["first"] == 100.0
    assert client.get("/api/v1/reports/areas/16", **bearer(charlie)).status_code == 404
    assert client.get("/api/v1/reports/areas/ID", **bearer(dave)).status_code == 404


@pytest.mark.django_db
def test_overdue_counts_open_cases_past_due(offices, launch):
    import datetime as dt

    from balekdusun.cases.models import Case
    from balekdusun.reports import rollups
    from balekdusun.reports.tests.factories import at

    for i, due in enumerate([dt.date(2023, 12, 10), dt.date(2023, 12, 20)]):
        case = Case.objects.create(reference=f"T{i}", office=offices["sumsel"], kind="information",
                                   source="visit", village_id="16.02.08.2017", due_at=at(due))
        rollups.case_changed(case, old_status=None)
    from balekdusun.core.models import User

    admin = User(role="admin", username="x", is_active=True)
    fig = stats.area_figures(admin, ["16"], today=dt.date(2023, 12, 15))
    assert fig.overdue == 1 and fig.cases_open == 2


@pytest.mark.django_db
def test_dashboard_numbers_are_cached_briefly(login, dave, bob, launch, monkeypatch):
    import datetime as dt

    from django.core.cache import cache

    from balekdusun.reports import conf
    from balekdusun.reports.tests import factories as f

    monkeypatch.setattr(conf, "DASHBOARD_CACHE_SECONDS", 30)
    cache.clear()
    client = login(dave)
    assert client.get("/reports/area/16/").context["fig"]["visits"] == 7
    f.visit(launch["homes"][0], bob, f.at(dt.date(2023, 12, 8)), "met")
    assert client.get("/reports/area/16/").context["fig"]["visits"] == 7  # served from the cache
    assert client.get("/reports/area/16.02/").context["fig"]["visits"] == 8  # another area: computed now
    cache.clear()
    assert client.get("/reports/area/16/").context["fig"]["visits"] == 8


@pytest.mark.django_db
def test_child_table_shows_each_childs_numbers(login, dave, launch):
    import re

    html = login(dave).get("/reports/area/16/").content.decode()
    row = re.search(r'<tr>\s*<td><a href="/reports/area/16\.02/">[^<]+</a></td>(.*?)</tr>', html, re.S)
    assert row is not None
    cells = re.findall(r'<td class="num">([^<]*)</td>', row.group(1))
    # households known, reached, coverage, visits, contact rate, migrant households, cases
    assert cells[:5] == ["6", "5", "83.3%", "7", "71.4%"] and len(cells) == 7
