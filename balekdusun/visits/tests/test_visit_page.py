"""The page of one visit: everything recorded, in words, scoped and audited; linked from the lists of visits."""

import json
import re
import uuid

import pytest
from django.utils import formats, timezone

from balekdusun.core.models import AuditEntry
from balekdusun.visits.models import Visit
from balekdusun.visits.tests.conftest import visit_record

CODE_LIKE = re.compile(r"\b(not_home|met_role|legal_procedure|warning_signs|sticker\.\w+|materials\.\w+|"
                       r"visit\.\w+|plantation|wants_to_apply|family_in_trouble|True|False|None)\b")


def _push(client, bearer, user, records):
    r = client.post("/api/v1/sync/push", json.dumps({"records": records}), content_type="application/json",
                    **bearer(user))
    assert r.status_code == 200, r.content
    return r.json()["results"]


@pytest.fixture
def full_visit(client, bearer, bob, stocked):
    """A visit with everything: materials, a sticker, a story with consent, two follow-ups (one case restricted)."""
    household = stocked["households"][0]
    rec = visit_record(household, stocked["outreach"],
                       materials=[{"material_id": stocked["brochure"].pk, "quantity": 2}],
                       sticker_code=stocked["codes"][0],
                       story={"text": "Kakak saya berangkat lewat calo ke Malaysia.", "consent_to_quote": True},
                       followups=[{"kind": "family_in_trouble", "note": "Gaji belum dibayar"},
                                  {"kind": "wants_to_apply", "note": ""}],
                       migration={"abroad": [{"country": "MY", "sector": "plantation", "procedural": False,
                                              "year": 2022},
                                             {"country": "SA", "sector": "domestic_worker", "procedural": True}],
                                  "returnees": 1, "planning": [{"when": "within_1_year", "country": "JP"}]})
    [result] = _push(client, bearer, bob, [rec])
    assert result["status"] == "created"
    visit = Visit.objects.get(uuid=rec["uuid"])
    from balekdusun.cases.models import Case

    # The office marks one case restricted (suspected trafficking): carol may not open it.
    Case.objects.filter(visit=visit, kind="repatriation").update(sensitivity="restricted")
    return visit


def test_visit_page_in_words(login, carol, full_visit, stocked):
    r = login(carol).get(f"/visits/{full_visit.uuid}/")
    assert r.status_code == 200
    html = r.content.decode()
    text = re.sub(r"<[^>]+>", " ", html.split('<main id="main"', 1)[1])
    # who, when, where, outcome
    assert "Bob" in text and "Bertemu" in text
    day = full_visit.visited_at.astimezone(timezone.get_current_timezone())
    assert f"{formats.date_format(day, 'l, j F Y')}, 00.30" in text
    assert 'id="visit-map"' in html and "-3.30000, 104.90000" in text
    # materials by title and quantity, the sticker code
    assert "2 × Bekerja ke luar negeri secara resmi v1" in text and "×#" not in text
    assert stocked["codes"][0] in text
    # topics, migration profile, knowledge as question and answer
    assert "Nomor pengaduan" in text and "Peluang kerja" in text
    assert "Malaysia · Perkebunan · berangkat tidak resmi · sejak 2022" in text
    assert "Arab Saudi · Pekerja rumah tangga · berangkat secara resmi" in text
    assert "Berencana berangkat dalam setahun · Jepang" in text
    assert "Tahu prosedur resmi bekerja ke luar negeri?" in text and "Tahu nomor pengaduan?" in text
    # the story with its consent
    assert "Kakak saya berangkat lewat calo ke Malaysia." in text and "Bersedia dikutip tanpa nama." in text
    # follow-ups: the open case linked, the restricted one named without its reference
    from balekdusun.cases.models import Case

    normal = Case.objects.get(visit=full_visit, kind="information")
    restricted = Case.objects.get(visit=full_visit, kind="repatriation")
    assert f'href="/cases/{normal.reference}/"' in html
    assert restricted.reference not in html and restricted.display_reference not in text
    assert "Kasus terbatas" in text
    assert not CODE_LIKE.search(text), CODE_LIKE.search(text)
    assert not re.search(r"#\d", text) and "household " not in text.lower()
    # viewing a family's migration profile and story is audited
    assert AuditEntry.objects.filter(action="personal.viewed", actor=carol, object_id=str(full_visit.pk)).exists()


def test_visit_page_explains_flags(login, carol, client, bearer, bob, stocked):
    # The same sticker on a second house: flagged, and the flag reads as a sentence.
    rec = visit_record(stocked["households"][1], stocked["outreach"], sticker_code=stocked["codes"][0])
    again = visit_record(stocked["households"][2], stocked["outreach"], sticker_code=stocked["codes"][0])
    _push(client, bearer, bob, [rec, again])
    visit = Visit.objects.get(uuid=again["uuid"])
    assert visit.data["flags"] == ["sticker.already_placed"]
    c = login(carol)
    text = c.get(f"/visits/{visit.uuid}/").content.decode()
    assert "sudah terpasang di rumah lain" in text and "sticker.already_placed" not in text
    day = c.get(f"/visits/day/{stocked['outreach'].pk}/").content.decode()
    assert "sudah terpasang di rumah lain" in day and "sticker.already_placed" not in day


def test_visit_page_scoped(login, jane, dina, victor, bob, full_visit):
    assert login(jane).get(f"/visits/{full_visit.uuid}/").status_code == 404
    assert login(bob).get(f"/visits/{full_visit.uuid}/").status_code == 403
    assert login(victor).get(f"/visits/{full_visit.uuid}/").status_code == 403
    assert login(jane).get(f"/visits/{uuid.uuid4()}/").status_code == 404
    assert not AuditEntry.objects.filter(action="personal.viewed").exists()


def test_lists_link_to_the_visit(login, carol, dave, full_visit, stocked):
    c = login(carol)
    link = f'href="/visits/{full_visit.uuid}/"'
    day = c.get(f"/visits/day/{stocked['outreach'].pk}/").content.decode()
    assert link in day
    # the tiles read in words
    assert re.search(r"<strong>1</strong>\s*Bertemu", day) and "not_home" not in day
    from balekdusun.cases.models import Case

    case = Case.objects.get(visit=full_visit, kind="information")
    assert link in c.get(f"/cases/{case.reference}/").content.decode()
    households = c.get(f"/planning/villages/{full_visit.village_id}/households/").content.decode()
    assert link in households
