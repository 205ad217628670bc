"""A visit's effects happen with it, exactly once: stock handed out, sticker placed, cases opened, flags."""

import json

from balekdusun.visits.models import Visit
from balekdusun.visits.tests.conftest import visit_record

PUSH = "/api/v1/sync/push"


def push(client, headers, records):
    return client.post(PUSH, json.dumps({"records": records}), content_type="application/json", **headers).json()


def test_effects_applied_once_and_field_unknowables_flagged(client, bearer, bob, stocked):
    from balekdusun.cases.models import Case
    from balekdusun.materials.models import Sticker, StockMove

    hh, outreach, brochure, code = stocked["households"], stocked["outreach"], stocked["brochure"], stocked["codes"][0]
    first = visit_record(hh[0], outreach, materials=[{"material_id": brochure.pk, "quantity": 2}],
                         sticker_code=code.lower(),
                         followups=[{"kind": "broker_report", "note": "Sponsor menawarkan visa turis"},
                                    {"kind": "needs_documents", "note": ""}])
    h = bearer(bob)
    [res] = push(client, h, [first])["results"]
    assert res["status"] == "created" and res.get("flags", []) == []
    visit = Visit.objects.get(uuid=first["uuid"])
    assert visit.data["sticker_code"] == code
    sticker = Sticker.objects.get(code=code)
    assert sticker.status == "placed" and sticker.household_id == hh[0].pk and sticker.placed_by_visit == visit
    assert StockMove.objects.filter(visit=visit, kind="handed_out").get().quantity == 2
    assert sorted(Case.objects.filter(visit=visit).values_list("kind", flat=True)) == ["document_help",
                                                                                     "illegal_recruiter"]
    # A retry changes nothing.
    assert push(client, h, [first])["results"][0]["status"] == "duplicate"
    assert StockMove.objects.filter(visit=visit).count() == 1 and Case.objects.count() == 2

    # Same sticker on another house, and more brochures than the team still holds: stored and flagged.
    second = visit_record(hh[1], outreach, materials=[{"material_id": brochure.pk, "quantity": 5}], sticker_code=code)
    [res] = push(client, h, [second])["results"]
    assert res["status"] == "created"
    assert set(res["flags"]) == {"sticker.already_placed", "materials.over_issued"}
    assert set(Visit.objects.get(uuid=second["uuid"]).data["flags"]) == set(res["flags"])
    assert Sticker.objects.get(code=code).household_id == hh[0].pk


def test_mistyped_sticker_code_is_flagged_not_refused(client, bearer, bob, stocked):
    code = stocked["codes"][1]
    wrong = code[:-1] + ("2" if code[-1] != "2" else "3")
    rec = visit_record(stocked["households"][2], stocked["outreach"], sticker_code=wrong)
    [res] = push(client, bearer(bob), [rec])["results"]
    assert res["status"] == "created" and res["flags"] == ["sticker.invalid_code"]


def test_unknown_material_is_invalid(client, bearer, bob, stocked):
    rec = visit_record(stocked["households"][0], materials=[{"material_id": 99999, "quantity": 1}])
    [res] = push(client, bearer(bob), [rec])["results"]
    assert res["status"] == "invalid" and res["errors"][0]["field"] == "materials.0.material_id"
    assert Visit.objects.count() == 0
