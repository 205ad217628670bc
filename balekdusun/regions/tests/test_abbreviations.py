"""Everyday short names are found (PALI, OKUT, Jatim...), and the searches that found nothing can be mapped."""

import csv
import re

import pytest
from django.utils import timezone

from balekdusun.core.models import AuditEntry
from balekdusun.regions import loader, search
from balekdusun.regions.models import Area, AreaAlias, UnmatchedSearch


@pytest.fixture(autouse=True)
def fresh_index():
    search.invalidate()
    yield
    search.invalidate()


@pytest.mark.parametrize("query, expected", [
    ("PALI", "16.12"), ("pali", "16.12"), ("Kab. PALI", "16.12"),
    ("OKI", "16.02"), ("OKU", "16.01"), ("OKUT", "16.08"), ("OKUS", "16.09"), ("OI", "16.10"),
    ("Muba", "16.06"), ("Mura", "16.05"), ("Muratara", "16.13"), ("Banyuasin", "16.07"),
    ("Lubuklinggau", "16.73"), ("Linggau", "16.73"), ("Pagaralam", "16.72"),
    ("Lamsel", "18.01"), ("Tubaba", "18.12"), ("Lotim", "52.03"), ("KLU", "52.08"), ("TTS", "53.02"),
    ("Solo", "33.72"), ("KBB", "32.17"),
    ("Jatim", "35"), ("Jabar", "32"), ("Jateng", "33"), ("NTB", "52"), ("NTT", "53"), ("Sumsel", "16"),
])
def test_abbreviations_are_found_first(client, db, query, expected):
    r = client.get("/api/v1/areas", {"q": query})
    assert r.json()[0]["code"] == expected, r.json()[:3]


def test_every_abbreviation_points_at_a_known_area_once(db):
    """The data file says where it comes from, every code is a province or regency, and no short name points at
    two areas."""
    with open(loader.ABBREVIATIONS_FILE, encoding="utf-8") as fh:
        text = fh.read()
    assert "Provenance" in text.split("code,alias")[0]
    rows = list(csv.DictReader(line for line in text.splitlines() if not line.startswith("#")))
    assert len(rows) > 50
    known = dict(Area.objects.filter(level__in=[1, 2]).values_list("code", "level"))
    assert [r["code"] for r in rows if r["code"] not in known] == []
    by_name: dict = {}
    for r in rows:
        by_name.setdefault(r["alias"].lower(), set()).add(r["code"])
    assert {k: v for k, v in by_name.items() if len(v) > 1} == {}
    assert AreaAlias.objects.filter(area_id="16.12", alias="PALI").exists()


def test_searches_that_found_nothing_are_kept_normalised(client, db):
    for q in ("Kab. Pulau Antah", "pulau  ANTAH", "Pulau-Antah", "16.99.99", "x"):
        client.get("/api/v1/areas", {"q": q})
    [kept] = UnmatchedSearch.objects.all()
    assert (kept.search_name, kept.count) == ("pulau antah", 3)
    assert kept.last_at <= timezone.now()
    # A search that finds something is not kept.
    client.get("/api/v1/areas", {"q": "PALI"})
    assert UnmatchedSearch.objects.count() == 1


def test_a_form_that_names_no_area_keeps_it_too(db, carol):
    from django import forms

    from balekdusun.regions.forms import AreaField

    with pytest.raises(forms.ValidationError):
        AreaField(user=carol).clean("Dusun Entah Dimana")
    assert UnmatchedSearch.objects.get().search_name == "entah dimana"


def test_coordinator_maps_a_search_to_an_area(client, login, carol, jane, bob, db):
    client.get("/api/v1/areas", {"q": "Pemabu"})
    kept = UnmatchedSearch.objects.get()
    c = login(carol)
    page = c.get("/areas/unmatched/").content.decode()
    assert "pemabu" in page and f'action="/areas/unmatched/{kept.pk}/"' in page
    # A Jawa Timur area is outside carol's jurisdiction: refused on the field, nothing changes.
    r = c.post(f"/areas/unmatched/{kept.pk}/", {"area": "35.02"})
    assert r.status_code == 422 and "area" in r.context["rows"][0][1].errors
    assert not AreaAlias.objects.filter(search_name="pemabu").exists()
    r = c.post(f"/areas/unmatched/{kept.pk}/", {"area": "16.02.08.2017"})
    assert r.status_code == 302
    kept.refresh_from_db()
    assert kept.status == "mapped" and kept.area_id == "16.02.08.2017" and kept.resolved_by == carol
    entry = AuditEntry.objects.get(action="area.alias_added")
    assert entry.actor == carol and entry.area_code == "16.02.08.2017" and entry.data["alias"] == "pemabu"
    # The same search now finds the village.
    assert client.get("/api/v1/areas", {"q": "Pemabu"}).json()[0]["code"] == "16.02.08.2017"
    # Dealt with: no second mapping; the open list no longer shows it.
    r = c.post(f"/areas/unmatched/{kept.pk}/", {"area": "16.02.08"})
    assert r.status_code == 422 and AreaAlias.objects.filter(search_name="pemabu").count() == 1
    assert "pemabu" not in re.sub(r"<[^>]+>", " ", c.get("/areas/unmatched/").content.decode())
    # Only planning staff see the page.
    assert login(bob).get("/areas/unmatched/").status_code == 403


def test_ignore_a_search(client, login, carol, db):
    client.get("/api/v1/areas", {"q": "asdfgh"})
    kept = UnmatchedSearch.objects.get()
    assert login(carol).post(f"/areas/unmatched/{kept.pk}/", {"ignore": "1"}).status_code == 302
    kept.refresh_from_db()
    assert kept.status == "ignored"
    assert AuditEntry.objects.filter(action="area.search_ignored").count() == 1
