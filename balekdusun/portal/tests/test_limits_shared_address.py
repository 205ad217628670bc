"""The portal's limits count per address *and* what the resident holds (core/ratelimit.py): on a mobile network a
whole village may share one public address (carrier-grade NAT), and one flood must not shut the neighbours out."""

import pytest
from django.test import Client

from balekdusun.cases.models import Case
from balekdusun.portal.tests.test_help import VALID

NAT = "100.64.0.7"


@pytest.fixture
def limits(monkeypatch):
    from balekdusun.core import conf as core_conf
    from balekdusun.portal import conf

    monkeypatch.setattr(conf, "HELP_LIMIT", 2)
    monkeypatch.setattr(conf, "SEARCH_LIMIT", 3)
    monkeypatch.setattr(core_conf, "PORTAL_ADDRESS_FACTOR", 4)


def neighbour():
    return Client(REMOTE_ADDR=NAT)


def search(client, n=0):
    return client.get("/portal/agencies/", {"q": f"sriwijaya {n}"}).status_code


def test_a_flood_with_one_cookie_leaves_the_neighbours_their_own_limit(limits, offices):
    flooder = neighbour()
    codes = [flooder.post("/portal/help/", VALID).status_code for _ in range(5)]
    assert codes == [302, 302, 429, 429, 429]
    other = neighbour()
    assert [other.post("/portal/help/", VALID).status_code for _ in range(3)] == [302, 302, 429]
    assert Case.objects.count() == 4


def test_a_flood_that_drops_its_cookie_meets_the_address_ceiling(limits, db):
    """Without the cookie each request is a new holder; the address as a whole may make PORTAL_ADDRESS_FACTOR
    times the limit (4 x 3 = 12 searches), so the flood stops there."""
    codes = [search(neighbour(), n) for n in range(14)]
    assert codes.count(200) == 12 and codes[-2:] == [429, 429]
    # Another address is not affected.
    assert search(Client(REMOTE_ADDR="100.64.0.8")) == 200


def test_a_resident_with_a_sticker_code_is_held_only_to_their_own_count(limits, offices, carol):
    from balekdusun.materials.services import create_batch

    sticker = create_batch(office=offices["sumsel"], size=1, actor=carol).stickers.get()
    # A cookie-less flood fills the address ceiling of help requests.
    for _ in range(2 * 4 + 2):
        neighbour().post("/portal/help/", VALID)
    assert neighbour().post("/portal/help/", VALID).status_code == 429
    resident = neighbour()
    with_code = {**VALID, "s": sticker.code}
    assert [resident.post("/portal/help/", with_code).status_code for _ in range(3)] == [302, 302, 429]


def test_a_refused_attempt_does_not_count(limits, db, monkeypatch):
    """Trying again while refused does not push the window on: after the window the holder may search again."""
    import time as real_time

    from balekdusun.core import ratelimit

    now = [real_time.time()]
    monkeypatch.setattr(ratelimit, "time", type("Clock", (), {"time": staticmethod(lambda: now[0])}))
    me = neighbour()
    assert [search(me, n) for n in range(6)] == [200, 200, 200, 429, 429, 429]
    now[0] += 3600
    assert search(me) == 200
