"""Ask for help / report, and "check my report"."""

import re

import pytest

from balekdusun.cases.models import Case

VALID = {"kind": "broker", "description": "Ada calo menawarkan kerja di Kamboja dengan visa turis.",
         "village": "16.02.08.2017", "name": "Ani Contoh", "phone": "0812-3456-7890", "consent": "on"}


def field_has_error(page: str, field: str) -> bool:
    """The form block of `field` is marked invalid and carries an error message."""
    block = next(b for b in page.split('<div class="field')[1:] if f'id="id_{field}' in b)
    return block.startswith(" invalid") and 'class="error"' in block


def post_help(client, **changes):
    data = {**VALID, **changes}
    return client.post("/portal/help/", {k: v for k, v in data.items() if v is not None})


def test_help_request_opens_a_case_and_shows_the_reference(client, offices):
    resp = post_help(client)
    assert resp.status_code == 302 and resp["Location"].startswith("/portal/help/sent/?t=")
    case = Case.objects.get()
    assert case.source == "portal" and case.office == offices["sumsel"] and case.village_id == "16.02.08.2017"
    assert case.kind == "illegal_recruiter"
    done = client.get(resp["Location"])
    page = done.content.decode()
    assert done.status_code == 200 and case.reference in page and "no-store" in done["Cache-Control"]
    # Nothing of what was typed comes back on the confirmation page.
    assert "Kamboja" not in page and "Ani Contoh" not in page and "7890" not in page


def test_check_my_report_shows_the_status_only(client, offices):
    post_help(client)
    case = Case.objects.get()
    resp = client.post("/portal/check/", {"reference": case.reference.lower(), "phone_last4": "7890"})
    page = resp.content.decode()
    assert resp.status_code == 200
    assert 'id="status"' in page
    assert "Kamboja" not in page and "Ani Contoh" not in page and case.village_id not in page
    wrong = client.post("/portal/check/", {"reference": case.reference, "phone_last4": "0000"})
    assert wrong.status_code == 404 and 'id="status"' not in wrong.content.decode()


@pytest.mark.parametrize("data, field", [
    ({"reference": "", "phone_last4": "1234"}, "reference"),
    ({"reference": "ABCDEFGH", "phone_last4": "12a4"}, "phone_last4"),
    ({"reference": "ABCDEFGH", "phone_last4": "12345"}, "phone_last4"),
])
def test_check_rejects_bad_input_naming_the_field(client, db, data, field):
    resp = client.post("/portal/check/", data)
    assert resp.status_code == 422
    assert field_has_error(resp.content.decode(), field)


def test_help_without_contact_needs_no_consent_and_stores_none(client, offices):
    resp = post_help(client, name="", phone="", consent=None, kind="information")
    assert resp.status_code == 302
    case = Case.objects.get()
    assert case.kind == "information"
    done = client.get(resp["Location"]).content.decode()
    assert "hotline" in done.lower()


def test_name_without_consent_is_refused_and_keeps_what_was_typed(client, offices):
    resp = post_help(client, consent=None)
    page = resp.content.decode()
    assert resp.status_code == 422 and not Case.objects.exists()
    assert field_has_error(page, "consent")
    assert "Ada calo menawarkan kerja di Kamboja" in page and 'value="Ani Contoh"' in page
    assert re.search(r'<input[^>]*value="broker"[^>]*checked', page)


@pytest.mark.parametrize("changes, field", [
    ({"description": ""}, "description"),
    ({"kind": "gossip"}, "kind"),
    ({"village": "Desa Yang Tidak Ada Sama Sekali"}, "village"),
    ({"village": "16.02"}, "village"),
    ({"phone": "12"}, "phone"),
    ({"description": "x" * 3001}, "description"),
    ({"village": "Pematang\x00Buluran"}, "village"),
    ({"village": "desa " * 100}, "village"),
    ({"name": "Ani\x00"}, "name"),
])
def test_help_rejects_bad_input_naming_the_field(client, offices, changes, field):
    resp = post_help(client, **changes)
    assert resp.status_code == 422, resp.content[:200]
    page = resp.content.decode()
    assert field_has_error(page, field)
    assert not Case.objects.exists()


