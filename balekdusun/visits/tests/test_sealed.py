"""A family's own words typed at the door (the story, the follow-up notes) exist only encrypted wherever they are
stored: the visit, a sync conflict's incoming version, the audit entry of a replaced visit, the case narrative.
The test reads the database's bytes (SQLite: the whole file image; PostgreSQL: every row of every table as text)
for a marker typed at the door."""

import copy
import json
import uuid

from django.db import connection
from django.urls import reverse

from balekdusun.core.models import AuditEntry
from balekdusun.lib.sealed import reseal_rows
from balekdusun.visits.conflicts import resolve_conflict
from balekdusun.visits.models import SyncConflict, Visit
from balekdusun.visits.tests.conftest import visit_record

PUSH = "/api/v1/sync/push"


def push(client, headers, records):
    r = client.post(PUSH, json.dumps({"records": records}), content_type="application/json", **headers)
    assert r.status_code == 200, r.content
    return r.json()["results"]


def database_bytes() -> bytes:
    """Everything the database holds, as bytes."""
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        return bytes(connection.connection.serialize())
    out = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT t::text FROM {connection.ops.quote_name(table)} AS t")
            out += [row[0] for row in cursor.fetchall()]
    return "\n".join(out).encode()


def test_a_marker_typed_at_the_door_is_nowhere_in_plain_text(client, bearer, bob, carol, field_setup, login):
    marker_note, marker_story, marker_edit = (f"MARK{uuid.uuid4().hex[:12]}" for _ in range(3))
    hh, outreach = field_setup["households"][0], field_setup["outreach"]
    h = bearer(bob)
    # One visit with a follow-up (goes through the services) and one with only a story (the multi-row insert).
    stored = visit_record(hh, outreach, followups=[{"kind": "family_in_trouble", "note": f"Anak {marker_note}"}],
                          story={"text": f"Cerita {marker_story}", "consent_to_quote": True})
    story_only = visit_record(field_setup["households"][1], outreach,
                              story={"text": f"Kakak {marker_story}", "consent_to_quote": False})
    assert [r["status"] for r in push(client, h, [stored, story_only])] == ["created", "created"]
    # Sent again edited: a conflict, resolved by taking it (the earlier answers go to the audit entry).
    incoming = copy.deepcopy(stored)
    incoming["data"]["followups"] = [{"kind": "family_in_trouble", "note": f"Anak {marker_edit}"}]
    assert push(client, h, [incoming])[0]["status"] == "conflict"
    assert marker_edit.encode() not in database_bytes()
    resolve_conflict(conflict=SyncConflict.objects.get(), actor=carol, take_incoming=True)

    raw = database_bytes()
    for marker in (marker_note, marker_story, marker_edit, "Cerita", "Kakak"):
        assert marker.encode() not in raw, marker
    # The stored answers are still complete, and the reports still read the story.
    visit = Visit.objects.get(uuid=stored["uuid"])
    assert visit.data["followups"][0]["note"] == f"Anak {marker_edit}"
    assert visit.data["story"]["text"] == f"Cerita {marker_story}"
    before = AuditEntry.objects.get(action="visit.replaced_from_conflict").data["before"]["data"]
    assert before["followups"][0]["note"] == f"Anak {marker_note}"

    # Whoever may open the visit still reads the words, decrypted.
    page = login(carol).get(reverse("visits:visit", args=[visit.uuid])).content.decode()
    assert f"Cerita {marker_story}" in page and f"Anak {marker_edit}" in page


def test_rows_written_before_sealing_are_sealed_in_place(bob, field_setup):
    """What the data migration does: rows holding plain text (as before this change) are encrypted in place."""
    hh = field_setup["households"][0]
    marker = f"OLD{uuid.uuid4().hex[:12]}"
    visit = Visit.objects.create(uuid=uuid.uuid4(), household=hh, village_id=hh.village_id, officer=bob,
                                 visited_at="2026-01-05T02:30:00Z", outcome="met", data={}, content_hash="x")
    legacy = json.dumps({"story": {"text": marker, "consent_to_quote": False},
                         "followups": [{"kind": "wants_to_apply", "note": marker}]})
    with connection.cursor() as cursor:
        # The column as an unsealed JSONField left it.
        cursor.execute(f"UPDATE {Visit._meta.db_table} SET data = %s WHERE id = %s", [legacy, visit.pk])
    assert marker.encode() in database_bytes()
    visit.refresh_from_db()
    assert visit.data["story"]["text"] == marker  # plain text from an old row reads as it is

    assert reseal_rows(Visit.objects.all(), "data") == 1
    assert marker.encode() not in database_bytes()
    visit.refresh_from_db()
    assert visit.data["story"]["text"] == marker and visit.data["followups"][0]["note"] == marker


def test_key_rotation_re_encrypts_the_sealed_words(bob, field_setup, settings):
    from cryptography.fernet import Fernet
    from django.core.management import call_command

    hh = field_setup["households"][0]
    visit = Visit.objects.create(uuid=uuid.uuid4(), household=hh, village_id=hh.village_id, officer=bob,
                                 visited_at="2026-01-05T02:30:00Z", outcome="met", content_hash="x",
                                 data={"story": {"text": "Cerita lama", "consent_to_quote": False}})
    old_key, new_key = settings.FIELD_ENCRYPTION_KEYS[0], Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEYS = [new_key, old_key]
    call_command("rotate_case_keys", stdout=open("/dev/null", "w"))
    settings.FIELD_ENCRYPTION_KEYS = [new_key]  # the old key is gone
    visit.refresh_from_db()
    assert visit.data["story"]["text"] == "Cerita lama"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT data FROM {Visit._meta.db_table} WHERE id = %s", [visit.pk])
        raw = cursor.fetchone()[0]
    token = (json.loads(raw) if isinstance(raw, str) else raw)["story"]["text"]
    assert Fernet(new_key.encode()).decrypt(token.encode()) == b"Cerita lama"
