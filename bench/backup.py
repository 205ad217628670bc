"""Backup and restore of a SQLite database with uploaded files: `balekdusun backup`/`restore` against a plain copy.

    .venv/bin/python bench/backup.py [--quick]

Builds a throw-away SQLite database of visit-like rows (2,000,000 rows of ~250 bytes; 200,000 with --quick) and a
media directory of 200 files of 200 KB (20 with --quick), then measures in the same run:

* baseline: a plain copy with SQLite's online backup API, flushed to disk, no encryption, no media;
* `ops.backup.backup`: the same copy, plus the media, packed and encrypted (AES-256-GCM) into one file;
* `ops.backup.restore` into an empty database, counts checked, media copied; baseline: the plain copy back.

Target: the encrypted backup within 3x the plain copy's time (it also writes the media and encrypts every byte).
Writes bench/results/backup.json (backup.quick.json with --quick).
"""

import os
import sqlite3
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import figure, parser, report, timer  # noqa: E402


def build(db: Path, media: Path, rows: int, files: int) -> None:
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE visits (id INTEGER PRIMARY KEY, uuid TEXT, village TEXT, outcome TEXT, data TEXT)")
    payload = '{"knowledge": {"legal_procedure": true, "hotline": false}, "migration": {"abroad": []}}' + "x" * 120
    batch = 50_000
    for start in range(0, rows, batch):
        con.executemany("INSERT INTO visits (uuid, village, outcome, data) VALUES (?, ?, ?, ?)",
                        ((f"{i:032x}", f"16.02.08.{2000 + i % 40}", "met", payload)
                         for i in range(start, min(rows, start + batch))))
    con.commit()
    con.close()
    for i in range(files):
        path = media / "outreach" / f"{i // 50}" / f"photo-{i}.jpg"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(os.urandom(200 * 1024))


def main() -> None:
    args = parser(__doc__.splitlines()[0]).parse_args()
    rows, files = (200_000, 20) if args.quick else (2_000_000, 200)
    tmp = Path(tempfile.mkdtemp(prefix="bench-backup-"))
    db, media = tmp / "site.sqlite3", tmp / "media"
    build(db, media, rows, files)
    os.environ.update(DATABASE_URL=f"sqlite:///{db}", MEDIA_ROOT=str(media), BALEKDUSUN_MODE="demo",
                      DJANGO_SETTINGS_MODULE="balekdusun.settings")
    import django

    django.setup()
    from django.db import connections

    from balekdusun.ops import crypto
    from balekdusun.ops.backup import backup, restore

    key = crypto.generate_key()
    src = sqlite3.connect(db)
    with timer() as plain:
        dst = sqlite3.connect(tmp / "plain-copy.sqlite3")
        src.backup(dst)
        dst.close()
        fd = os.open(tmp / "plain-copy.sqlite3", os.O_RDONLY)
        os.fsync(fd)  # a backup counts once it is on the disk; ours is fsynced too
        os.close(fd)
    src.close()
    with timer() as sealed:
        backup(tmp / "site.bdbackup", key=key)
    connections["default"].close()

    target = tmp / "restored.sqlite3"
    connections.settings["target"] = {**connections.settings["default"], "NAME": str(target)}
    media_out = tmp / "media-restored"
    from django.conf import settings

    settings.MEDIA_ROOT = media_out
    with timer() as back:
        manifest = restore(tmp / "site.bdbackup", key=key, using="target")
    with timer() as plain_back:
        src = sqlite3.connect(tmp / "plain-copy.sqlite3")
        dst = sqlite3.connect(tmp / "plain-restored.sqlite3")
        src.backup(dst)
        dst.close()
        src.close()
    assert manifest["rows"] == rows and manifest["media_restored"] == files, manifest
    size_db = db.stat().st_size / 2**20
    size_media = files * 200 / 1024
    size_file = (tmp / "site.bdbackup").stat().st_size / 2**20
    figures = [
        figure("database size", size_db, "MB"),
        figure("uploaded files", size_media, "MB"),
        figure("backup file (encrypted)", size_file, "MB", baseline=size_db + size_media),
        figure("plain SQLite backup API copy, fsynced", plain(), "s"),
        figure("balekdusun backup (copy + media + AES-GCM)", sealed(), "s", baseline=plain(),
               target="<= 3x plain copy", ok=sealed() <= 3 * plain()),
        figure("backup throughput", (size_db + size_media) / sealed(), "MB/s"),
        figure("balekdusun restore (decrypt, load, count, media)", back(), "s", baseline=plain_back()),
    ]
    report("backup.quick" if args.quick else "backup", figures, rows=rows, media_files=files)
    import shutil

    shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
