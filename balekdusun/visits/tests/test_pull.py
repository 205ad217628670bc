import gzip
import json
from datetime import timedelta

from django.utils import timezone

from balekdusun.campaigns.models import Household
from balekdusun.visits.models import Visit
from balekdusun.visits.tests.conftest import VILLAGE, visit_record

PULL = "/api/v1/sync/pull"


def test_first_pull_then_delta(client, bearer, bob, field_setup):
    h = bearer(bob)
    r = client.get(PULL, {"device": "p1", "pending": 2}, **h)
    assert r.status_code == 200
    body = r.json()
    assert body["full"] is True
    assert [o["id"] for o in body["outreaches"]] == [field_setup["outreach"].pk]
    [turf] = body["turfs"]
    assert turf["mine"] and turf["stops"] == [x.pk for x in field_setup["households"]]
    assert {x["i"] for x in body["households"]} == {x.pk for x in field_setup["households"]}
    assert all("head_name" not in json.dumps(x) for x in body["households"])

    # Nothing changed (rows older than the overlap window the server re-sends): only the cursor, empty deltas.
    Household.objects.update(updated_at=timezone.now() - timedelta(hours=1))
    again = client.get(PULL, {"cursor": body["cursor"]}, **h).json()
    assert again["households"] == [] and "turfs" not in again and "outreaches" not in again

    # A new household and a visit by a teammate show up in the next delta, nothing else does.
    new = Household.objects.create(village_id=VILLAGE, address="Rumah baru")
    client.post("/api/v1/sync/push", json.dumps({"records": [visit_record(field_setup["households"][0],
                                                                          field_setup["outreach"])]}),
                content_type="application/json", **h)
    Visit.objects.update(received_at=timezone.now() - timedelta(hours=1))
    visit = visit_record(field_setup["households"][1], field_setup["outreach"])
    client.post("/api/v1/sync/push", json.dumps({"records": [visit]}), content_type="application/json", **h)
    delta = client.get(PULL, {"cursor": again["cursor"]}, **h).json()
    assert [x["i"] for x in delta["households"]] == [new.pk]
    assert [v[0] for v in delta["visits"]] == [visit["uuid"]]


def test_pull_is_gzipped(client, bearer, bob, field_setup):
    r = client.get(PULL, HTTP_ACCEPT_ENCODING="gzip", **bearer(bob))
    assert r["Content-Encoding"] == "gzip"
    assert json.loads(gzip.decompress(r.content))["full"] is True


def test_bad_cursor(client, bearer, bob, field_setup):
    r = client.get(PULL, {"cursor": "garbage!"}, **bearer(bob))
    assert r.status_code == 400 and r.json()["errors"][0]["field"] == "cursor"


def test_other_office_sees_no_assignment(client, bearer, charlie, field_setup):
    body = client.get(PULL, **bearer(charlie)).json()
    assert body["outreaches"] == [] and body["households"] == []


def test_device_status_from_pull(client, bearer, bob, field_setup):
    from balekdusun.visits.models import DeviceStatus

    client.get(PULL, {"device": "p1", "pending": 2, "failing": 1}, **bearer(bob))
    d = DeviceStatus.objects.get(user=bob)
    assert (d.pending, d.failing) == (2, 1) and d.last_pull_at is not None


