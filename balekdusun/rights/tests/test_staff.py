"""The office's side: the queue, scoping across offices, answering each kind of request."""

import datetime as dt
import json

import pypdfium2
import pytest
from django.db import connection
from django.utils import timezone

from balekdusun.campaigns.models import Household
from balekdusun.cases.models import Case
from balekdusun.core.models import AuditEntry
from balekdusun.reports.tests.factories import assert_rebuild_agrees, snapshot
from balekdusun.rights import services
from balekdusun.rights.models import RightsRequest
from balekdusun.rights.tests.conftest import NOTE, PHONE, STORY
from balekdusun.visits.models import SyncConflict, Visit

pytestmark = pytest.mark.django_db


def file(home, kind="access", **kw):
    return services.file_from_portal(kind=kind, sticker_code=home["sticker"].code, phone=PHONE, **kw)


def test_queue_lists_open_requests_by_urgency_with_the_deadline_in_words(client, login, carol, home):
    late = file(home, "erasure")
    RightsRequest.objects.filter(pk=late.pk).update(due_at=timezone.now() - dt.timedelta(hours=5))
    soon = file(home, "access")
    login(carol)
    resp = client.get("/rights/")
    assert resp.status_code == 200
    page = resp.content.decode()
    assert [r.pk for r in resp.context["open_requests"]] == [late.pk, soon.pk]
    assert page.index(late.display_reference) < page.index(soon.display_reference)
    assert "terlambat" in page  # "5 jam terlambat": the expired one says so, in words
    assert "tersisa" in page  # the other says how long is left
    assert "overdue" in page


def test_roles_without_the_permission_are_refused(client, login, bob, victor, dina, home):
    req = file(home)
    for user in (bob, victor, dina):
        login(user)
        assert client.get("/rights/").status_code == 403
        assert client.get(f"/rights/{req.reference}/").status_code == 403


def test_another_office_does_not_see_the_request(client, login, jane, home, jatim_home):
    req = file(home)
    mine = services.file_from_portal(kind="access", sticker_code=jatim_home["sticker"].code, phone=PHONE)
    login(jane)
    resp = client.get("/rights/")
    assert [r.pk for r in resp.context["open_requests"]] == [mine.pk]
    for url in (f"/rights/{req.reference}/", f"/rights/{req.reference}/copy.json"):
        assert client.get(url).status_code == 404
    for action in ("verify", "answer", "erase", "refuse", "correct"):
        assert client.post(f"/rights/{req.reference}/{action}/", {"confirm": "on", "reason": "x"}).status_code == 404
    assert RightsRequest.objects.get(pk=req.pk).status == "received"


def test_hostile_references_are_not_found(client, login, carol, home):
    login(carol)
    for ref in ("true", "1", "0" * 500, "HAK-%00", "NaN"):
        assert client.get(f"/rights/{ref}/").status_code == 404


def test_staff_files_after_in_person_verification(client, login, carol, home):
    login(carol)
    data = {"sticker": home["sticker"].code, "kind": "correction", "name": "Siti", "phone": "0813 2222 3333",
            "details": "Nama salah eja"}
    resp = client.post("/rights/new/", data)
    assert resp.status_code == 422 and "verified" in resp.context["form"].errors
    assert RightsRequest.objects.count() == 0
    resp = client.post("/rights/new/", {**data, "verified": "on"})
    req = RightsRequest.objects.get()
    assert resp.status_code == 302 and resp["Location"] == f"/rights/{req.reference}/"
    assert req.verification == "in_person" and req.verified_by == carol and req.channel == "staff"
    # The resident checks the status with the phone they gave at the office.
    assert services.status_for(reference=req.display_reference, phone="0813 2222 3333") == req


def test_staff_cannot_file_for_a_house_of_another_office(client, login, carol, jatim_home):
    login(carol)
    resp = client.post("/rights/new/", {"sticker": jatim_home["sticker"].code, "kind": "access", "name": "X",
                                        "phone": PHONE, "verified": "on"})
    assert resp.status_code == 422 and "sticker" in resp.context["form"].errors
    assert RightsRequest.objects.count() == 0


def test_pending_verification_blocks_the_answer_until_verified(client, login, carol, home):
    req = services.file_from_portal(kind="access", sticker_code=home["sticker"].code, phone="0813 1111 2222",
                                    in_person=True)
    login(carol)
    assert client.get(f"/rights/{req.reference}/copy.json").status_code == 422
    assert client.post(f"/rights/{req.reference}/answer/").status_code == 422
    assert RightsRequest.objects.get(pk=req.pk).status == "received"
    assert client.post(f"/rights/{req.reference}/verify/").status_code == 302
    assert client.get(f"/rights/{req.reference}/copy.json").status_code == 200


