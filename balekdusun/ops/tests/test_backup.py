"""Backups: the encrypted file format, and a full round-trip of the demo data (SQLite, or PostgreSQL when
DATABASE_URL points at it) comparing every table's row count, a dashboard's numbers and the uploaded files."""

import io
import sqlite3
from io import StringIO
from pathlib import Path

import pytest
from django.core.cache import caches
from django.core.management import CommandError, call_command
from django.db import connection

from balekdusun.ops import crypto
from balekdusun.ops.backup import table_counts
from balekdusun.ops.crypto import BackupError, DecryptingReader, EncryptingWriter

KEY = crypto.generate_key()


def _seal(data: bytes, key: bytes) -> bytes:
    raw = io.BytesIO()
    writer = EncryptingWriter(raw, key)
    writer.write(data)
    writer.close()
    return raw.getvalue()


def _open(blob: bytes, key: bytes) -> bytes:
    return DecryptingReader(io.BytesIO(blob), key).read()


def test_sealed_stream_round_trips_across_chunks_and_hides_the_plaintext(monkeypatch):
    monkeypatch.setattr(crypto, "CHUNK", 1000)
    key = crypto.parse_key(KEY)
    data = b"Siti Aminah, Desa Pematang Buluran " * 200  # several chunks
    blob = _seal(data, key)
    assert _open(blob, key) == data
    assert b"Siti Aminah" not in blob and KEY.encode() not in blob and key not in blob
    assert _open(_seal(b"", key), key) == b""


def test_wrong_key_damage_truncation_and_splicing_are_refused(monkeypatch):
    monkeypatch.setattr(crypto, "CHUNK", 100)
    key = crypto.parse_key(KEY)
    blob = _seal(bytes(range(256)) * 4, key)
    with pytest.raises(BackupError, match="BACKUP_KEY does not open this backup"):
        _open(blob, crypto.parse_key(crypto.generate_key()))
    flipped = bytearray(blob)
    flipped[-5] ^= 1
    with pytest.raises(BackupError, match="damaged"):
        _open(bytes(flipped), key)
    # Cut after a whole chunk: the remaining chunks verify, but none is the last one.
    record = 4 + 12 + 100 + 16
    with pytest.raises(BackupError, match="cut short"):
        _open(blob[: 24 + 2 * record], key)
    # A chunk of another backup (same key) does not verify in this one.
    other = _seal(bytes(range(256)) * 4, key)
    spliced = blob[:24] + other[24:]
    with pytest.raises(BackupError, match="BACKUP_KEY does not open"):
        _open(spliced, key)
    with pytest.raises(BackupError, match="not a Balek Dusun backup"):
        _open(b"PK\x03\x04 a zip file", key)


@pytest.mark.parametrize("value", [None, "", "short", "!" * 44, "truncated"])
def test_bad_backup_keys_are_named(value):
    if value == "truncated":  # a real key cut short; made here so test ids stay the same in every xdist worker
        value = crypto.generate_key()[:-4]
    with pytest.raises(BackupError, match="BACKUP_KEY"):
        crypto.parse_key(value)


def test_backup_command_without_key_says_so(monkeypatch, tmp_path, db):
    monkeypatch.delenv("BACKUP_KEY", raising=False)
    with pytest.raises(CommandError, match="BACKUP_KEY is not set"):
        call_command("backup", "-o", str(tmp_path / "x.bdbackup"))
    assert not list(tmp_path.iterdir())  # no half-written file


def test_restore_names_a_missing_file_and_a_missing_key(monkeypatch, tmp_path, db):
    monkeypatch.setenv("BACKUP_KEY", KEY)
    with pytest.raises(CommandError, match="There is no backup file at"):
        call_command("restore", str(tmp_path / "nothing.bdbackup"))
    monkeypatch.delenv("BACKUP_KEY")
    with pytest.raises(CommandError, match="BACKUP_KEY is not set"):
        call_command("restore", str(tmp_path / "nothing.bdbackup"))


def test_generate_key_prints_a_usable_key():
    out = StringIO()
    call_command("backup", "--generate-key", stdout=out)
    assert len(crypto.parse_key(out.getvalue().strip())) == 32


