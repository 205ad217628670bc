import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from balekdusun.core.models import AuditEntry
from balekdusun.materials import services
from balekdusun.materials.models import Material, Reconciliation, Sticker, StockMove

from .conftest import make_household, make_visit


@pytest.fixture
def stocked(offices, carol, bob, launch, brochure):
    services.receive_stock(office=offices["sumsel"], material=brochure, quantity=300, actor=carol)
    services.issue_stock(outreach=launch, material=brochure, quantity=100, officer=bob, actor=carol)
    return brochure


def test_pages_open_for_coordinator(login, carol, stocked, launch):
    client = login(carol)
    batch = services.create_batch(office=carol.office, size=5, actor=carol, label="OKI")
    code = batch.stickers.first().code
    for url in [reverse("materials:catalogue"), reverse("materials:catalogue") + "?show=all",
                reverse("materials:material_new"), reverse("materials:material_edit", args=[stocked.pk]),
                reverse("materials:material_version", args=[stocked.pk]), reverse("materials:stock"),
                reverse("materials:receive"), reverse("materials:issue") + f"?outreach={launch.pk}",
                reverse("materials:return"), reverse("materials:loss"), reverse("materials:adjust"),
                reverse("materials:outreaches"), reverse("materials:outreach", args=[launch.pk]),
                reverse("materials:batches"), reverse("materials:batch_new"),
                reverse("materials:batch", args=[batch.pk]), reverse("materials:sticker", args=[code]),
                reverse("materials:conflicts"), reverse("materials:analytics")]:
        response = client.get(url)
        assert response.status_code == 200, url
    page = client.get(reverse("materials:stock")).content.decode()
    assert "200" in page and "100" in page  # office shelf and team


def test_receive_issue_return_through_forms(login, carol, bob, offices, launch, brochure):
    client = login(carol)
    r = client.post(reverse("materials:receive"), {"material": brochure.pk, "quantity": "50", "reason": "DO-1"})
    assert r.status_code == 302
    r = client.post(reverse("materials:issue"), {"outreach": launch.pk, "officer": bob.pk,
                                                 "material": brochure.pk, "quantity": "30"})
    assert r.status_code == 302 and r.url == reverse("materials:outreach", args=[launch.pk])
    r = client.post(reverse("materials:return"), {"outreach": launch.pk, "officer": bob.pk,
                                                  "material": brochure.pk, "quantity": "31"})
    assert r.status_code == 422
    assert "30" in str(r.context["form"].errors["quantity"])
    assert r.context["form"].errors["quantity"]
    assert StockMove.objects.count() == 2
    assert AuditEntry.objects.filter(action="stock.issued", actor=carol).exists()


@pytest.mark.parametrize("url_name,data,field", [
    ("materials:receive", {"material": "", "quantity": "5"}, "material"),
    ("materials:receive", {"material": "MAT", "quantity": "abc"}, "quantity"),
    ("materials:receive", {"material": "MAT", "quantity": "-3"}, "quantity"),
    ("materials:issue", {"outreach": "OUT", "officer": "BOB", "material": "MAT", "quantity": "9999"}, "quantity"),
    ("materials:issue", {"outreach": "999999", "officer": "BOB", "material": "MAT", "quantity": "1"}, "outreach"),
    ("materials:adjust", {"material": "MAT", "quantity": "0", "reason": "count"}, "quantity"),
    ("materials:adjust", {"material": "MAT", "quantity": "5", "reason": ""}, "reason"),
    ("materials:loss", {"material": "MAT", "quantity": "1000", "reason": "rain"}, "quantity"),
    ("materials:batch_new", {"size": "0"}, "size"),
    ("materials:batch_new", {"size": "1000001"}, "size"),
])
def test_bad_input_names_the_field(login, carol, bob, launch, stocked, url_name, data, field):
    client = login(carol)
    subst = {"MAT": str(stocked.pk), "OUT": str(launch.pk), "BOB": str(bob.pk)}
    data = {k: subst.get(v, v) for k, v in data.items()}
    before = StockMove.objects.count(), Sticker.objects.count()
    r = client.post(reverse(url_name), data)
    assert r.status_code == 422
    assert field in r.context["form"].errors
    assert (StockMove.objects.count(), Sticker.objects.count()) == before