def test_access_copy_json_and_pdf_hold_everything_readable_and_are_audited(client, login, carol, dave, home):
    req = file(home)
    login(dave)
    visit = Visit.objects.filter(household=home["household"]).first()
    assert client.get(f"/visits/{visit.uuid}/").status_code == 200  # someone looks at a visit: the copy says so
    login(carol)
    resp = client.get(f"/rights/{req.reference}/copy.json")
    assert resp.status_code == 200 and resp["Content-Type"].startswith("application/json")
    text = resp.content.decode()
    data = json.loads(text)
    assert STORY in text and NOTE in text  # stories decrypted for the copy
    assert "Siti Rahmawati Contoh" in text and home["sticker"].code in text
    assert "Rumah dekat masjid" in text and "Malaysia" in text
    assert "MARKER-CASE" not in text and "Pelapor Rahasia" not in text  # what the law lets the office withhold
    assert len(data["Kunjungan"]) == 2 and len(data["Kasus"]) == 2
    who = data["Siapa yang menggunakan data ini"]
    assert any("Kepala kantor" in row["Siapa"] and row["Apa"] == "Data pribadi dilihat" for row in who)
    # No codes: no database id or choice key among the values.
    assert str(visit.uuid) not in text and '"id"' not in text and '"pk"' not in text
    assert '"in_progress"' not in text and '"met"' not in text and '"placed"' not in text
    pdf = client.get(f"/rights/{req.reference}/copy.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF-")
    doc = pypdfium2.PdfDocument(pdf.content)
    printed = " ".join(" ".join(doc[i].get_textpage().get_text_range().split()) for i in range(len(doc)))
    for words in ("Siti Rahmawati Contoh", "MARKER-STORY", "Siapa yang menggunakan data ini", "Data pribadi dilihat",
                  req.display_reference, home["sticker"].code):
        assert words in printed, words
    assert AuditEntry.objects.filter(action="rights.copy_downloaded").count() == 2
    assert client.get(f"/rights/{req.reference}/copy.xml").status_code == 404
    resp = client.post(f"/rights/{req.reference}/answer/", {"note": "Diserahkan di kantor"})
    assert resp.status_code == 302
    req.refresh_from_db()
    assert req.status == "answered" and req.answered_by == carol
    # Answering twice is refused, not repeated.
    assert client.post(f"/rights/{req.reference}/answer/").status_code == 422


def test_correction_changes_the_named_fields_and_audits_names_not_values(client, login, carol, home):
    req = file(home, "correction", details="Nama kepala keluarga salah")
    login(carol)
    fields = {"head_name": "Siti Rahmawati", "phone": "0812 9876 5432", "address": "Rumah dekat masjid",
              "dusun": "", "rt": "003", "rw": "001"}
    bad = client.post(f"/rights/{req.reference}/correct/", {**fields, "phone": "not a phone"})
    assert bad.status_code == 422 and "phone" in bad.context["correction_form"].errors
    assert Household.objects.get(pk=home["household"].pk).head_name == "Siti Rahmawati Contoh"
    resp = client.post(f"/rights/{req.reference}/correct/", fields)
    assert resp.status_code == 302
    household = Household.objects.get(pk=home["household"].pk)
    assert household.head_name == "Siti Rahmawati"
    entry = AuditEntry.objects.get(action="rights.corrected")
    assert entry.data["fields"] == ["head_name"] and "Siti" not in json.dumps(entry.data)
    assert RightsRequest.objects.get(pk=req.pk).status == "answered"


