"""The home page shows each role today's work, and the menu is grouped by task with one entry marked."""

import re
from io import StringIO

import pytest
from django.core.management import call_command

from balekdusun.core.models import User


@pytest.fixture
def demo(db):
    call_command("demo", "--no-serve", "--skip-regions", stdout=StringIO())


def _home(client, username, language="id"):
    client.force_login(User.objects.get(username=username))
    client.cookies["django_language"] = language
    return client.get("/").content.decode()


def _cards(html):
    return re.findall(r'<h2 id="card-\d+">([^<]+)', html)


def test_each_role_sees_its_own_work_not_the_menu_again(client, demo):
    from balekdusun.campaigns.models import Outreach
    from balekdusun.cases.models import OPEN_STATUSES, Case
    from balekdusun.visits.models import SyncConflict

    coordinator = _home(client, "koordinator.sumsel")
    assert [t.strip() for t in _cards(coordinator)] == [
        "Kegiatan yang perlu disiapkan", "Konflik yang perlu diselesaikan", "Pengesahan stok yang tertunda",
        "Kasus lewat tenggat"]
    # The headline figures are the database's.
    conflicts = SyncConflict.objects.filter(resolved_at=None, village__code__startswith="16").count()
    assert f'Konflik yang perlu diselesaikan <span class="count">{conflicts}</span>' in coordinator
    # The home page no longer repeats the menu as tiles.
    assert 'class="tile"' not in coordinator

    head = _home(client, "kepala.sumsel")
    assert [t.strip() for t in _cards(head)] == ["Minggu ini di wilayah Anda", "Kasus lewat tenggat"]
    assert "Kunjungan minggu ini" in head

    officer = _home(client, "petugas.sumsel")
    assert [t.strip() for t in _cards(officer)] == ["Hari saya", "Kasus terbuka saya"]
    assert "/field/" in officer
    mine = Outreach.objects.filter(team__user__username="petugas.sumsel").select_related("village").first()
    if mine is not None and mine.date >= __import__("django.utils.timezone").utils.timezone.localdate():
        assert mine.village.name in officer
    assert Case.objects.filter(status__in=OPEN_STATUSES).exists()

    village = _home(client, "desa.pematangbuluran")
    assert [t.strip() for t in _cards(village)] == ["Minggu ini di desa Anda"]
    viewer = _home(client, "pemantau.sumsel", "en")
    assert [t.strip() for t in _cards(viewer)] == ["This week in your area"]


def test_menu_is_grouped_and_marks_exactly_one_entry(login, dave):
    html = login(dave).get("/cases/board/").content.decode()
    # One entry marked in each copy of the menu (folded and wide): the board, not also "Cases".
    assert html.count('aria-current="page"') == 2
    assert html.count('<a href="/cases/board/" aria-current="page">') == 2
    assert '<a href="/cases/" aria-current="page">' not in html
    # Groups by task; the wide menu shows the current group's entries in a second row.
    for group in ("Perencanaan", "Tindak lanjut", "Laporan", "Administrasi"):
        assert f'<span class="group-name">{group}</span>' in html
    assert '<ul class="sub" aria-label="Tindak lanjut">' in html
    assert re.search(r'<a href="/cases/" class="here">Tindak lanjut</a>', html)


def test_the_home_entry_is_marked_only_on_the_home_page(login, dave):
    client = login(dave)
    assert client.get("/").content.decode().count('<a href="/" aria-current="page">') == 2
    assert '<a href="/" aria-current="page">' not in client.get("/reports/map/").content.decode()