def _dashboard(client):
    from balekdusun.core.models import User

    for alias in ("default", "reports"):
        caches[alias].clear()
    client.force_login(User.objects.get(username="kepala.sumsel"))
    response = client.get("/reports/area/16/")
    assert response.status_code == 200
    fig = response.context["fig"]
    return dict(fig.c), fig.overdue, [(week, dict(row)) for week, row in fig.trend]


def _empty_the_database():
    if connection.vendor == "sqlite":
        # Copy an empty database over the test database (in memory): no table is left.
        sqlite3.connect(":memory:").backup(connection.connection)
    else:
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
    assert connection.introspection.table_names() == []


@pytest.mark.usefixtures("transactional_db")  # reloads the regions an earlier flush emptied (conftest.py)
def test_demo_round_trip_restores_every_row_the_dashboard_and_uploaded_files(client, settings, tmp_path,
                                                                               monkeypatch):
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("demo", "--no-serve", "--skip-regions", stdout=StringIO())
    photo = Path(settings.MEDIA_ROOT) / "outreach" / "2023" / "launch.jpg"
    photo.parent.mkdir(parents=True)
    photo.write_bytes(b"\xff\xd8 a photo \xff\xd9")
    numbers = _dashboard(client)
    assert numbers[0]["visits"] >= 30 and numbers[0]["households"] > 0  # the demo, not an empty dashboard

    monkeypatch.setenv("BACKUP_KEY", KEY)
    target = tmp_path / "site.bdbackup"
    before = table_counts(connection)
    out = StringIO()
    call_command("backup", "-o", str(target), stdout=out)
    assert f"{len(before)} tables" in out.getvalue() and "1 uploaded files" in out.getvalue()
    blob = target.read_bytes()
    assert b"kepala.sumsel" not in blob and b"launch.jpg" not in blob  # encrypted, names included
    assert target.stat().st_mode & 0o077 == 0  # readable by its owner only

    # Into a database that has tables: refused, nothing changed.
    with pytest.raises(CommandError, match="is not empty"):
        call_command("restore", str(target))
    assert table_counts(connection) == before

    _empty_the_database()
    # Wrong key: a clear error before anything is written.
    monkeypatch.setenv("BACKUP_KEY", crypto.generate_key())
    with pytest.raises(CommandError, match="BACKUP_KEY does not open this backup"):
        call_command("restore", str(target))
    assert connection.introspection.table_names() == []

    photo.unlink()
    monkeypatch.setenv("BACKUP_KEY", KEY)
    out = StringIO()
    call_command("restore", str(target), stdout=out)
    assert "counts checked" in out.getvalue()
    after = table_counts(connection)
    assert after == before and sum(after.values()) > 1000
    assert photo.read_bytes() == b"\xff\xd8 a photo \xff\xd9"
    assert _dashboard(client) == numbers


@pytest.mark.usefixtures("transactional_db")  # reloads the regions an earlier flush emptied (conftest.py)
def test_restore_refuses_a_backup_of_the_other_database_kind(tmp_path, monkeypatch):
    """A backup names its database kind; restoring into the other kind stops before writing."""
    import json
    import tarfile

    monkeypatch.setenv("BACKUP_KEY", KEY)
    other = "postgresql" if connection.vendor == "sqlite" else "sqlite"
    path = tmp_path / "other.bdbackup"
    with open(path, "wb") as raw:
        writer = EncryptingWriter(raw, crypto.parse_key(KEY))
        with tarfile.open(fileobj=writer, mode="w|") as tar:
            for name, data in (("manifest.json", json.dumps({"format": 1, "vendor": other, "version": "0.2.0",
                                                             "created": "2026-01-01"}).encode()),
                               ({"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}[other], b"x"),
                               ("counts.json", b"{}")):
                info = tarfile.TarInfo(name)
                info.size = len(data)
                tar.addfile(info, io.BytesIO(data))
        writer.close()
    _empty_the_database()
    with pytest.raises(CommandError, match=f"backup is of a {other} database"):
        call_command("restore", str(path))
    assert connection.introspection.table_names() == []
    call_command("migrate", verbosity=0)  # leave a usable database for the flush after the test
