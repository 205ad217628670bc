"""Shared fixtures: a small region set and named users (healthchecks style).

alice   national administrator
dave    head of BP3MI Sumatera Selatan
carol   coordinator, Sumatera Selatan
bob     field officer, Sumatera Selatan
dina    village official of Desa Pematang Buluran (16.02.08.2017)
victor  viewer, Sumatera Selatan
charlie field officer, BP3MI Jawa Timur
jane    coordinator, BP3MI Jawa Timur
"""

import pytest

from balekdusun.core.roles import Role

# Villages loaded for tests, besides every province, regency and the districts of Sumatera Selatan and Jawa Timur.
TEST_VILLAGE_PREFIXES = ("16.02.08.", "16.02.23.", "16.02.02.", "35.02.01.")
PASSWORD = "correct-horse-battery"


def load_test_regions():
    from balekdusun.regions import loader, search

    base, villages, postal = loader.read_lokal()
    base = {c: n for c, n in base.items() if c.count(".") < 2 or c.startswith(("16.", "35."))}
    villages = {c: n for c, n in villages.items() if c.startswith(TEST_VILLAGE_PREFIXES)}
    loader.load_areas(list(loader.area_rows(base, villages, postal)))
    loader.load_aliases()
    search.invalidate()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        load_test_regions()


@pytest.fixture
def offices(db):
    from balekdusun.core.models import Office

    sumsel = Office.objects.create(name="BP3MI Sumatera Selatan", short_name="BP3MI Sumsel", jurisdiction=["16"],
                                   hotline_phone="0711-000-0000", whatsapp="0811-7000-000", hotline_name="Songket")
    jatim = Office.objects.create(name="BP3MI Jawa Timur", short_name="BP3MI Jatim", jurisdiction=["35"],
                                  hotline_phone="031-000-0000", whatsapp="0811-3000-000")
    return {"sumsel": sumsel, "jatim": jatim}


def _user(username, role, office=None, village=None):
    from balekdusun.core.models import User

    user = User(username=username, first_name=username.title(), role=role, office=office, village_id=village,
                is_staff=role == Role.ADMIN, is_superuser=role == Role.ADMIN, email=f"{username}@example.org")
    user.set_password(PASSWORD)
    user.full_clean()
    user.save()
    return user


@pytest.fixture
def alice(db):
    return _user("alice", Role.ADMIN)


@pytest.fixture
def dave(offices):
    return _user("dave", Role.HEAD, offices["sumsel"])


@pytest.fixture
def carol(offices):
    return _user("carol", Role.COORDINATOR, offices["sumsel"])


@pytest.fixture
def bob(offices):
    return _user("bob", Role.OFFICER, offices["sumsel"])


@pytest.fixture
def dina(offices):
    return _user("dina", Role.VILLAGE, offices["sumsel"], "16.02.08.2017")


@pytest.fixture
def victor(offices):
    return _user("victor", Role.VIEWER, offices["sumsel"])


@pytest.fixture
def charlie(offices):
    return _user("charlie", Role.OFFICER, offices["jatim"])


@pytest.fixture
def jane(offices):
    return _user("jane", Role.COORDINATOR, offices["jatim"])


@pytest.fixture
def login(client):
    """login(user) signs the test client in as that user and returns the client."""

    def _login(user):
        client.force_login(user)
        return client

    return _login


@pytest.fixture
def bearer(db):
    """bearer(user) returns HTTP headers with a fresh API token of that user."""
    from balekdusun.core.models import ApiToken

    def _bearer(user):
        _token, key = ApiToken.issue(user=user, name="test")
        return {"HTTP_AUTHORIZATION": f"Bearer {key}"}

    return _bearer
