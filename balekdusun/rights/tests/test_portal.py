"""The resident's side: filing on the portal, the status check, bad paths, limits."""

import pytest

from balekdusun.core.models import AuditEntry
from balekdusun.rights import conf
from balekdusun.rights.models import RightsRequest
from balekdusun.rights.tests.conftest import PHONE

pytestmark = pytest.mark.django_db


def post_request(client, sticker, phone=PHONE, kind="access", **extra):
    return client.post("/portal/data/", {"kind": kind, "sticker": sticker, "phone": phone, **extra})


def test_portal_links_to_the_data_page(client, home):
    assert 'href="/portal/data/' in client.get("/portal/").content.decode()
    page = client.get(f"/s/{home['sticker'].code}").content.decode()
    assert f'href="/portal/data/?s={home["sticker"].code}"' in page


def test_request_with_sticker_and_recorded_phone_lands_in_the_office_queue_with_the_law_clock(client, home, offices):
    resp = post_request(client, home["sticker"].code.lower(), kind="erasure")
    assert resp.status_code == 201
    req = RightsRequest.objects.get()
    page = resp.content.decode()
    assert req.display_reference in page and req.display_reference.startswith("HAK-")
    assert req.office == offices["sumsel"] and req.household == home["household"]
    assert req.verification == "phone" and req.kind == "erasure" and req.status == "received"
    assert (req.due_at - req.received_at).total_seconds() == conf.ANSWER_HOURS * 3600 == 72 * 3600
    # Nothing about the household on the public answer, and no id in it.
    assert "Siti" not in page and "Rumah dekat masjid" not in page and f"/{req.pk}/" not in page
    assert AuditEntry.objects.filter(action="rights.requested", object_id=str(req.pk)).exists()
    assert resp["Cache-Control"].startswith("private") or "no-store" in resp["Cache-Control"]


def test_wrong_phone_is_a_field_error_and_files_nothing(client, home):
    resp = post_request(client, home["sticker"].code, phone="0812 0000 0000")
    assert resp.status_code == 422
    assert "not the one recorded for this house" in resp.content.decode() or \
        "bukan nomor yang tercatat" in resp.content.decode()
    assert RightsRequest.objects.count() == 0


def test_unknown_sticker_code_is_a_field_error(client, home):
    resp = post_request(client, "ZZZZ-ZZZZ")
    assert resp.status_code == 422
    form = resp.context["form"]
    assert "sticker" in form.errors and RightsRequest.objects.count() == 0


def test_missing_and_hostile_values_are_field_errors_never_5xx(client, home):
    for data in ({}, {"kind": "true", "sticker": "1", "phone": "NaN"},
                 {"kind": "access", "sticker": "\x00" * 40, "phone": "x" * 5000},
                 {"kind": ["access", "erasure"], "sticker": home["sticker"].code, "phone": "+1e308"},
                 {"kind": "correction", "sticker": home["sticker"].code, "phone": PHONE}):
        resp = client.post("/portal/data/", data)
        assert resp.status_code == 422, data
    assert "details" in resp.context["form"].errors  # a correction must say what is wrong
    assert RightsRequest.objects.count() == 0


def test_in_person_verification_needs_no_recorded_phone_and_waits_for_staff(client, home):
    resp = post_request(client, home["sticker"].code, phone="0813 1111 2222", in_person="on", kind="access")
    assert resp.status_code == 201
    req = RightsRequest.objects.get()
    assert req.verification == "pending"
    assert "confirm who you are" in resp.content.decode() or "memastikan" in resp.content.decode()


def test_honeypot_refuses(client, home):
    resp = post_request(client, home["sticker"].code, website="http://spam")
    assert resp.status_code == 400 and RightsRequest.objects.count() == 0


def test_filing_is_rate_limited_per_sticker(client, home, settings):
    for _ in range(conf.REQUEST_LIMIT):
        post_request(client, home["sticker"].code, phone="0812 0000 0000")
    resp = post_request(client, home["sticker"].code)
    assert resp.status_code == 429 and RightsRequest.objects.count() == 0


def test_status_by_reference_and_phone_through_post_only(client, home):
    post_request(client, home["sticker"].code)
    req = RightsRequest.objects.get()
    resp = client.post("/portal/data/status/", {"reference": req.display_reference.lower(), "phone": PHONE})
    assert resp.status_code == 200
    assert resp.context["req"] == req and req.display_reference in resp.content.decode()
    # A reference in the query string shows nothing: the status is never looked up from a URL.
    resp = client.get("/portal/data/status/", {"reference": req.display_reference, "phone": PHONE})
    assert resp.status_code == 200 and resp.context["req"] is None


def test_status_with_wrong_phone_or_unknown_reference_says_nothing(client, home):
    post_request(client, home["sticker"].code)
    req = RightsRequest.objects.get()
    for ref, phone in ((req.display_reference, "0812 0000 0000"), ("HAK-0000-0000", PHONE), ("true", PHONE),
                       (req.display_reference, "NaN")):
        resp = client.post("/portal/data/status/", {"reference": ref, "phone": phone})
        assert resp.status_code == 404, (ref, phone)
        assert resp.context["req"] is None
    assert client.post("/portal/data/status/", {"reference": "", "phone": ""}).status_code == 422


def test_status_check_is_rate_limited(client, home):
    post_request(client, home["sticker"].code)
    req = RightsRequest.objects.get()
    for _ in range(conf.STATUS_LIMIT):
        client.post("/portal/data/status/", {"reference": req.display_reference, "phone": "0812 0000 0000"})
    resp = client.post("/portal/data/status/", {"reference": req.display_reference, "phone": PHONE})
    assert resp.status_code == 429
