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
    assert [o.pk for o in response.context["outreaches"]] == [launch["outreach"].pk]
    assert f'href="/reports/outreach/{launch["outreach"].pk}/"' in response.content.decode()
    assert "07-12-2023" in response.content.decode()
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


def visits_tile(response) -> int:
    """The "Visits" tile of a dashboard page as the viewer sees it (English or Indonesian)."""
    import re

    found = re.search(r"<small>(?:Visits|Kunjungan)</small><b>(\d+)</b>", response.content.decode())
    assert found, response.content.decode()[:500]
    return int(found.group(1))


@pytest.fixture
def cached(monkeypatch):
    """Dashboards cached as in production (tests run with the cache off), in an empty cache; returns a
    function that moves the cache's clock `seconds` ahead."""
    import time

    from django.core.cache import caches
    from django.core.cache.backends import locmem

    from balekdusun.reports import conf

    monkeypatch.setattr(conf, "DASHBOARD_CACHE_SECONDS", 30)
    caches["reports"].clear()
    start = time.time()

    def later(seconds):
        monkeypatch.setattr(locmem.time, "time", lambda: start + seconds)

    yield later
    caches["reports"].clear()


@pytest.mark.django_db
def test_dashboard_pages_are_cached_briefly(login, dave, bob, launch, cached):
    import datetime as dt

    from balekdusun.reports.tests import factories as f

    client = login(dave)
    first = client.get("/reports/area/16/")
    assert visits_tile(first) == 7 and first.context["fig"]["visits"] == 7  # computed by this request
    f.visit(launch["homes"][0], bob, f.at(dt.date(2023, 12, 8)), "met")
    again = client.get("/reports/area/16/")
    assert visits_tile(again) == 7 and again.context["fig"] is None  # served from the cache
    assert visits_tile(client.get("/reports/area/16.02/")) == 8  # another area: computed now
    assert visits_tile(client.get("/reports/area/16/?start=2023-12-04&end=2023-12-10")) == 8  # another period
    cached(29)
    assert visits_tile(client.get("/reports/area/16/")) == 7
    cached(31)  # expired
    assert visits_tile(client.get("/reports/area/16/")) == 8


@pytest.mark.django_db
def test_cached_dashboards_never_cross_jurisdictions(login, alice, dave, dina, charlie, launch, cached):
    """A cached page serves only viewers who may open that area, and only in their own jurisdiction's entry."""
    from balekdusun.reports import views
    from balekdusun.reports.tests import factories as f

    assert visits_tile(login(dave).get("/reports/area/16/")) == 7
    assert visits_tile(login(dina).get(f"/reports/area/{f.VILLAGE}/")) == 7
    assert visits_tile(login(alice).get("/reports/national/")) == 7
    client = login(charlie)  # Jawa Timur
    assert client.get("/reports/area/16/").status_code == 404
    assert client.get(f"/reports/area/{f.VILLAGE}/").status_code == 404
    assert client.get("/reports/national/").status_code == 302
    own = client.get("/reports/area/35/")
    assert own.status_code == 200 and visits_tile(own) == 0 and "Pematang Buluran" not in own.content.decode()
    # The viewer's jurisdiction is part of the key: the same area seen by an administrator, the office head
    # and the village official are three entries.
    keys = {views._page_key(user, [f.VILLAGE], None, None) for user in (alice, dave, dina)}
    assert len(keys) == 3 and views._page_key(charlie, ["35"], None, None) not in keys


@pytest.mark.django_db
def test_cached_dashboards_follow_the_language(login, dave, launch, cached):
    client = login(dave)
    assert "Rumah tangga terjangkau" in client.get("/reports/area/16/").content.decode()
    client.cookies["django_language"] = "en"
    html = client.get("/reports/area/16/").content.decode()
    assert "Households reached" in html and "Rumah tangga terjangkau" not in html


@pytest.mark.django_db
def test_dashboard_queries(login, alice, dave, launch, django_assert_num_queries):
    """Computed (no cache): the user with the office, then ONE query for the whole dashboard (counters, names of
    areas and materials, a village's outreach days); a period adds two (its weeks' sums, its trend)."""
    from balekdusun.reports.tests import factories as f

    client = login(dave)
    client.get("/")
    for path in ["/reports/area/16/", "/reports/area/16.02/", f"/reports/area/{f.VILLAGE}/"]:
        with django_assert_num_queries(2):
            assert client.get(path).status_code == 200
    with django_assert_num_queries(4):
        assert client.get("/reports/area/16/?start=2023-12-01&end=2023-12-31").status_code == 200
    client = login(alice)
    client.get("/")
    with django_assert_num_queries(2):
        assert client.get("/reports/national/").status_code == 200


