from io import StringIO

import pytest
from django import forms
from django.core.management import call_command
from django.core.management.base import CommandError

from balekdusun.regions import search
from balekdusun.regions.forms import AreaField
from balekdusun.regions.models import Area, AreaAlias


@pytest.fixture(autouse=True)
def fresh_index():
    search.invalidate()
    yield
    search.invalidate()


def codes(resp):
    return [a["code"] for a in resp.json()]


@pytest.mark.parametrize("query, expected", [
    ("SP Padang", "16.02.08"),                 # local abbreviation (alias)
    ("Permatang Buluran", "16.02.08.2017"),    # common misspelling
    ("pematang   BULURAN", "16.02.08.2017"),   # case and spacing
    ("Desa Pematang Buluran", "16.02.08.2017"),
    ("Kec. Sirah Pulau Padang", "16.02.08"),   # prefix picks the district over the village of the same name
    ("Kab. Ogan Komering Ilir", "16.02"),
    ("Pematang Bulurn", "16.02.08.2017"),      # small typo
    ("16.02.08.2017", "16.02.08.2017"),        # a code
])
def test_area_search_api(client, db, query, expected):
    resp = client.get("/api/v1/areas", {"q": query})
    assert resp.status_code == 200
    assert codes(resp)[0] == expected
    first = resp.json()[0]
    if expected == "16.02.08.2017":
        assert first["path"] == ("Desa Pematang Buluran, Kec. Sirah Pulau Padang, Kabupaten Ogan Komering Ilir, "
                                 "Provinsi Sumatera Selatan")


def test_typo_found_without_alias(client, db):
    AreaAlias.objects.filter(area_id="16.02.08.2017").delete()
    search.invalidate()
    assert codes(client.get("/api/v1/areas", {"q": "Permatang Buluran"}))[0] == "16.02.08.2017"


def test_area_search_filters(client, db):
    resp = client.get("/api/v1/areas", {"q": "Sirah Pulau Padang", "level": 4})
    assert codes(resp) == ["16.02.08.2011"]
    resp = client.get("/api/v1/areas", {"q": "Slahung", "within": "16"})
    assert codes(resp) == []


def test_area_search_mine_is_scoped(client, login, charlie):
    login(charlie)
    assert "16.02.08.2017" not in codes(client.get("/api/v1/areas", {"q": "Pematang Buluran", "mine": "true"}))


@pytest.mark.parametrize("params, field", [({"q": "x", "level": 7}, "level"), ({"q": "x", "limit": 0}, "limit"),
                                           ({"q": "x", "level": "abc"}, "level")])
def test_area_search_bad_input(client, db, params, field):
    resp = client.get("/api/v1/areas", params)
    assert resp.status_code == 422
    assert field in resp.content.decode()


def test_area_field_accepts_code_or_name_and_checks_jurisdiction(bob, charlie):
    class F(forms.Form):
        village = AreaField(level=4)

    assert F({"village": "Permatang Buluran"}).is_valid()
    assert F({"village": "16.02.08.2017"}).is_valid()
    form = F({"village": "16.02.08"})
    assert not form.is_valid() and "village" in form.errors
    form = F({"village": "Zzyzx Qwerty"})
    assert not form.is_valid() and "Zzyzx" in form.errors["village"][0]

    class Scoped(forms.Form):
        def __init__(self, *args, user, **kwargs):
            super().__init__(*args, **kwargs)
            self.fields["village"] = AreaField(level=4, user=user)

    assert Scoped({"village": "16.02.08.2017"}, user=bob).is_valid()
    form = Scoped({"village": "16.02.08.2017"}, user=charlie)
    assert not form.is_valid() and "village" in form.errors


def test_load_regions_is_idempotent_and_updates_names(db):
    out = StringIO()
    call_command("load_regions", "--province", "16", "--quiet", stdout=out)
    count = Area.objects.filter(code__startswith="16").count()
    assert count > 3000
    assert Area.objects.get(code="16.02.08.2017").postal_code
    Area.objects.filter(code="16.02.08.2017").update(name="Old Name")
    out = StringIO()
    call_command("load_regions", "--province", "16", "--quiet", stdout=out)
    assert "0 created, 1 updated" in out.getvalue()
    assert Area.objects.filter(code__startswith="16").count() == count
    assert Area.objects.get(code="16.02.08.2017").name == "Pematang Buluran"


def test_load_regions_rejects_unknown_province(db):
    with pytest.raises(CommandError, match="99"):
        call_command("load_regions", "--province", "99", "--quiet", stdout=StringIO())


@pytest.mark.slow
def test_load_full_national_regions_once(db):
    call_command("load_regions", "--quiet", stdout=StringIO())
    counts = {level: Area.objects.filter(level=level).count() for level in (1, 2, 3, 4)}
    assert counts == {1: 38, 2: 514, 3: 7285, 4: 83762}
    village = Area.objects.get(code="16.02.08.2017")
    assert village.kind == "desa" and village.parent_id == "16.02.08"
