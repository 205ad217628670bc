from balekdusun.cases.models import Case
from balekdusun.core.models import AuditEntry


def test_api_open_read_move_and_note(client, bearer, carol, bob, rules):
    headers = bearer(carol)
    response = client.post("/api/v1/cases", {"kind": "unpaid_wages", "source": "hotline", "village": "16.02.08.2017",
                                             "description": "Gaji", "reporter_name": "Siti", "consent": True,
                                             "reporter_phone": "081234567890"},
                           content_type="application/json", **headers)
    assert response.status_code == 201, response.content
    ref = response.json()["reference"]
    assert response.json()["reporter_phone"] == "+6281234567890"
    assert client.get("/api/v1/cases", **headers).json()[0]["reference"] == ref
    moved = client.post(f"/api/v1/cases/{ref}/status", {"status": "resolved"}, content_type="application/json",
                        **headers)
    assert moved.status_code == 422 and moved.json()["code"] == "case.bad_transition"
    moved = client.post(f"/api/v1/cases/{ref}/status", {"status": "verified"}, content_type="application/json",
                        **headers)
    assert moved.status_code == 200 and moved.json()["status"] == "verified"
    noted = client.post(f"/api/v1/cases/{ref}/notes", {"text": "Dihubungi"}, content_type="application/json",
                        **headers)
    assert noted.status_code == 201 and [e["kind"] for e in noted.json()["timeline"]] == ["opened", "status", "note"]


def test_api_errors_and_redaction(client, bearer, carol, dina, open_case):
    case = open_case()
    bad = client.post("/api/v1/cases", {"kind": "nope"}, content_type="application/json", **bearer(carol))
    assert bad.status_code == 422 and bad.json()["field"] == "kind"
    assert client.get("/api/v1/cases/ZZZZ-ZZZZ", **bearer(carol)).status_code == 404
    # a village official reads the case of her village without personal data, and may not write
    body = client.get(f"/api/v1/cases/{case.reference}", **bearer(dina)).json()
    assert body["reporter_name"] is None and body["description"] is None and "Siti" not in str(body)
    assert client.post("/api/v1/cases", {"kind": "other"}, content_type="application/json",
                       **bearer(dina)).status_code == 403
    assert not Case.objects.exclude(pk=case.pk).exists()


def test_api_restricted_read_is_audited(client, bearer, dave, bob, open_case):
    case = open_case(sensitivity="restricted", assignee=bob)
    assert client.get(f"/api/v1/cases/{case.reference}", **bearer(dave)).status_code == 200
    assert AuditEntry.objects.filter(action="case.viewed", actor=dave).count() == 1
