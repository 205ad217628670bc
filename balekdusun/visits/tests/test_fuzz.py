"""Fuzzing the sync push (issue 13): every field of a visit and of a household, hostile values mixed with good
records in one batch. The server never answers 5xx, every good record is stored, every bad one is `invalid`
naming its field (strategies in core/tests/fuzz.py)."""

import uuid

from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from balekdusun.campaigns.models import Household
from balekdusun.core.tests.fuzz import (
    FUZZ,
    HOUSEHOLD,
    VISIT,
    assert_error_shape,
    assert_translated,
    dumps,
    good_text,
    good_visit,
    hostile,
    hostile_record,
    names_field,
)
from balekdusun.visits.models import Visit

PUSH = "/api/v1/sync/push"


def _push(client, headers, body):
    r = client.post(PUSH, dumps(body), content_type="application/json", **headers)
    assert r.status_code < 500, r.content[:500]
    return r


def _check(client, headers, records, expected):
    """Push `records`; `expected[i]` is None for a good record, else the field its result must name."""
    r = _push(client, headers, {"records": records})
    assert r.status_code == 200, r.content[:500]
    results = r.json()["results"]
    assert len(results) == len(records)
    for rec, want, res in zip(records, expected, results, strict=True):
        assert res["uuid"] == rec["uuid"] and res["type"] == rec["type"]
        if want is None:
            assert res["status"] == "created", (rec, res)
            model = Visit if rec["type"] == "visit" else Household
            stored = model.objects.get(uuid=rec["uuid"]) if model is Visit else model.objects.get(
                client_uuid=rec["uuid"])
            assert stored.pk == res["id"]
            if model is Visit:
                assert stored.outcome == rec["data"]["outcome"] and stored.household_id == rec["data"]["household"]
            else:
                assert stored.address == rec["data"].get("address", "").strip()
        else:
            assert res["status"] == "invalid", (want, rec, res)
            assert "id" not in res
            assert names_field(res["errors"], want), (want, res["errors"])
            assert_translated(res["errors"])
            if rec["type"] == "visit":
                assert not Visit.objects.filter(uuid=rec["uuid"]).exists()
            else:
                assert not Household.objects.filter(client_uuid=rec["uuid"]).exists()


def _visits(field_setup):
    today = timezone.localdate().isoformat()
    good = good_visit(field_setup["households"][0].pk, field_setup["outreach"].pk, today)
    bad = good.flatmap(lambda data: hostile_record(VISIT, data))
    return st.lists(st.one_of(good.map(lambda d: (None, d)), bad), min_size=1, max_size=6)


@FUZZ
@given(data=st.data())
def test_fuzzed_visits(client, bearer, bob, field_setup, data):
    headers = bearer(bob)
    batch = data.draw(_visits(field_setup))
    records = [{"type": "visit", "uuid": str(uuid.uuid4()), "data": d} for _want, d in batch]
    _check(client, headers, records, [want for want, _d in batch])


GOOD_HOUSEHOLD = st.fixed_dictionaries({"village": st.just("16.02.08.2017")}, optional={
    "dusun": good_text(60), "rt": st.from_regex(r"\A\d{3}\Z"), "rw": st.from_regex(r"\A\d{3}\Z"),
    "address": good_text(255), "accuracy_m": st.floats(0, 100000),
    "created_at": st.just("2026-01-05T09:30:00+07:00"),
}).flatmap(lambda d: st.one_of(st.just(d), st.fixed_dictionaries({
    "latitude": st.floats(-90, 90), "longitude": st.floats(-180, 180)}).map(lambda p: {**d, **p})))


@FUZZ
@given(batch=st.lists(st.one_of(GOOD_HOUSEHOLD.map(lambda d: (None, d)),
                                GOOD_HOUSEHOLD.flatmap(lambda d: hostile_record(HOUSEHOLD, d))),
                      min_size=1, max_size=6))
def test_fuzzed_households(client, bearer, bob, field_setup, batch):
    records = [{"type": "household", "uuid": str(uuid.uuid4()), "data": d} for _want, d in batch]
    _check(client, bearer(bob), records, [want for want, _d in batch])


ENVELOPE = st.one_of(
    hostile(VISIT["household_uuid"]).map(lambda v: ("uuid", {"uuid": v})),
    st.sampled_from(["", "Visit", "case", None, 1, True, [], "\x00", "\ud800"]).map(lambda v: ("type", {"type": v})),
    st.sampled_from([None, [], "data", 1, True, 2.5]).map(lambda v: ("data", {"data": v})),
)


@FUZZ
@given(envelope=ENVELOPE, good_first=st.booleans())
def test_fuzzed_record_envelope(client, bearer, bob, field_setup, envelope, good_first):
    """A record whose uuid, type or data is hostile is `invalid` on that field; the good record beside it is
    stored."""
    want, change = envelope
    today = timezone.localdate().isoformat()
    good = {"type": "visit", "uuid": str(uuid.uuid4()),
            "data": {"household": field_setup["households"][1].pk, "visited_at": f"{today}T00:30:00+07:00",
                     "outcome": "not_home"}}
    bad = {"type": "visit", "uuid": str(uuid.uuid4()), "data": dict(good["data"]), **change}
    records = [good, bad] if good_first else [bad, good]
    r = _push(client, bearer(bob), {"records": records})
    assert r.status_code == 200
    results = r.json()["results"]
    res_good, res_bad = results if good_first else results[::-1]
    assert res_good["status"] == "created" and Visit.objects.filter(uuid=good["uuid"]).exists()
    assert res_bad["status"] == "invalid" and names_field(res_bad["errors"], want), res_bad


@FUZZ
@given(body=st.one_of(
    st.fixed_dictionaries({"records": hostile(VISIT["materials"])}),
    st.fixed_dictionaries({"records": st.just([]), "device": st.one_of(
        hostile(VISIT["migration"]), st.fixed_dictionaries({"id": hostile(VISIT["sticker_code"])}),
        st.fixed_dictionaries({"id": st.just("phone-1"), "pending": hostile(VISIT["outreach"])}))}),
    st.dictionaries(st.sampled_from(["records", "device", "extra"]), hostile(VISIT["knowledge"]), max_size=3),
))
def test_fuzzed_push_body_is_never_a_5xx(client, bearer, bob, field_setup, body):
    """A body whose `records` or `device` is itself hostile: a 4xx in the API's error shape, or 200 when only
    the device report was bad (it is ignored)."""
    r = _push(client, bearer(bob), body)
    if r.status_code == 200:
        assert isinstance(r.json()["results"], list)
    else:
        assert r.status_code in (400, 413, 422), r.content[:300]
        assert_error_shape(r.json())
