"""What the phone is told at the door: its own stock, the state of the day's sticker codes, a code looked up,
and a push sent gzip-compressed (issue: the field app at the door)."""

import gzip
import json

from balekdusun.materials import services as materials
from balekdusun.materials.models import Material, Sticker
from balekdusun.visits.models import Visit
from balekdusun.visits.tests.conftest import visit_record

PULL = "/api/v1/sync/pull"
PUSH = "/api/v1/sync/push"


def _teammate(offices, outreach):
    from balekdusun.campaigns.models import TeamMember
    from balekdusun.core.models import User
    from balekdusun.core.roles import Role

    budi = User.objects.create_user(username="budi", password="x", role=Role.OFFICER, office=offices["sumsel"])
    TeamMember.objects.create(outreach=outreach, user=budi)
    return budi


def test_pull_gives_this_officers_own_stock_not_the_teams(client, bearer, bob, carol, offices, field_setup):
    outreach = field_setup["outreach"]
    budi = _teammate(offices, outreach)
    brochure = Material.objects.create(kind="brochure", title="Brosur")
    materials.receive_stock(office=offices["sumsel"], material=brochure, quantity=100, actor=carol)
    materials.issue_stock(outreach=outreach, material=brochure, quantity=20, officer=bob, actor=carol)
    materials.issue_stock(outreach=outreach, material=brochure, quantity=20, officer=budi, actor=carol)
    h = bearer(bob)
    record = visit_record(field_setup["households"][0], outreach, materials=[{"material_id": brochure.pk,
                                                                              "quantity": 6}])
    assert client.post(PUSH, {"records": [record]}, content_type="application/json", **h).json()[
        "results"][0]["status"] == "created"
    body = client.get(PULL, **h).json()
    assert body["stock"][str(outreach.pk)][str(brochure.pk)] == 34  # the team's
    assert body["mystock"][str(outreach.pk)][str(brochure.pk)] == [20, 14]  # bob's: issued, held now
    assert client.get(PULL, **bearer(budi)).json()["mystock"][str(outreach.pk)][str(brochure.pk)] == [20, 20]


def test_pull_and_lookup_say_what_is_true_of_a_code(client, bearer, bob, carol, charlie, jane, offices,
                                                    field_setup):
    from balekdusun.campaigns.models import Outreach

    outreach, houses = field_setup["outreach"], field_setup["households"]
    budi = _teammate(offices, outreach)
    batch = materials.create_batch(office=offices["sumsel"], size=4, actor=carol)
    materials.issue_stickers(batch=batch, outreach=outreach, count=3, actor=carol)
    free, placed, void = batch.stickers.filter(outreach=outreach).values_list("code", flat=True)[:3]
    never_issued = batch.stickers.exclude(outreach=outreach).get().code
    materials.void_sticker(sticker=Sticker.objects.get(code=void), reason="Robek", actor=carol)
    # A teammate put `placed` on house 3.
    r = client.post(PUSH, {"records": [visit_record(houses[2], outreach, sticker_code=placed)]},
                    content_type="application/json", **bearer(budi))
    assert r.json()["results"][0]["status"] == "created"
    body = client.get(PULL, **bearer(bob)).json()
    assert body["stickers"][str(outreach.pk)] == [free]
    state = body["sticker_state"][str(outreach.pk)]
    assert state == {"placed": {placed: houses[2].pk}, "void": [void]}

    foreign = materials.create_batch(office=offices["jatim"], size=1, actor=jane).stickers.get().code
    look = {code: client.get(f"/api/v1/sync/sticker/{code}", **bearer(bob)).json()
            for code in (free, placed, void, never_issued, foreign, "2222222")}
    assert look[free]["state"] == "free_here"
    assert look[placed]["state"] == "placed" and look[placed]["household"]["a"] == "Rumah 3"
    assert look[void]["state"] == "void" and look[void]["reason"] == "Robek"
    assert look[never_issued]["state"] == "not_issued"
    assert look[foreign] == {"code": foreign, "state": "other_office", "household": None, "outreach": None,
                             "reason": ""}
    assert look["2222222"]["state"] == "unknown"
    # Another office never learns which house wears our code.
    theirs = client.get(f"/api/v1/sync/sticker/{placed}", **bearer(charlie)).json()
    assert theirs["state"] == "other_office" and theirs["household"] is None
    # Issued to another day of the office: said as such.
    other_day = Outreach.objects.create(campaign=outreach.campaign, village_id=outreach.village_id,
                                        date=outreach.date, status="planned")
    spare = materials.create_batch(office=offices["sumsel"], size=1, actor=carol)
    materials.issue_stickers(batch=spare, outreach=other_day, count=1, actor=carol)
    code = spare.stickers.get().code
    assert client.get(f"/api/v1/sync/sticker/{code}", **bearer(bob)).json()["state"] == "issued_elsewhere"
    assert client.get(f"/api/v1/sync/sticker/{free}").status_code == 401


def test_push_accepts_a_gzip_body_and_refuses_a_bomb_or_garbage(client, bearer, bob, field_setup, settings):
    h = bearer(bob)
    body = json.dumps({"records": [visit_record(x, field_setup["outreach"]) for x in field_setup["households"]]})
    r = client.post(PUSH, gzip.compress(body.encode()), content_type="application/json",
                    HTTP_CONTENT_ENCODING="gzip", **h)
    assert r.status_code == 200 and [x["status"] for x in r.json()["results"]] == ["created"] * 5
    assert Visit.objects.count() == 5

    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 100_000
    bomb = gzip.compress(b'{"records": [' + b" " * 5_000_000 + b"]}")
    assert len(bomb) < 10_000
    r = client.post(PUSH, bomb, content_type="application/json", HTTP_CONTENT_ENCODING="gzip", **h)
    assert r.status_code == 413 and r.json()["errors"][0]["field"] == "records"
    r = client.post(PUSH, b"not gzip at all", content_type="application/json", HTTP_CONTENT_ENCODING="gzip", **h)
    assert r.status_code == 400 and r.json()["errors"]
    assert Visit.objects.count() == 5
