"""The conflict screen compares meaning, not text, and shows both versions as the visit page does."""

import datetime as dt
import json
import re
import uuid

from balekdusun.visits import present
from balekdusun.visits.models import SyncConflict
from balekdusun.visits.tests.conftest import VILLAGE, visit_record


def _push(client, bearer, user, *records):
    r = client.post("/api/v1/sync/push", json.dumps({"records": list(records)}), content_type="application/json",
                    **bearer(user))
    assert r.status_code == 200
    return r.json()["results"]


def _differing(rows):
    return [r.label for r in rows if r.differs]


def test_same_meaning_in_other_spellings_is_equal(db, stocked):
    hh, brochure = stocked["households"][0], stocked["brochure"]
    other = type(brochure).objects.create(kind="brochure", title="Tanda calo")
    stored = {"household": hh.pk, "visited_at": dt.datetime(2026, 1, 5, 2, 30, tzinfo=dt.UTC), "outcome": "met",
              "knowledge": {"legal_procedure": True},
              "materials": [{"material_id": brochure.pk, "quantity": 1}, {"material_id": other.pk, "quantity": 2}],
              "topics": ["jobs", "hotline"], "sticker_code": stocked["codes"][0]}
    incoming = {"household": hh.pk, "visited_at": "2026-01-05T09:30:00+07:00", "outcome": "met",
                "knowledge": {"legal_procedure": True, "hotline": None, "warning_signs": None},
                "materials": [{"material_id": other.pk, "quantity": 2}, {"material_id": brochure.pk, "quantity": 1}],
                "topics": ["hotline", "jobs"], "sticker_code": stocked["codes"][0].lower(),
                "migration": {"abroad": [], "returnees": 0, "planning": []}, "story": {"text": "", "consent_to_quote": False}}
    refs = present.Refs.load([stored, incoming])
    rows = present.compare(present.visit_facts(stored, refs), present.visit_facts(incoming, refs))
    assert _differing(rows) == []
    # The same instant as +00:00 and Z.
    zulu = dict(incoming, visited_at="2026-01-05T02:30:00Z")
    rows = present.compare(present.visit_facts(dict(stored, visited_at="2026-01-05T02:30:00+00:00"), refs),
                           present.visit_facts(zulu, refs))
    assert _differing(rows) == []
    # A real difference is one row, named in words.
    rows = present.compare(present.visit_facts(stored, refs),
                           present.visit_facts(dict(incoming, knowledge={"legal_procedure": False}), refs))
    assert _differing(rows) == ["Tahu prosedur resmi bekerja ke luar negeri?"]


def test_conflict_screen_in_words(client, bearer, bob, carol, login, stocked):
    hh, outreach = stocked["households"][0], stocked["outreach"]
    rec = visit_record(hh, outreach, materials=[{"material_id": stocked["brochure"].pk, "quantity": 1}],
                       accuracy_m=8)
    other = json.loads(json.dumps(rec))
    # The same instant, written in UTC.
    utc = dt.datetime.fromisoformat(rec["data"]["visited_at"]).astimezone(dt.UTC).isoformat().replace("+00:00", "Z")
    other["data"].update(outcome="not_home", met_role="", knowledge=None, visited_at=utc)
    _push(client, bearer, bob, rec)
    assert _push(client, bearer, bob, other)[0]["status"] == "conflict"
    conflict = SyncConflict.objects.get()
    html = login(carol).get(f"/visits/conflicts/{conflict.pk}/").content.decode()
    body = html.split('<main id="main"', 1)[1]
    text = re.sub(r"<[^>]+>", " ", body)
    differing = re.findall(r'<tr class="differs">\s*<th scope="row">([^<]+)', body)
    assert [d.strip() for d in differing] == [
        "Hasil", "Bertemu dengan", "Tahu prosedur resmi bekerja ke luar negeri?",
        "Tahu nomor pengaduan?", "Tahu tanda tawaran kerja palsu?"]
    assert "Bertemu" in text and "Tidak ada orang" in text  # outcomes in words
    assert "1 × Bekerja ke luar negeri secara resmi v1" in text  # materials by name
    assert "Rumah 1, RT 001, Dusun I" in text and "household" not in text.lower()
    assert "Malaysia · Perkebunan" in text
    for raw in ("accuracy_m", "legal_procedure", "not_home", "+00:00", "True", "None", "{", "household_uuid"):
        assert raw not in text, raw
    assert f'href="/visits/{hh.visits.get().uuid}/"' in body


def test_household_conflict_in_words(client, bearer, bob, carol, login, field_setup):
    uid = str(uuid.uuid4())
    rec = {"type": "household", "uuid": uid, "data": {"village": VILLAGE, "dusun": "II", "rt": "003",
                                                      "address": "Rumah panggung biru", "accuracy_m": 5}}
    other = json.loads(json.dumps(rec))
    other["data"].update(address="Rumah panggung hijau", accuracy_m=12)
    _push(client, bearer, bob, rec)
    assert _push(client, bearer, bob, other)[0]["status"] == "conflict"
    conflict = SyncConflict.objects.get()
    body = login(carol).get(f"/visits/conflicts/{conflict.pk}/").content.decode().split('<main id="main"', 1)[1]
    differing = re.findall(r'<tr class="differs">\s*<th scope="row">([^<]+)', body)
    assert [d.strip() for d in differing] == ["Alamat"]
    assert "Pematang Buluran" in body and VILLAGE not in body