def test_erasure_anonymises_keeps_open_cases_and_rollups_equal_a_rebuild(client, login, carol, home):
    household = home["household"]
    SyncConflict.objects.create(kind="visit", uuid=Visit.objects.first().uuid, content_hash="y",
                                payload={"story": {"text": STORY}, "outcome": "met"},
                                visit=Visit.objects.first(), village_id=household.village_id,
                                officer=Visit.objects.first().officer)
    before = snapshot()
    req = file(home, "erasure")
    login(carol)
    assert client.post(f"/rights/{req.reference}/erase/", {}).status_code == 422  # the confirmation is required
    assert Household.objects.get(pk=household.pk).head_name
    resp = client.post(f"/rights/{req.reference}/erase/", {"confirm": "on"})
    assert resp.status_code == 302
    household.refresh_from_db()
    assert (household.head_name, household.phone, household.address, household.latitude) == ("", "", "", None)
    assert household.consent_at is None
    for visit in Visit.objects.filter(household=household):
        assert "story" not in visit.data and visit.latitude is None
        assert all(not f.get("note") for f in visit.data.get("followups", []))
    first = Visit.objects.filter(household=household).order_by("visited_at").first()
    assert first.data["migration"]["abroad"][0]["country"] == "MY"  # the structured answers stay
    assert "story" not in SyncConflict.objects.get().payload
    open_case = Case.objects.get(pk=home["open_case"].pk)
    closed_case = Case.objects.get(pk=home["closed_case"].pk)
    assert open_case.reporter_name == "Pelapor Rahasia" and "MARKER-CASE" in open_case.description
    assert closed_case.reporter_name == "" and closed_case.description == "" and closed_case.subject_name == ""
    # The dashboards: visits, households, migration figures unchanged; only the erased stories leave the count.
    after = snapshot()
    changed = {k[2] for k in set(before) ^ set(after) | {k for k in before if before.get(k) != after.get(k)}}
    assert changed == {"stories.consented"}
    assert_rebuild_agrees()
    # The story is nowhere in the database any more, sealed or not (the sealed fields are decrypted to check).
    with connection.cursor() as cursor:
        cursor.execute("SELECT data FROM visits_visit")
        raw = " ".join(str(row[0]) for row in cursor.fetchall())
    assert "MARKER-STORY" not in raw
    assert all("MARKER" not in json.dumps(v.data) for v in Visit.objects.all())
    entry = AuditEntry.objects.get(action="rights.erased")
    assert entry.data["cases_kept"] == 1 and entry.data["cases_anonymised"] == 1
    assert RightsRequest.objects.get(pk=req.pk).status == "answered"
    # The resident sees it.
    status = client.post("/portal/data/status/", {"reference": req.display_reference, "phone": PHONE})
    assert "dihapus" in status.content.decode()


def test_withdrawal_removes_consent_and_stories_and_rollups_agree(home, carol):
    req = file(home, "withdrawal")
    services.erase(req=req, actor=carol)
    household = Household.objects.get(pk=home["household"].pk)
    assert household.consent_at is None and household.phone == ""
    assert not any("story" in v.data for v in Visit.objects.filter(household=household))
    assert AuditEntry.objects.filter(action="rights.consent_withdrawn").exists()
    assert_rebuild_agrees()


def test_erasure_refused_for_other_kinds_and_twice(home, carol):
    from balekdusun.core.services import DomainError

    access = file(home, "access")
    with pytest.raises(DomainError):
        services.erase(req=access, actor=carol)
    erasure = file(home, "erasure")
    services.erase(req=erasure, actor=carol)
    with pytest.raises(DomainError):
        services.erase(req=erasure, actor=carol)


def test_refusal_needs_a_reason_the_resident_reads(client, login, carol, home):
    req = file(home, "erasure")
    login(carol)
    assert client.post(f"/rights/{req.reference}/refuse/", {"reason": ""}).status_code == 422
    assert client.post(f"/rights/{req.reference}/refuse/", {"reason": "Bukan rumah Anda"}).status_code == 302
    status = client.post("/portal/data/status/", {"reference": req.display_reference, "phone": PHONE})
    assert "Bukan rumah Anda" in status.content.decode()
    assert Household.objects.get(pk=home["household"].pk).head_name  # nothing erased


def test_copy_names_a_restricted_case_without_its_kind(home):
    from balekdusun.rights import datacopy

    Case.objects.filter(pk=home["open_case"].pk).update(sensitivity="restricted")
    data = datacopy.build(home["household"])
    kinds = [c["Jenis"] for c in data["Kasus"]]
    assert kinds == ["Kasus terbatas: tanyakan ke kantor", str(home["closed_case"].get_kind_display())]


def test_correction_refuses_values_a_household_cannot_hold(client, login, carol, home):
    req = file(home, "correction", details="RT salah")
    login(carol)
    resp = client.post(f"/rights/{req.reference}/correct/", {"head_name": "Siti", "rt": "123456", "phone": PHONE})
    assert resp.status_code == 422 and "rt" in resp.context["correction_form"].errors
    resp = client.post(f"/rights/{req.reference}/correct/", {"head_name": "Siti Rahmawati Contoh", "phone": PHONE,
                                                             "address": "Rumah dekat masjid", "rt": "003",
                                                             "rw": "001"})
    assert resp.status_code == 422  # nothing changed: said so, the request stays open
    assert RightsRequest.objects.get(pk=req.pk).status == "received"


def test_a_request_whose_household_is_gone_is_refused_not_crashed(home, carol):
    from balekdusun.core.services import DomainError

    req = file(home, "erasure")
    RightsRequest.objects.filter(pk=req.pk).update(household=None)
    req.refresh_from_db()
    with pytest.raises(DomainError):
        services.erase(req=req, actor=carol)
