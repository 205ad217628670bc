"""Sessions: database rows with a cached copy, and a sign-out every process sees at once (core/sessions.py)."""

import pytest
from django.contrib.sessions.models import Session
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import PASSWORD

pytestmark = pytest.mark.django_db


def _sign_in(client, user):
    response = client.post(reverse("core:login"), {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302
    return client.cookies["sessionid"].value


def test_a_signed_in_page_reads_its_session_from_the_cache(client, bob):
    """The session's data comes from the cache; the database is only asked, inside the user's own query, whether
    the session's row still exists."""
    key = _sign_in(client, bob)
    assert Session.objects.filter(session_key=key).exists()
    client.get(reverse("core:home"))
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("core:home")).status_code == 200
    mentions = [q["sql"] for q in queries.captured_queries if "django_session" in q["sql"]]
    assert len(mentions) == 1 and "EXISTS" in mentions[0] and "core_user" in mentions[0]
    assert "session_data" not in mentions[0]


def test_sign_out_deletes_the_session_and_its_cached_copy(client, bob):
    from balekdusun.core.sessions import SessionStore

    key = _sign_in(client, bob)
    assert client.get(reverse("core:home")).status_code == 200
    client.post(reverse("core:logout"))
    assert not Session.objects.filter(session_key=key).exists()
    assert SessionStore().cache_key_prefix + key not in caches["sessions"]
    # The old cookie, replayed, is signed out.
    client.cookies["sessionid"] = key
    response = client.get(reverse("core:home"))
    assert response.status_code == 302 and reverse("core:login") in response["Location"]


def test_a_session_deleted_by_another_process_is_refused_at_once(client, bob, settings):
    """With the per-process cache, a sign-out handled by another server process deletes only the row (and that
    process's copy): this process still holds its copy, yet refuses the session on the very next request."""
    from balekdusun.core.sessions import SessionStore

    settings.SESSION_CACHE_SECONDS = 3600
    key = _sign_in(client, bob)
    assert client.get(reverse("core:home")).status_code == 200
    Session.objects.filter(session_key=key).delete()  # the other process signs out
    assert SessionStore().cache_key_prefix + key in caches["sessions"]  # this process's copy is still there
    response = client.get(reverse("core:home"))
    assert response.status_code == 302 and reverse("core:login") in response["Location"]
    assert SessionStore().cache_key_prefix + key not in caches["sessions"]  # and is dropped


def test_an_expired_session_row_is_refused_even_with_a_cached_copy(client, bob, settings):
    from datetime import timedelta

    from django.utils import timezone

    settings.SESSION_CACHE_SECONDS = 3600
    key = _sign_in(client, bob)
    assert client.get(reverse("core:home")).status_code == 200
    Session.objects.filter(session_key=key).update(expire_date=timezone.now() - timedelta(seconds=1))
    assert client.get(reverse("core:home")).status_code == 302


def test_a_changed_password_signs_out_other_sessions_at_once(client, bob):
    """The session's password hash is checked against the user row on every request, never a cached copy."""
    from django.test import Client

    _sign_in(client, bob)
    assert client.get(reverse("core:home")).status_code == 200
    other = Client()
    _sign_in(other, bob)
    response = other.post(reverse("core:password_change"), {
        "old_password": PASSWORD, "new_password1": "another-long-secret-42",
        "new_password2": "another-long-secret-42"})
    assert response.status_code == 302
    assert other.get(reverse("core:home")).status_code == 200
    response = client.get(reverse("core:home"))
    assert response.status_code == 302 and reverse("core:login") in response["Location"]


def test_a_signed_in_request_loads_the_user_with_the_office_in_one_query(client, bob):
    _sign_in(client, bob)
    client.get(reverse("core:home"))
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("core:home")).status_code == 200
    sql = [q["sql"] for q in queries.captured_queries]
    assert len([s for s in sql if 'FROM "core_user"' in s]) == 1
    assert not [s for s in sql if 'FROM "core_office"' in s]
    assert 'JOIN "core_office"' in next(s for s in sql if 'FROM "core_user"' in s)


def test_an_inactive_user_is_signed_out(client, bob):
    _sign_in(client, bob)
    assert client.get(reverse("core:home")).status_code == 200
    bob.is_active = False
    bob.save()
    assert client.get(reverse("core:home")).status_code == 302
