"""`balekdusun backup` and `balekdusun restore`: the database and the uploaded files in one encrypted file.

Inside the encryption (crypto.py) the file is a tar stream:

  manifest.json      format, app version, database vendor, time taken
  database.sqlite3   SQLite: a consistent copy made with SQLite's online backup API (the site keeps running)
  database.pgdump    PostgreSQL: `pg_dump --format=custom` of one snapshot
  counts.json        every table's row count in that same copy (checked again after a restore)
  media/...          every file under MEDIA_ROOT (material PDFs, case attachments, outreach photos)

A restore decrypts and unpacks the whole file into a temporary directory first (a wrong key or a damaged file
stops it before anything is written), refuses a database that already has tables, loads the database
(`pg_restore --single-transaction` on PostgreSQL, so a failure leaves the database empty), checks the row counts,
and only then copies the uploaded files into MEDIA_ROOT.
"""

import datetime as dt
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import connections, transaction

from balekdusun.ops.crypto import BackupError, DecryptingReader, EncryptingWriter, parse_key

FORMAT = 1
DB_MEMBER = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}


def _version() -> str:
    from balekdusun import __version__

    return __version__


def table_counts(connection) -> dict[str, int]:
    qn = connection.ops.quote_name
    with connection.cursor() as cursor:
        out = {}
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f"SELECT COUNT(*) FROM {qn(table)}")
            out[table] = cursor.fetchone()[0]
    return out


def _sqlite_counts(path: Path) -> dict[str, int]:
    con = sqlite3.connect(path)
    try:
        tables = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        return {t: con.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        con.close()


def _pg_env(connection) -> dict[str, str]:
    s = connection.settings_dict
    env = dict(os.environ)
    for var, key in (("PGHOST", "HOST"), ("PGPORT", "PORT"), ("PGUSER", "USER"), ("PGPASSWORD", "PASSWORD"),
                     ("PGDATABASE", "NAME")):
        if s.get(key):
            env[var] = str(s[key])
    return env


def _run(args: list[str], env: dict[str, str], what: str) -> None:
    if shutil.which(args[0]) is None:
        raise BackupError(f"{args[0]} is not installed: install Debian's postgresql-client (make system-deps).")
    proc = subprocess.run(args, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        raise BackupError(f"{what} failed: {proc.stderr.strip()[-800:]}")


def _dump_database(connection, workdir: Path) -> tuple[Path, dict[str, int]]:
    if connection.vendor == "sqlite":
        target = workdir / DB_MEMBER["sqlite"]
        connection.ensure_connection()
        dst = sqlite3.connect(target)
        try:
            connection.connection.backup(dst)  # SQLite's online backup API: one consistent copy
        finally:
            dst.close()
        return target, _sqlite_counts(target)
    if connection.vendor == "postgresql":
        target = workdir / DB_MEMBER["postgresql"]
        # One snapshot for the dump and the counts: export it from a repeatable-read transaction held open.
        with transaction.atomic(using=connection.alias):
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
                cursor.execute("SELECT pg_export_snapshot()")
                snapshot = cursor.fetchone()[0]
            _run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--snapshot={snapshot}",
                  f"--file={target}"], _pg_env(connection), "pg_dump")
            counts = table_counts(connection)
        return target, counts
    raise BackupError(f"Backups support SQLite and PostgreSQL, not {connection.vendor}.")


def _media_files() -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    if not root.is_dir():
        return []
    return sorted(p for p in root.rglob("*") if p.is_file() and not p.is_symlink())


