import datetime as dt
import io

import pypdfium2
import pytest
from django.urls import reverse
from django.utils.translation import override

from balekdusun.campaigns import services
from balekdusun.campaigns.models import Campaign, Household, MigrationStat, Outreach, PriorityWeight, TeamMember, Turf
from balekdusun.campaigns.tests.test_turfs import make_households, make_outreach

pytestmark = pytest.mark.django_db
VILLAGE = "16.02.08.2017"


@pytest.fixture(autouse=True)
def _english(client):
    client.cookies["django_language"] = "en"
    with override("en"):
        yield


def upload(name, text):
    f = io.BytesIO(text.encode())
    f.name = name
    return f


def pdf_text(data: bytes) -> str:
    doc = pypdfium2.PdfDocument(data)
    return "\n".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))


def test_coordinator_flow(login, carol, bob):
    client = login(carol)
    # 1. import migration figures
    r = client.post(reverse("campaigns:migration"), {"file": upload("f.csv", "area_code,year,placements\n"
                                                                             "16.02.08.2017,2023,90\n16.02.23.2001,2023,5\n")})
    assert r.status_code == 302, r.content.decode()[:2000]
    assert MigrationStat.objects.count() == 2
    # 2. ranked villages with reasons: the village with most placements is first
    r = client.get(reverse("campaigns:priority"))
    assert r.status_code == 200
    top = r.context["page"][0]
    assert top.code == VILLAGE and top.parts["origin"] > 0
    assert top.detail["origin_own"] == 90
    assert "90 in village" in r.content.decode()
    # 3. campaign + outreach + team
    r = client.post(reverse("campaigns:campaign_new"), {"name": "Balek Dusun", "start_date": "2024-01-01"})
    assert r.status_code == 302
    campaign = Campaign.objects.get()
    r = client.post(reverse("campaigns:outreach_new"), {
        "campaign": campaign.pk, "village": VILLAGE, "date": "2024-02-01", "status": "planned",
        "target_households": 100, "target_materials": 200, "notes": ""})
    assert r.status_code == 302, r.context["form"].errors
    outreach = Outreach.objects.get()
    url = reverse("campaigns:outreach", args=[outreach.pk])
    assert client.post(url, {"o-user": bob.pk, "add_officer": "1"}).status_code == 302
    assert client.post(url, {"p-partner_name": "Pak Kades", "p-partner_role": "kepala_desa", "p-phone": "",
                             "add_partner": "1"}).status_code == 302
    assert outreach.team.count() == 2
    # 4. import households
    rows = "".join(f"Dusun I,00{i % 3},001,Rumah {i},{-3.25 + i * 0.0001},{104.85 + (i % 7) * 0.0002},,,\n"
                   for i in range(30))
    r = client.post(reverse("campaigns:households", args=[VILLAGE]), {
        "u-file": upload("h.csv", "dusun,rt,rw,address,latitude,longitude,head_name,phone,consent\n" + rows),
        "import": "1"})
    assert r.status_code == 302
    assert Household.objects.filter(village_id=VILLAGE).count() == 30
    # 5. cut 3 turfs, print walk lists
    r = client.post(reverse("campaigns:cut_turfs", args=[outreach.pk]), {"count": 3})
    assert r.status_code == 302
    turfs = list(Turf.objects.filter(outreach=outreach))
    assert [t.stops.count() for t in turfs] == [10, 10, 10]
    r = client.get(reverse("campaigns:outreach", args=[outreach.pk]))
    assert r.content.decode().count("<polyline") == 3  # the turf map: one route line per turf
    r = client.get(reverse("campaigns:turf", args=[turfs[0].pk]))
    assert r.status_code == 200 and len(r.context["rows"]) == 10
    r = client.get(reverse("campaigns:turf_pdf", args=[turfs[0].pk]))
    assert r["Content-Type"] == "application/pdf"
    text = pdf_text(r.content)
    flat = " ".join(text.split())
    assert "Walk list: Turf 1" in flat and "Sticker code" in flat and "Refused" in flat
    assert "Desa Pematang Buluran" in flat and "Pak Kades" in flat
    first = turfs[0].stops.order_by("position").first().household
    assert flat.count("☐") == 10 * 6
    assert f"1 {first.address}" in flat and "#" not in flat  # a house by its address, never a database id


