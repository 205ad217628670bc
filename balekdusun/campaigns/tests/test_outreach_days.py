"""Planning that knows its days: last and next outreach day, no "Plan" for what is planned, a flag for visits
dated before their day, and an outreach day's status following its visits."""

import datetime as dt
import json
import re
import uuid

import pytest
from django.core.management import call_command
from django.utils import timezone

from balekdusun.campaigns import priority
from balekdusun.campaigns.models import Campaign, Household, Outreach
from balekdusun.visits.models import Visit

A, B, C = "16.02.08.2017", "16.02.08.2001", "16.02.08.2002"


@pytest.fixture
def days(carol, bob):
    from balekdusun.campaigns.models import TeamMember

    today = timezone.localdate()
    campaign = Campaign.objects.create(office=carol.office, name="Balek Dusun", start_date=today)
    soon = Outreach.objects.create(campaign=campaign, village_id=A, date=today + dt.timedelta(days=3))
    later = Outreach.objects.create(campaign=campaign, village_id=B, date=today + dt.timedelta(days=10))
    for o in (soon, later):
        TeamMember.objects.create(outreach=o, user=bob)
    return {"today": today, "soon": soon, "later": later,
            "home": Household.objects.create(village_id=A, address="Rumah dekat masjid", rt="001")}


def _push(client, bearer, bob, outreach, household, at):
    body = {"household": household.pk, "outreach": outreach.pk, "visited_at": at.isoformat(), "outcome": "met",
            "met_role": "head"}
    r = client.post("/api/v1/sync/push", json.dumps({"records": [{"type": "visit", "uuid": str(uuid.uuid4()),
                                                                    "data": body}]}),
                    content_type="application/json", **bearer(bob))
    assert r.json()["results"][0]["status"] == "created", r.content
    return Visit.objects.get(uuid=r.json()["results"][0]["uuid"])


def _at(day, hour=9):
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def test_priority_knows_last_and_next_days(client, bearer, bob, carol, login, days):
    # Visits are already in for A's day (dated days before it); B has a day planned; C has none.
    _push(client, bearer, bob, days["soon"], days["home"], _at(days["today"]))
    ranked = {v.code: v for v in priority.rank(carol, within="16.02.08")}
    a, b, c = ranked[A], ranked[B], ranked[C]
    assert a.detail["last_outreach"] == days["soon"].date and a.detail["planned"] and a.raw["recency"] == 0
    assert b.detail["last_outreach"] is None and b.detail["next_outreach"] == days["later"].date and b.detail["planned"]
    assert c.detail["last_outreach"] is None and not c.detail["planned"]
    html = login(carol).get("/planning/?district=16.02.08").content.decode()
    rows = {code: row for row in html.split("<tr>") for code in (A, B, C) if f"<code>{code}</code>" in row}
    assert f"?village={A}" in rows[A] and "outreach/new/?village=" not in rows[A]
    assert days["soon"].date.strftime("%d-%m-%Y") in rows[A]
    assert f'href="/planning/outreach/{days["later"].pk}/"' in rows[B] and "outreach/new/?village=" not in rows[B]
    assert f"outreach/new/?village={C}" in rows[C]


def test_visit_before_its_day_is_flagged_and_explained(client, bearer, bob, carol, login, days):
    visit = _push(client, bearer, bob, days["soon"], days["home"], _at(days["today"]))
    assert visit.data["flags"] == ["visit.before_outreach_day"]
    on_the_day = _push(client, bearer, bob, days["soon"], days["home"], _at(days["soon"].date))
    assert "visit.before_outreach_day" not in on_the_day.data.get("flags", [])
    text = login(carol).get(f"/visits/{visit.uuid}/").content.decode()
    assert "sebelum hari kegiatannya" in text and "before_outreach_day" not in text
    # The quality review lists it too, with the number of days, and links the visit.
    from balekdusun.reports.models import QualityFlag
    from balekdusun.reports.quality import detect

    assert detect(Visit.objects.all()) == {"before_day": 1}
    flag = QualityFlag.objects.get()
    assert flag.visit == visit and flag.value == 3 and "3 hari sebelum" in flag.detail
    page = login(carol).get("/reports/quality/").content.decode()
    assert f'href="/visits/{visit.uuid}/"' in page and "before_day" not in re.sub(r"<[^>]+>", " ", page)


def test_status_follows_the_visits(client, bearer, bob, carol, days):
    from balekdusun.campaigns.models import OutreachStatus
    from balekdusun.core.models import AuditEntry

    today = days["today"]
    campaign = days["soon"].campaign
    past = Outreach.objects.create(campaign=campaign, village_id=A, date=today - dt.timedelta(days=2))
    empty_past = Outreach.objects.create(campaign=campaign, village_id=A, date=today - dt.timedelta(days=5))
    reported = Outreach.objects.create(campaign=campaign, village_id=A, date=today - dt.timedelta(days=9),
                                       status=OutreachStatus.REPORTED)
    _push(client, bearer, bob, days["soon"], days["home"], _at(days["soon"].date))
    _push(client, bearer, bob, past, days["home"], _at(past.date))
    _push(client, bearer, bob, reported, days["home"], _at(reported.date))
    status = dict(Outreach.objects.values_list("pk", "status"))
    assert status[days["soon"].pk] == OutreachStatus.IN_PROGRESS  # its visits arrive: under way
    assert status[past.pk] == OutreachStatus.DONE  # a late sync of a day gone by
    assert status[empty_past.pk] == OutreachStatus.PLANNED  # no visits: left to the coordinator
    assert status[reported.pk] == OutreachStatus.REPORTED  # never moved back
    assert status[days["later"].pk] == OutreachStatus.PLANNED
    assert AuditEntry.objects.filter(action="outreach.status_settled").count() == 2
    # The daily command finishes a day once its date has passed.
    Outreach.objects.filter(pk=days["soon"].pk).update(date=today - dt.timedelta(days=1))
    out = __import__("io").StringIO()
    call_command("settle_outreach", stdout=out)
    assert "1 to done" in out.getvalue()
    assert Outreach.objects.get(pk=days["soon"].pk).status == OutreachStatus.DONE