def test_material_upload_and_versions(login, carol, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client = login(carol)
    bad = SimpleUploadedFile("brosur.pdf", b"hello", content_type="application/pdf")
    r = client.post(reverse("materials:material_new"), {"kind": "brochure", "title": "Tata Cara", "version": "1",
                                                         "language": "id", "topics": ["legal_procedure"],
                                                         "print_file": bad, "active": "on"})
    assert r.status_code == 422 and "print_file" in r.context["form"].errors
    good = SimpleUploadedFile("brosur.pdf", b"%PDF-1.4\n%%EOF", content_type="application/pdf")
    r = client.post(reverse("materials:material_new"), {"kind": "brochure", "title": "Tata Cara", "version": "1",
                                                         "language": "id", "topics": ["legal_procedure"],
                                                         "print_file": good, "active": "on"})
    assert r.status_code == 302
    old = Material.objects.get(title="Tata Cara")
    assert client.get(reverse("materials:material_file", args=[old.pk])).status_code == 200
    r = client.post(reverse("materials:material_version", args=[old.pk]),
                    {"kind": "brochure", "title": "Tata Cara", "version": "2", "language": "id",
                     "active": "on", "retire_previous": "1"})
    assert r.status_code == 302
    old.refresh_from_db()
    new = Material.objects.get(title="Tata Cara", version="2")
    assert not old.active and new.previous == old
    # Same title, version and language twice is refused with a message.
    r = client.post(reverse("materials:material_version", args=[old.pk]),
                    {"kind": "brochure", "title": "Tata Cara", "version": "2", "language": "id", "active": "on"})
    assert r.status_code == 422


def test_officer_and_viewer_cannot_write(login, bob, victor, stocked):
    assert login(bob).get(reverse("materials:receive")).status_code == 403
    assert login(victor).post(reverse("materials:batch_new"), {"size": "3"}).status_code == 403
    assert login(victor).get(reverse("materials:stock")).status_code == 200


def test_reconciliation_sign_off(login, carol, bob, launch, stocked):
    visit = make_visit(household=make_household(), officer=bob, outreach=launch)
    services.record_handouts(visit=visit, items=[(stocked, 2)], officer=bob)
    client = login(carol)
    page = client.get(reverse("materials:outreach", args=[launch.pk]))
    assert page.context["recon"].by_material[0].unaccounted == 98
    assert "discrepancy" in page.content.decode()
    # The page says a discrepancy needs a note; the server refuses a sign-off without one, on the note field.
    r = client.post(reverse("materials:outreach", args=[launch.pk]), {"note": "  "})
    assert r.status_code == 422 and r.context["form"].errors["note"]
    assert not Reconciliation.objects.filter(outreach=launch).exists()
    r = client.post(reverse("materials:outreach", args=[launch.pk]), {"note": "98 kept for Dusun 2"})
    assert r.status_code == 302
    signed = Reconciliation.objects.get(outreach=launch)
    assert signed.signed_by == carol and signed.snapshot["unaccounted"] == 98
    assert AuditEntry.objects.filter(action="stock.reconciliation_signed").count() == 1
    r = client.post(reverse("materials:outreach", args=[launch.pk]), {"note": "again"})
    assert r.status_code == 422


def test_jatim_cannot_see_sumsel_stock_or_stickers(login, jane, carol, launch, stocked, jatim_outreach):
    batch = services.create_batch(office=carol.office, size=3, actor=carol)
    code = batch.stickers.first().code
    client = login(jane)
    assert client.get(reverse("materials:outreach", args=[launch.pk])).status_code == 404
    assert client.get(reverse("materials:batch", args=[batch.pk])).status_code == 404
    assert client.get(reverse("materials:sticker", args=[code])).status_code == 404
    assert client.get(reverse("materials:batch_sheet", args=[batch.pk]) + "?preset=3x8").status_code == 404
    stock = client.get(reverse("materials:stock"))
    assert not stock.context["office_rows"] and not stock.context["team_rows"]
    assert not list(stock.context["page"])
    assert not list(client.get(reverse("materials:batches")).context["page"])
    r = client.get(reverse("materials:batches"), {"code": code})
    assert r.status_code == 200 and "code" in r.context["lookup"].errors
    # Jane cannot issue Sumsel stock to her own outreach, nor pick the Sumsel outreach.
    r = client.post(reverse("materials:issue"), {"outreach": launch.pk, "officer": carol.pk,
                                                 "material": stocked.pk, "quantity": "1"})
    assert r.status_code == 422 and "outreach" in r.context["form"].errors and "officer" in r.context["form"].errors


def test_sticker_void_and_conflict_review(login, carol, bob, launch):
    batch = services.create_batch(office=carol.office, size=2, actor=carol)
    s1, s2 = batch.stickers.order_by("id")
    h1, h2 = make_household(), make_household()
    assert services.place_sticker(visit=make_visit(household=h1, officer=bob, outreach=launch), code=s1.code,
                                  household=h1) is None
    assert services.place_sticker(visit=make_visit(household=h2, officer=bob, outreach=launch), code=s1.code,
                                  household=h2) == "sticker.already_placed"
    client = login(carol)
    page = client.get(reverse("materials:conflicts"))
    (conflict,) = page.context["page"]
    r = client.post(reverse("materials:conflict_resolve", args=[conflict.pk]), {"resolution": ""})
    assert r.status_code == 422
    r = client.post(reverse("materials:conflict_resolve", args=[conflict.pk]),
                    {"resolution": "Officer typed the neighbour's code; sticker stays on house 1"})
    assert r.status_code == 302
    r = client.post(reverse("materials:sticker", args=[s2.code]), {"reason": ""})
    assert r.status_code == 422 and "reason" in r.context["form"].errors
    r = client.post(reverse("materials:sticker", args=[s2.code]), {"reason": "torn"})
    assert r.status_code == 302
    s2.refresh_from_db()
    assert s2.status == "void" and s2.void_reason == "torn"


@pytest.mark.parametrize("params,field", [
    ({"preset": "custom", "cols": "3"}, "rows"),
    ({"preset": "custom", "cols": "8", "rows": "8", "margin_top": "0", "margin_bottom": "0", "margin_left": "0",
      "margin_right": "0", "gap_x": "0", "gap_y": "0"}, "cols"),
    ({"preset": "3x8", "margin_top": "-1"}, "margin_top"),
    ({"preset": "3x8", "start": "99"}, "start"),
    ({"preset": "nope"}, "preset"),
])
def test_sheet_bad_layout(login, carol, params, field):
    batch = services.create_batch(office=carol.office, size=3, actor=carol)
    r = login(carol).get(reverse("materials:batch_sheet", args=[batch.pk]), params)
    assert r.status_code == 422
    assert field in r.context["form"].errors


def test_village_official_sees_only_own_village(login, dina, carol, bob, launch, stocked):
    from .conftest import make_outreach

    other = make_outreach(carol.office, village="16.02.08.2018")
    services.issue_stock(outreach=other, material=stocked, quantity=7, officer=bob, actor=carol)
    batch = services.create_batch(office=carol.office, size=2, actor=carol)
    client = login(dina)
    stock = client.get(reverse("materials:stock"))
    assert {r["outreach"].pk for r in stock.context["team_rows"]} == {launch.pk}
    assert not stock.context["office_rows"]
    assert client.get(reverse("materials:outreach", args=[other.pk])).status_code == 404
    assert client.get(reverse("materials:batch", args=[batch.pk])).status_code == 404


def test_catalogue_names_languages_and_topics_in_words(login, carol):
    Material.objects.create(kind="brochure", title="Tata Cara", language="id",
                            topics=["legal_procedure", "illegal_recruitment", "not_a_topic"])
    html = login(carol).get(reverse("materials:catalogue")).content.decode()
    assert "<td>Bahasa Indonesia</td>" in html
    assert "Tanda-tanda perekrutan ilegal" in html
    assert "legal_procedure" not in html and "illegal_recruitment" not in html and "not_a_topic" not in html
    # A language outside the list is refused by the form (a select of names, not a free code).
    r = login(carol).post(reverse("materials:material_new"), {"kind": "brochure", "title": "X", "version": "1",
                                                               "language": "xx", "active": "on"})
    assert r.status_code == 422 and "language" in r.context["form"].errors