def test_bad_uploads_are_422_with_line_and_column(login, carol):
    client = login(carol)
    r = client.post(reverse("campaigns:migration"), {"file": upload("f.csv", "area_code,year,placements\n"
                                                                             "16.02.08.2017,2023,lots\n")})
    assert r.status_code == 422
    assert r.context["result"].errors[0].line == 2 and r.context["result"].errors[0].column == "placements"
    assert "placements" in r.content.decode()
    r = client.post(reverse("campaigns:migration"), {"file": upload("f.pdf", "x")})
    assert r.status_code == 422 and "file" in r.context["form"].errors
    assert not MigrationStat.objects.exists()


def test_templates_download(login, carol):
    client = login(carol)
    r = client.get(reverse("campaigns:migration_template", args=["csv"]))
    assert r.content.decode().startswith("area_code,year,placements")
    r = client.get(reverse("campaigns:migration_template", args=["xlsx"]))
    assert r.status_code == 200 and r.content[:2] == b"PK"
    assert client.get(reverse("campaigns:migration_template", args=["exe"])).status_code == 404


def test_scoping_other_office_gets_404(login, carol, jane, bob):
    outreach = make_outreach(carol.office, [bob])
    make_households(6)
    turf = services.cut_turfs(outreach=outreach, count=2, actor=carol, seconds=0.05)[0]
    client = login(jane)
    for url in (reverse("campaigns:outreach", args=[outreach.pk]), reverse("campaigns:turf", args=[turf.pk]),
                reverse("campaigns:turf_pdf", args=[turf.pk]), reverse("campaigns:households", args=[VILLAGE])):
        assert client.get(url).status_code == 404, url
    r = client.get(reverse("campaigns:priority"))
    assert all(v.code.startswith("35.") for v in r.context["page"])
    assert client.get(reverse("campaigns:outreaches")).context["page"].paginator.count == 0


def test_village_official_sees_only_own_village(login, dina, carol):
    client = login(dina)
    r = client.get(reverse("campaigns:priority"))
    assert [v.code for v in r.context["page"]] == [VILLAGE]
    assert client.get(reverse("campaigns:households", args=["16.02.08.2001"])).status_code == 404
    assert client.get(reverse("campaigns:households", args=[VILLAGE])).status_code == 200
    assert client.get(reverse("campaigns:outreach_new")).status_code == 403


def test_duplicate_suggestion_on_add(login, bob):
    client = login(bob)
    url = reverse("campaigns:households", args=[VILLAGE])
    data = {"h-address": "Lorong Masjid 5", "h-latitude": "-3.25", "h-longitude": "104.85", "add": "1"}
    assert client.post(url, data).status_code == 302
    data["h-latitude"] = "-3.25005"
    r = client.post(url, data)
    assert r.status_code == 409 and r.context["duplicates"]
    assert Household.objects.count() == 1
    assert client.post(url, {**data, "confirm": "1"}).status_code == 302
    assert Household.objects.count() == 2
    # a name without consent is refused on the field
    r = client.post(url, {"h-address": "Lain", "h-head_name": "Budi", "add": "1"})
    assert r.status_code == 422 and "head_name" in r.context["form"].errors


def test_weights_editable_by_admin_only(login, alice, carol):
    assert login(carol).get(reverse("campaigns:weights")).status_code == 403
    client = login(alice)
    data = {"origin": "5", "migrant_households": "0", "cases": "1", "unreached": "1", "recency": "1"}
    assert client.post(reverse("campaigns:weights"), data).status_code == 302
    assert PriorityWeight.objects.get(component="origin").weight == 5
    r = client.post(reverse("campaigns:weights"), {**data, "origin": "-1"})
    assert r.status_code == 422 and "origin" in r.context["form"].errors


