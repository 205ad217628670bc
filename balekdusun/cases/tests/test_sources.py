"""Cases arriving from the other apps' services reach the back office and can be worked to the end."""

from django.utils import translation

from balekdusun.cases import services


def test_portal_report_is_worked_to_closed_and_status_is_public(offices, login, dave, bob, carol, rules):
    from balekdusun.portal.services import submit_help_request
    from balekdusun.regions.models import Area

    case = submit_help_request(kind="family_abroad", description="Anak kami tidak bisa pulang dari Johor",
                               village=Area.objects.get(code="16.02.08.2017"), name="Warga Contoh",
                               phone="0813 5555 1234", consent=True)
    assert (case.source, case.kind, case.office) == ("portal", "repatriation", offices["sumsel"])
    # repatriation is restricted by default: the head sees it and assigns it; the coordinator does not see it
    assert login(carol).get(f"/cases/{case.reference}/").status_code == 404
    head = login(dave)
    assert case.display_reference in head.get("/cases/").content.decode()
    assert head.post(f"/cases/{case.reference}/assign/", {"assignee": bob.pk}).status_code == 302
    officer = login(bob)
    for status in ("verified", "in_progress", "resolved"):
        assert officer.post(f"/cases/{case.reference}/status/", {"status": status}).status_code == 302
    from balekdusun.cases.models import ClosureReason

    resolved = ClosureReason.objects.get(code="resolved")
    assert officer.post(f"/cases/{case.reference}/status/",
                        {"status": "closed", "closure_reason": resolved.pk}).status_code == 302
    with translation.override("id"):
        assert services.check_status(reference=case.display_reference, phone_last4="1234") == "Ditutup"
    timeline = [e.kind for e in case.events.all()]
    assert timeline == ["opened", "assignment", "status", "status", "status", "status"]


def test_openapi_schema_lists_the_case_endpoints(client):
    schema = client.get("/api/v1/openapi.json").json()
    paths = [p for p in schema["paths"] if p.startswith("/api/v1/cases")]
    assert {"/api/v1/cases", "/api/v1/cases/{reference}", "/api/v1/cases/{reference}/status",
            "/api/v1/cases/{reference}/notes"} <= set(paths)