def test_village_typed_by_name_is_accepted(client, offices):
    assert post_help(client, village="Pematang Buluran").status_code == 302
    assert Case.objects.get().village_id == "16.02.08.2017"


def test_village_no_office_covers_is_refused_politely(client, offices):
    offices["sumsel"].jurisdiction = ["16.01"]
    offices["sumsel"].save()
    resp = post_help(client)
    assert resp.status_code == 422 and "0800-1000" in resp.content.decode()
    assert not Case.objects.exists()


def test_honeypot_refuses_without_a_case(client, offices):
    resp = post_help(client, website="http://spam.example")
    assert resp.status_code == 400 and not Case.objects.exists()
    assert "0800-1000" in resp.content.decode()


def test_help_is_rate_limited_per_client(client, offices, monkeypatch):
    from balekdusun.portal import conf

    monkeypatch.setattr(conf, "HELP_LIMIT", 2)
    codes = [post_help(client).status_code for _ in range(3)]
    assert codes == [302, 302, 429]
    assert Case.objects.count() == 2
    # Another client is not affected.
    from django.test import Client

    assert post_help(Client(REMOTE_ADDR="10.9.8.7")).status_code == 302


def test_check_is_rate_limited(client, db, monkeypatch):
    from balekdusun.portal import conf

    monkeypatch.setattr(conf, "CHECK_LIMIT", 3)
    codes = [client.post("/portal/check/", {"reference": "ABCDEFGH", "phone_last4": "1234"}).status_code
             for _ in range(4)]
    assert codes[-1] == 429 and 429 not in codes[:3]


def test_rate_limit_stores_no_address(client, offices):
    """The shared counters (core/counters.py; the database without Redis) hold salted hashes only: neither the
    address nor the device cookie appears in a key."""
    from balekdusun.core.models import RateCounter

    post_help(client)
    device = client.cookies["bd_device"].value
    keys = list(RateCounter.objects.values_list("key", flat=True))
    assert keys and not any("127.0.0.1" in k or device in k for k in keys)


def test_help_from_a_sticker_links_the_case_to_the_sticker(client, offices, carol):
    from balekdusun.materials.services import create_batch

    sticker = create_batch(office=offices["sumsel"], size=1, actor=carol).stickers.get()
    page = client.get(f"/portal/help/?s={sticker.code}").content.decode()
    assert f'name="s" value="{sticker.code}"' in page
    from balekdusun.campaigns.models import Household

    sticker.household = Household.objects.create(village_id="16.02.08.2017")
    sticker.save()
    page = client.get(f"/portal/help/?s={sticker.code}").content.decode()
    assert 'value="Pematang Buluran"' in page  # the village is pre-filled by its name
    resp = client.post("/portal/help/", {**VALID, "s": sticker.code})
    assert resp.status_code == 302
    assert Case.objects.get().sticker == sticker


def test_done_page_refuses_a_forged_token(client, db):
    resp = client.get("/portal/help/sent/?t=forged")
    assert resp.status_code == 302 and resp["Location"] == "/portal/help/"


def test_help_form_page_is_never_cached(client, db):
    resp = client.get("/portal/help/")
    assert "no-store" in resp["Cache-Control"]
    assert 'name="website"' in resp.content.decode() and 'tabindex="-1"' in resp.content.decode()


def test_ambiguous_village_name_offers_the_choices(client, offices):
    resp = post_help(client, village="Penyandingan")
    page = resp.content.decode()
    assert resp.status_code == 422 and field_has_error(page, "village")
    codes = re.findall(r'name="village_pick" value="([\d.]+)"', page)
    assert len(codes) == 2
    resp = post_help(client, village="Penyandingan", village_pick=codes[1])
    assert resp.status_code == 302
    assert Case.objects.get().village_id == codes[1]


def test_correcting_the_form_does_not_lock_a_resident_out(client, offices, monkeypatch):
    from balekdusun.portal import conf

    monkeypatch.setattr(conf, "HELP_LIMIT", 2)
    for _ in range(6):
        assert post_help(client, description="").status_code == 422
    assert post_help(client).status_code == 302
    # A script posting without end still meets the loose limit.
    codes = {post_help(client, description="").status_code for _ in range(10)}
    assert 429 in codes
