"""Searching over people: only roles that may see them (existence leaks), and never through a URL."""

import pytest

from balekdusun.cases.models import Case

NAME, PHONE = "Siti Aminah", "081234567890"


@pytest.fixture
def case(open_case, rules):
    return open_case(reporter_name=NAME, reporter_phone=PHONE, subject_name="Rudi Hartono")


def api_search(client, headers, q, **extra):
    return client.post("/api/v1/cases/search", {"q": q, **extra}, content_type="application/json", **headers)


def test_a_field_officer_cannot_confirm_that_a_person_has_a_case(client, bearer, bob, dina, carol, case):
    # The coordinator (personal.view) finds the case by phone, last digits and name.
    for q in (PHONE, "7890", "siti", "Rudi Hartono"):
        rows = api_search(client, bearer(carol), q).json()
        assert [r["reference"] for r in rows] == [case.display_reference], q
    # A field officer and the village official of that very village find nothing by name or phone...
    for user in (bob, dina):
        for q in (PHONE, "7890", "siti", "Rudi Hartono"):
            response = api_search(client, bearer(user), q)
            assert response.status_code == 200 and response.json() == [], (user.username, q)
    # ...but the case reference (no personal data) still finds it, as the case list shows it to them anyway.
    rows = api_search(client, bearer(bob), case.display_reference).json()
    assert [r["reference"] for r in rows] == [case.display_reference]
    # The officer assigned to the case works it, and may find it by the caller's name.
    Case.objects.filter(pk=case.pk).update(assignee=bob)
    assert [r["reference"] for r in api_search(client, bearer(bob), "siti").json()] == [case.display_reference]


def test_names_and_phones_are_refused_in_the_query_string(client, bearer, carol, case):
    for q in (PHONE, "siti"):
        response = client.get("/api/v1/cases", {"q": q}, **bearer(carol))
        assert response.status_code == 422
        body = response.json()
        assert body["field"] == "q" and "POST /api/v1/cases/search" in body["detail"]
    # A reference is no personal data: GET keeps it, and the non-personal filters.
    rows = client.get("/api/v1/cases", {"q": case.display_reference}, **bearer(carol)).json()
    assert [r["reference"] for r in rows] == [case.display_reference]
    rows = client.get("/api/v1/cases", {"kind": "unpaid_wages"}, **bearer(carol)).json()
    assert [r["reference"] for r in rows] == [case.display_reference]


def test_search_body_refuses_hostile_values(client, bearer, carol, case):
    for body in ({"q": ""}, {"q": "siti", "limit": True}, {"q": "siti", "limit": "5"}, {"q": "x" * 121},
                 {"q": "siti", "offset": -1}):
        response = client.post("/api/v1/cases/search", body, content_type="application/json", **bearer(carol))
        assert response.status_code == 422, body


def test_the_pages_search_by_post_and_keep_only_a_key_in_the_url(login, carol, bob, case):
    client = login(carol)
    for path in ("/cases/", "/cases/board/"):
        response = client.post(path, {"q": NAME, "status": "all"})
        assert response.status_code == 302
        url = response["Location"]
        assert "Siti" not in url and "Aminah" not in url and "s=" in url and "status=all" in url
        assert case.display_reference in client.get(url).content.decode(), path
    response = client.post("/cases/hotline/", {"search": "1", "q": PHONE})
    assert PHONE not in response["Location"] and "7890" not in response["Location"]
    assert case.display_reference in client.get(response["Location"]).content.decode()
    # The key means nothing in another session: the field officer's client finds nothing with it.
    other = login(bob)
    assert case.display_reference not in other.get(response["Location"]).content.decode()
    # A field officer's own search by name finds nothing either (existence leak on the pages too).
    found = login(bob).post("/cases/", {"q": NAME, "status": "all"}, follow=True).content.decode()
    assert case.display_reference not in found