def _add_bytes(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size, info.mtime, info.mode = len(data), int(dt.datetime.now().timestamp()), 0o600
    tar.addfile(info, io.BytesIO(data))


def backup(path: Path, *, key: str | None, using: str = "default") -> dict:
    """Write one encrypted backup to `path` (through a temporary name, so a failed backup leaves no file)."""
    raw_key = parse_key(key)
    connection = connections[using]
    path = Path(path)
    media = _media_files()
    manifest = {"format": FORMAT, "version": _version(), "vendor": connection.vendor,
                "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), "media_files": len(media)}
    partial = path.with_name(path.name + ".partial")
    with tempfile.TemporaryDirectory(prefix="balekdusun-backup-") as tmp:
        dump, counts = _dump_database(connection, Path(tmp))
        try:
            fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "wb") as raw:
                sealed = EncryptingWriter(raw, raw_key)
                with tarfile.open(fileobj=sealed, mode="w|") as tar:
                    _add_bytes(tar, "manifest.json", json.dumps(manifest).encode())
                    tar.add(dump, arcname=dump.name)
                    _add_bytes(tar, "counts.json", json.dumps(counts).encode())
                    root = Path(settings.MEDIA_ROOT)
                    for file in media:
                        tar.add(file, arcname="media/" + file.relative_to(root).as_posix(), recursive=False)
                sealed.close()
                raw.flush()
                os.fsync(raw.fileno())
            os.replace(partial, path)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
    manifest["tables"] = len(counts)
    manifest["rows"] = sum(counts.values())
    return manifest


def _unpack(path: Path, raw_key: bytes, workdir: Path) -> tuple[dict, Path, dict, Path]:
    try:
        raw = open(path, "rb")  # noqa: SIM115 - closed below
    except OSError as exc:
        raise BackupError(f"Cannot read {path}: {exc.strerror}.")
    with raw:
        reader = DecryptingReader(raw, raw_key)
        try:
            with tarfile.open(fileobj=reader, mode="r|") as tar:
                tar.extractall(workdir, filter="data")
        except tarfile.TarError as exc:
            raise BackupError(f"The backup's contents are damaged ({exc}).")
    try:
        manifest = json.loads((workdir / "manifest.json").read_text())
        counts = json.loads((workdir / "counts.json").read_text())
    except (OSError, ValueError):
        raise BackupError("The backup has no readable manifest.json/counts.json: it was not made by this program.")
    if manifest.get("format") != FORMAT:
        raise BackupError(f"This backup has format {manifest.get('format')!r}; this version reads format {FORMAT}.")
    dump = workdir / DB_MEMBER.get(manifest.get("vendor"), "-")
    if not dump.is_file():
        raise BackupError("The backup holds no database copy.")
    return manifest, dump, counts, workdir / "media"


def ensure_empty(connection) -> None:
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
    if tables:
        raise BackupError(
            f"The database {connection.settings_dict.get('NAME')} is not empty ({len(tables)} tables, e.g. "
            f"{sorted(tables)[0]}). Restore only into an empty database: create a new one (or drop this one), "
            "point DATABASE_URL at it and run restore again. Nothing was changed.")


def restore(path: Path, *, key: str | None, using: str = "default") -> dict:
    """Put a backup back into an empty database and MEDIA_ROOT. Returns the manifest with the checked counts."""
    raw_key = parse_key(key)
    if not Path(path).is_file():
        raise BackupError(f"There is no backup file at {path}.")
    connection = connections[using]
    ensure_empty(connection)
    with tempfile.TemporaryDirectory(prefix="balekdusun-restore-") as tmp:
        manifest, dump, counts, media = _unpack(Path(path), raw_key, Path(tmp))
        if manifest["vendor"] != connection.vendor:
            raise BackupError(f"This backup is of a {manifest['vendor']} database; DATABASE_URL points at "
                              f"{connection.vendor}. Restore it into the same kind of database. Nothing was changed.")
        if connection.vendor == "sqlite":
            connection.ensure_connection()
            src = sqlite3.connect(dump)
            try:
                src.backup(connection.connection)
            finally:
                src.close()
        else:
            _run(["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction",
                  f"--dbname={connection.settings_dict['NAME']}", str(dump)], _pg_env(connection), "pg_restore")
        connection.close()  # the next query sees the restored schema afresh
        restored = table_counts(connection)
        wrong = {t: (n, restored.get(t)) for t, n in counts.items() if restored.get(t) != n}
        if wrong:
            raise BackupError(f"Row counts differ after the restore (table: backup, restored): {wrong}.")
        copied = 0
        if media.is_dir():
            root = Path(settings.MEDIA_ROOT)
            for file in sorted(p for p in media.rglob("*") if p.is_file()):
                target = root / file.relative_to(media)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(file, target)
                copied += 1
    manifest.update(tables=len(restored), rows=sum(restored.values()), media_restored=copied)
    return manifest