def test_token_login(client, bob, victor):
    from conftest import PASSWORD

    r = client.post("/api/v1/sync/token", json.dumps({"username": "bob", "password": PASSWORD}),
                    content_type="application/json")
    assert r.status_code == 200
    key = r.json()["token"]
    assert client.get(PULL, HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 200
    # The same phone signing in again retires its earlier token.
    again = client.post("/api/v1/sync/token", json.dumps({"username": "bob", "password": PASSWORD,
                                                          "device_name": "d-1"}), content_type="application/json")
    third = client.post("/api/v1/sync/token", json.dumps({"username": "bob", "password": PASSWORD,
                                                          "device_name": "d-1"}), content_type="application/json")
    assert client.get(PULL, HTTP_AUTHORIZATION=f"Bearer {again.json()['token']}").status_code == 401
    assert client.get(PULL, HTTP_AUTHORIZATION=f"Bearer {third.json()['token']}").status_code == 200
    r = client.post("/api/v1/sync/token", json.dumps({"username": "bob", "password": "nope"}),
                    content_type="application/json")
    assert r.status_code == 401 and r.json()["errors"][0]["field"] == "password"
    r = client.post("/api/v1/sync/token", json.dumps({"username": "victor", "password": PASSWORD}),
                    content_type="application/json")
    assert r.status_code == 403


def test_a_corrected_visit_reaches_the_other_phones(client, bearer, bob, carol, field_setup):
    """Taking a conflict's incoming version counts as receiving the visit again: the next pull of every phone
    of the village carries the corrected outcome."""
    from balekdusun.visits.conflicts import resolve_conflict
    from balekdusun.visits.models import SyncConflict

    h = bearer(bob)
    record = visit_record(field_setup["households"][0], field_setup["outreach"], outcome="not_home")
    client.post("/api/v1/sync/push", json.dumps({"records": [record]}), content_type="application/json", **h)
    Visit.objects.update(received_at=timezone.now() - timedelta(hours=1))
    Household.objects.update(updated_at=timezone.now() - timedelta(hours=1))
    cursor = client.get(PULL, **h).json()["cursor"]
    assert client.get(PULL, {"cursor": cursor}, **h).json()["visits"] == []

    corrected = dict(record, data=dict(record["data"], outcome="refused"))
    client.post("/api/v1/sync/push", json.dumps({"records": [corrected]}), content_type="application/json", **h)
    assert client.get(PULL, {"cursor": cursor}, **h).json()["visits"] == []  # a conflict changes nothing yet
    resolve_conflict(conflict=SyncConflict.objects.get(), actor=carol, take_incoming=True)
    [row] = client.get(PULL, {"cursor": cursor}, **h).json()["visits"]
    assert row[0] == record["uuid"] and row[3] == "refused"


def test_sign_in_carries_the_first_pull(client, bob, field_setup):
    """`pull: true` puts the first pull in the sign-in's answer (one round trip); older clients are unchanged."""
    from balekdusun.visits.models import DeviceStatus
    from conftest import PASSWORD

    def sign_in(**extra):
        return client.post("/api/v1/sync/token", json.dumps({"username": "bob", "password": PASSWORD,
                                                             "device_name": "d-9", **extra}),
                           content_type="application/json", HTTP_ACCEPT_ENCODING="gzip")

    plain = sign_in()
    assert plain.status_code == 200 and json.loads(
        gzip.decompress(plain.content) if plain.get("Content-Encoding") == "gzip" else plain.content)["pull"] is None
    # A neighbour in the village on no turf of bob's: not in the sign-in's answer, in the next pull.
    neighbour = Household.objects.create(village_id=VILLAGE, dusun="I", rt="001", address="Tetangga")
    Household.objects.update(updated_at=timezone.now() - timedelta(hours=1))
    r = sign_in(pull=True)
    assert r.status_code == 200 and r["Content-Encoding"] == "gzip"
    body = json.loads(gzip.decompress(r.content))
    first = body["pull"]
    assert first["full"] is True and first["partial"] is True
    assert {x["i"] for x in first["households"]} == {x.pk for x in field_setup["households"]}
    assert [t["id"] for t in first["turfs"]] == [field_setup["turf"].pk]
    # The token of this answer works, and the pull's cursor is a real one: the rest of the village follows, then
    # a delta of nothing.
    h = {"HTTP_AUTHORIZATION": f"Bearer {body['token']}"}
    rest = client.get(PULL, {"cursor": first["cursor"]}, **h).json()
    assert rest["full"] is False and "partial" not in rest and "turfs" not in rest
    assert neighbour.pk in {x["i"] for x in rest["households"]}
    delta = client.get(PULL, {"cursor": rest["cursor"]}, **h).json()
    assert delta["households"] == [] and "turfs" not in delta
    assert DeviceStatus.objects.get(user=bob, device_id="d-9").last_pull_at is not None
    # Signing in again with that cursor: only what changed.
    again = json.loads(gzip.decompress(sign_in(pull=True, cursor=rest["cursor"]).content))["pull"]
    assert again["full"] is False and again["households"] == [] and "partial" not in again
    # A cursor the server cannot read gives a first pull again, never an error at sign-in.
    bad = json.loads(gzip.decompress(sign_in(pull=True, cursor="not-a-cursor").content))["pull"]
    assert bad["full"] is True and bad["partial"] is True and len(bad["households"]) == 5


def test_sign_in_pull_flag_is_strict_and_wrong_password_pulls_nothing(client, bob, field_setup):
    from conftest import PASSWORD

    r = client.post("/api/v1/sync/token", json.dumps({"username": "bob", "password": PASSWORD, "pull": 1}),
                    content_type="application/json")
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "pull"
    r = client.post("/api/v1/sync/token", json.dumps({"username": "bob", "password": "nope", "pull": True}),
                    content_type="application/json")
    assert r.status_code == 401 and "pull" not in r.json() and "households" not in r.content.decode()


def test_cursor_is_compact_and_the_older_form_still_reads(client, bearer, bob, field_setup):
    """The cursor travels up and down with every pull: short hashes in one string; an older cursor (a dict of
    long hashes) still works and only has its sections sent once more."""
    from balekdusun.visits.pull import SECTIONS, decode_cursor, encode_cursor

    h = bearer(bob)
    first = client.get(PULL, **h).json()
    # `<seconds>~<9 hashes of 8 hex digits>~<villages>`: no base64, so a gzip answer shrinks it.
    seconds, hashes, villages = first["cursor"].split("~")
    assert seconds.isdigit() and len(hashes) == 72 and villages == VILLAGE
    assert all(c in "0123456789abcdef" for c in hashes)
    data = decode_cursor(first["cursor"])
    assert set(data["h"]) == set(SECTIONS) and all(len(v) == 8 for v in data["h"].values())
    Household.objects.update(updated_at=timezone.now() - timedelta(hours=1))
    again = client.get(PULL, {"cursor": first["cursor"]}, **h).json()
    assert "turfs" not in again and again["households"] == []
    old = encode_cursor({"t": data["t"], "h": {name: "0" * 16 for name in SECTIONS}, "v": data["v"]})
    resent = client.get(PULL, {"cursor": old}, **h).json()
    assert resent["full"] is False and "turfs" in resent and resent["households"] == []
    # The base64 form with the hashes in one string (written for a day before the plain form) still reads.
    mid = encode_cursor({"t": data["t"], "h": hashes, "v": data["v"]})
    assert "turfs" not in client.get(PULL, {"cursor": mid}, **h).json()
    # Hash strings of the wrong length or alphabet, times that are no number or out of range: not a cursor.
    for bad in (encode_cursor({"t": data["t"], "h": "abc", "v": data["v"]}), f"{seconds}~{hashes[:-1]}~{VILLAGE}",
                f"{seconds}~{'Z' * 72}~{VILLAGE}", f"x1~{hashes}~{VILLAGE}", f"999999999999~{hashes}~{VILLAGE}",
                f"1~{hashes}~{VILLAGE}", f"{seconds}~{hashes}~{VILLAGE}~x", "~~"):
        r = client.get(PULL, {"cursor": bad}, **h)
        assert r.status_code == 400 and r.json()["errors"][0]["field"] == "cursor", bad


def test_push_carries_the_pull_without_its_own_visits(client, bearer, bob, carol, field_setup):
    """`pull: true` on a push: one round trip per sync. The visits of this push are not sent back; a teammate's
    visit is; an unreadable cursor gives a full pull; a push without it answers as before."""
    h = bearer(bob)
    first = client.get(PULL, **h).json()
    teammate = visit_record(field_setup["households"][1], field_setup["outreach"], outcome="not_home")
    assert client.post("/api/v1/sync/push", json.dumps({"records": [teammate]}), content_type="application/json",
                       **h).json()["results"][0]["status"] == "created"
    mine = visit_record(field_setup["households"][0], field_setup["outreach"])
    r = client.post("/api/v1/sync/push", json.dumps({"records": [mine], "pull": True, "cursor": first["cursor"],
                                                     "device": {"id": "p-7", "pending": 1}}),
                    content_type="application/json", **h)
    body = r.json()
    assert body["results"][0]["status"] == "created"
    pulled = body["pull"]
    assert pulled["full"] is False and "turfs" not in pulled
    uuids = {v[0] for v in pulled["visits"]}
    assert teammate["uuid"] in uuids and mine["uuid"] not in uuids
    assert Visit.objects.filter(uuid=mine["uuid"]).exists()
    # Nothing new since: only the cursor comes back (empty lists and the server time are left out).
    Household.objects.update(updated_at=timezone.now() - timedelta(hours=1))
    Visit.objects.update(received_at=timezone.now() - timedelta(hours=1))
    quiet = client.post("/api/v1/sync/push", json.dumps({"records": [], "pull": True, "cursor": pulled["cursor"]}),
                        content_type="application/json", **h).json()["pull"]
    assert quiet["full"] is False and quiet["cursor"]
    assert not {"households", "visits", "dropped_villages", "server_time", "turfs"} & set(quiet)
    bad = client.post("/api/v1/sync/push", json.dumps({"records": [], "pull": True, "cursor": "zzz"}),
                      content_type="application/json", **h).json()
    assert bad["pull"]["full"] is True and len(bad["pull"]["households"]) == 5
    plain = client.post("/api/v1/sync/push", json.dumps({"records": []}), content_type="application/json", **h).json()
    assert plain == {"results": []}
    strict = client.post("/api/v1/sync/push", json.dumps({"records": [], "pull": "yes"}),
                         content_type="application/json", **h)
    assert strict.status_code == 422 and strict.json()["errors"][0]["field"] == "pull"
