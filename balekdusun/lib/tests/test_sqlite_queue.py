"""The SQLite backend queues write transactions on a file lock (balekdusun/lib/sqlite/base.py)."""

import fcntl
import os
import threading
import time

import pytest
from django.db.utils import ConnectionHandler


@pytest.fixture
def file_db(tmp_path, django_db_blocker):
    django_db_blocker.unblock()
    handler = ConnectionHandler({"default": {
        "ENGINE": "balekdusun.lib.sqlite", "NAME": str(tmp_path / "q.sqlite3"),
        "OPTIONS": {"transaction_mode": "IMMEDIATE", "timeout": 5}, "TIME_ZONE": None, "CONN_MAX_AGE": 0,
        "CONN_HEALTH_CHECKS": False, "AUTOCOMMIT": True, "ATOMIC_REQUESTS": False, "TEST": {}}})
    yield handler, str(tmp_path / "q.sqlite3-writers.lock")
    handler.close_all()
    django_db_blocker.restore()


def _held(lock_path) -> bool:
    fd = os.open(lock_path, os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)
    return False


def test_a_write_transaction_holds_the_queue_until_commit_or_rollback(file_db):
    handler, lock_path = file_db
    conn = handler["default"]
    with conn.cursor() as cur:
        cur.execute("CREATE TABLE t (x integer)")
    # A statement in autocommit mode takes no place in the queue.
    assert not os.path.exists(lock_path) or not _held(lock_path)

    # What atomic() does on SQLite: BEGIN IMMEDIATE while Django stays in autocommit mode.
    conn._start_transaction_under_autocommit()
    conn.cursor().execute("INSERT INTO t VALUES (1)")
    assert _held(lock_path)
    conn.commit()
    assert not _held(lock_path)

    conn._start_transaction_under_autocommit()
    assert _held(lock_path)
    conn.rollback()
    assert not _held(lock_path)


def test_a_second_writer_waits_in_the_queue_and_goes_on_at_once(file_db):
    handler, lock_path = file_db
    first = handler["default"]
    with first.cursor() as cur:
        cur.execute("CREATE TABLE t (x integer)")
    first._start_transaction_under_autocommit()
    first.cursor().execute("INSERT INTO t VALUES (1)")
    started = {}

    def second():
        other = ConnectionHandler({"default": dict(handler.settings["default"])})["default"]
        other.ensure_connection()
        t = time.monotonic()
        other._start_transaction_under_autocommit()
        started["waited"] = time.monotonic() - t
        started["at"] = time.monotonic()
        other.cursor().execute("INSERT INTO t VALUES (2)")
        other.commit()
        other.close()

    thread = threading.Thread(target=second)
    thread.start()
    time.sleep(0.3)
    assert "waited" not in started  # still queued behind the first writer
    released = time.monotonic()
    first.commit()
    thread.join(5)
    assert started["waited"] >= 0.25
    # Woken within milliseconds (SQLite's own busy handler sleeps up to 100 ms at a time by then).
    assert started["at"] - released < 0.05
    with first.cursor() as cur:
        cur.execute("SELECT count(*) FROM t")
        assert cur.fetchone()[0] == 2