def test_calendar_and_lists(login, carol, bob):
    outreach = make_outreach(carol.office, [bob])
    TeamMember.objects.create(outreach=outreach, partner_name="Bu RT", partner_role="ketua_rt")
    client = login(carol)
    r = client.get(reverse("campaigns:calendar") + "?month=2024-02")
    assert r.status_code == 200 and "Pematang Buluran" in r.content.decode()
    assert client.get(reverse("campaigns:calendar") + "?month=garbage").status_code == 200
    assert client.get(reverse("campaigns:outreaches")).status_code == 200
    assert client.get(reverse("campaigns:campaigns")).status_code == 200
    assert client.get(reverse("campaigns:outreach", args=[outreach.pk])).status_code == 200
    r = client.post(reverse("campaigns:outreach_new"), {"campaign": outreach.campaign_id, "village": "35.02.01.2003",
                                                        "date": "2023-01-01", "status": "planned",
                                                        "target_households": 0, "target_materials": 0})
    assert r.status_code == 422
    assert {"village", "date"} <= set(r.context["form"].errors)
    assert dt.date  # keep import used


def test_outreach_status_moves(login, carol, bob):
    outreach = make_outreach(carol.office, [bob])
    client = login(carol)
    url = reverse("campaigns:outreach_edit", args=[outreach.pk])
    data = {"campaign": outreach.campaign_id, "village": VILLAGE, "date": "2024-02-01", "target_households": 10,
            "target_materials": 20, "notes": ""}
    r = client.post(url, {**data, "status": "reported"})
    assert r.status_code == 422 and "status" in r.context["form"].errors
    assert client.post(url, {**data, "status": "done"}).status_code == 302
    assert client.post(url, {**data, "status": "reported"}).status_code == 302
    outreach.refresh_from_db()
    assert outreach.status == "reported"
    assert client.post(url, {**data, "status": "planned"}).status_code == 422


def test_houses_go_by_their_sticker_code_never_a_database_id(login, offices, carol):
    """Turf page, walk-list PDF and the village's household list name a house by the code of the sticker on its
    door (and its address); the list finds a house by that code; the outreach's turf map has an accessible name."""
    from balekdusun.materials.models import StickerStatus
    from balekdusun.materials.services import create_batch

    client = login(carol)
    outreach = make_outreach(offices["sumsel"])
    homes = make_households(6)
    turf = services.cut_turfs(outreach=outreach, count=1, actor=carol, seconds=0.05)[0]
    sticker = create_batch(office=offices["sumsel"], size=1, actor=carol).stickers.get()
    sticker.household, sticker.status = homes[2], StickerStatus.PLACED
    sticker.save()

    html = client.get(reverse("campaigns:turf", args=[turf.pk])).content.decode()
    assert f"<code>{sticker.code}</code>" in html
    assert not any(f"#{h.pk} " in html or f"#{h.pk}<" in html for h in homes)
    flat = " ".join(pdf_text(client.get(reverse("campaigns:turf_pdf", args=[turf.pk])).content).split())
    assert sticker.code in flat and "#" not in flat

    page = client.get(reverse("campaigns:households", args=[VILLAGE]))
    rows = page.content.decode().split("<tbody>")[1]
    assert rows.count(f"<code>{sticker.code}</code>") == 1 and "<th>Sticker</th>" in page.content.decode()
    assert not any(f'<td class="num">{h.pk}</td>' in rows for h in homes)
    found = client.get(reverse("campaigns:households", args=[VILLAGE]), {"q": sticker.code.lower()})
    assert [h.pk for h in found.context["page"]] == [homes[2].pk]

    html = client.get(reverse("campaigns:outreach", args=[outreach.pk])).content.decode()
    assert '<title id="turf-map-title">Map of 1 turf and its walking order</title>' in html
    assert html.count("<polyline") == 1 and html.count('r="2.2"') == 6


def test_a_house_without_an_address_is_named_in_words(offices):
    house = Household.objects.create(village_id=VILLAGE, rt="3", dusun="II")
    assert str(house) == "house without an address, RT 3, Dusun II" and str(house.pk) not in str(house)
    assert str(Household(village_id=VILLAGE, address="Jl. Duku 4", dusun="Dusun III")) == "Jl. Duku 4, Dusun III"
