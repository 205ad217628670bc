"""The token look-up compiled once gives what the ORM gives."""

import pytest

from balekdusun.core import tokens
from balekdusun.core.models import ApiToken, Office, User

pytestmark = pytest.mark.django_db


def _fields(obj) -> dict:
    return {f.attname: getattr(obj, f.attname) for f in type(obj)._meta.concrete_fields}


def test_lookup_equals_the_orm_with_user_and_office_loaded(django_assert_num_queries):
    office = Office.objects.create(name="BP3MI Sumatera Selatan", jurisdiction=["16", "16.02"])
    user = User.objects.create(username="petugas", role="officer", office=office, is_active=True)
    token, key = ApiToken.issue(user=user, name="hp")
    expected = ApiToken.objects.select_related("user", "user__office").get(pk=token.pk)
    with django_assert_num_queries(1):
        found = tokens.lookup(ApiToken.hash_key(key))
        # The user and the office come with the token: no query more.
        assert found.user.office.jurisdiction == ["16", "16.02"]
    assert _fields(found) == _fields(expected)
    assert _fields(found.user) == _fields(expected.user)
    assert _fields(found.user.office) == _fields(expected.user.office)
    assert not found._state.adding and found.user.is_active is True


def test_lookup_of_a_user_without_office_and_of_an_unknown_key():
    user = User.objects.create(username="admin", role="admin")
    token, key = ApiToken.issue(user=user, name="skrip")
    found = tokens.lookup(ApiToken.hash_key(key))
    assert found.pk == token.pk and found.user.pk == user.pk and found.user.office is None
    assert tokens.lookup(ApiToken.hash_key(key + "x")) is None