def _history(today):
    """Counters of Sumatera Selatan (16) and two regencies, written as the rollups write them: 40 weeks of
    visits that stop 10 weeks before `today` (a quiet area: the trend ends at its last active week), a week with
    rows but no visits, a week after this one, open cases due on days before and after today, and a material
    counter. Returns the rows' (area, period, key) -> value."""
    import datetime as dt

    from balekdusun.reports import rollups
    from balekdusun.reports.models import TOTAL, RollupCounter

    this_week = rollups.week_of(today)
    rows = {}
    for i in range(40):
        week = this_week - dt.timedelta(weeks=10 + i)
        for key, n in [("visits", 10 + i), ("visits.met", 5 + i), ("households.reached", i)]:
            rows[("16", week, key)] = n
    rows[("16", this_week - dt.timedelta(weeks=5), "households.reached")] = 3  # rows, no visits
    rows[("16", this_week + dt.timedelta(weeks=1), "visits")] = 99  # a visit dated in the future
    for days, n in [(-30, 2), (-1, 1), (0, 4), (7, 8)]:
        rows[("16", today + dt.timedelta(days=days), "cases.open_by_due")] = n
    for key, n in [("visits", 1000), ("visits.met", 600), ("households", 700), ("households.reached", 500),
                   ("materials.handed_out", 40), ("materials.m1", 40), ("mig.households", 9)]:
        rows[("16", TOTAL, key)] = n
    for child, scale in [("16.02", 1), ("16.03", 2)]:
        for key in ["visits", "visits.met", "households", "mig.households", "cases.opened"]:
            rows[(child, TOTAL, key)] = 10 * scale
    RollupCounter.objects.bulk_create(
        RollupCounter(area_code=a, parent_code="" if a == "16" else "16", level=a.count(".") + 1, period=p, key=k,
                      value=v) for (a, p, k), v in rows.items())
    return rows


@pytest.mark.django_db
@pytest.mark.parametrize("weeks_ago", [0, 40])
def test_one_query_dashboard_agrees_with_reading_every_row(offices, alice, dave, weeks_ago):
    """`stats.dashboard` reads only the trend's last weeks and sums overdue cases in the database; the figures are
    those of `area_figures`, which reads every row of the area (and the child table is the children's totals).
    40 weeks ago the area had fewer than 26 weeks of visits behind it (the query's fallback: every week)."""
    import datetime as dt

    from balekdusun.materials.models import Material

    today = dt.date(2026, 11, 25) - dt.timedelta(weeks=weeks_ago)
    _history(dt.date(2026, 11, 25))
    material = Material.objects.create(pk=1, title="Brosur Jalur Resmi", version="2")
    for user in (alice, dave):
        page = stats.dashboard(user, ["16"], code="16", today=today)
        every_row = stats.area_figures(user, ["16"], today=today)
        assert page.fig.c == every_row.c and page.fig.trend == every_row.trend
        assert page.fig.overdue == every_row.overdue
        assert len(page.fig.trend) == stats.TREND_WEEKS and sum(c["visits"] for _w, c in page.fig.trend) > 0
        assert page.fig.materials == [(str(material), 40)]
        assert [(r["code"], r["cells"][3]) for r in page.children] == [("16.02", 10), ("16.03", 20)]
        assert page.areas["16"].label == "Provinsi Sumatera Selatan" and page.outreaches == []
    if not weeks_ago:
        last = page.fig.trend[-1][0]
        assert last == dt.date(2026, 11, 23) - dt.timedelta(weeks=10)  # quiet since: ends at its last visits
        assert page.fig.overdue == 3  # due 30 days and 1 day ago; not today, not next week
    else:
        assert page.fig.overdue == 0


@pytest.mark.django_db
def test_child_table_shows_each_childs_numbers(login, dave, launch):
    import re

    from django.conf import settings

    client = login(dave)

    def cells():
        html = client.get("/reports/area/16/").content.decode()
        row = re.search(r'<tr>\s*<td><a href="/reports/area/16\.02/">[^<]+</a></td>(.*?)</tr>', html, re.S)
        assert row is not None
        return re.findall(r'<td class="num">([^<]*)</td>', row.group(1))

    # households known, reached, coverage, visits, contact rate, migrant households, cases; Indonesian decimal comma
    assert cells()[:5] == ["6", "5", "83,3%", "7", "71,4%"] and len(cells()) == 7
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert cells()[:5] == ["6", "5", "83.3%", "7", "71.4%"]


@pytest.mark.django_db
def test_an_office_of_several_areas_sees_them_side_by_side(login, dave, launch, cached):
    """Cached too: the key holds the areas, so a change of the office's jurisdiction shows at once."""
    office = dave.office
    office.jurisdiction = ["16", "35"]
    office.save()
    client = login(dave)
    response = client.get("/reports/")
    assert response.status_code == 200 and visits_tile(response) == 7
    html = response.content.decode()
    assert "Wilayah saya" in html and 'href="/reports/area/16/"' in html
    office.jurisdiction = ["35"]
    office.save()
    assert client.get("/reports/")["Location"] == "/reports/area/35/"
    assert client.get("/reports/area/16/").status_code == 404


@pytest.mark.django_db
def test_unknown_area_in_jurisdiction_and_a_village_period(login, dave, launch):
    """A code the office covers by prefix but that names no area is "not found", not an empty dashboard; a
    village's page with a period keeps its outreach days."""
    from balekdusun.reports.tests import factories as f

    client = login(dave)
    assert client.get("/reports/area/16.99/").status_code == 404
    response = client.get(f"/reports/area/{f.VILLAGE}/?start=2023-12-01&end=2023-12-31")
    assert response.status_code == 200 and response.context["fig"]["visits"] == 7
    assert [o.pk for o in response.context["outreaches"]] == [launch["outreach"].pk]
