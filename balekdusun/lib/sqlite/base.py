"""SQLite with write transactions queued on a file lock.

SQLite lets one writer in at a time. A second process that asks for the write lock while it is held waits in
SQLite's busy handler, which sleeps in growing steps (1, 2, 5, 10 ... 100 ms) and so often sleeps on long after
the lock was freed. With two web workers writing sync batches of 500 visits, that idle waiting cost more than
the writing itself. Here a write transaction (``BEGIN IMMEDIATE``, see `balekdusun.lib.env.database_config`) first
takes an exclusive `flock` on ``<database>-writers.lock``, asked for every half millisecond, so the next writer
starts within a millisecond of the lock's release. The lock is released on commit, rollback and close; if a
process dies, the kernel releases it. After the configured timeout the transaction goes ahead anyway and SQLite's own timeout applies.
An in-memory database (the tests) has no file and no queue.
"""

import fcntl
import os
import time

from django.db.backends.sqlite3 import base

POLL_SECONDS = 0.0005


class DatabaseWrapper(base.DatabaseWrapper):
    _queue_fd: int | None = None
    _queued = False

    def _queue_path(self) -> str | None:
        name = str(self.settings_dict.get("NAME") or "")
        if not name or self.is_in_memory_db():
            return None
        return name + "-writers.lock"

    def _enter_queue(self) -> None:
        path = self._queue_path()
        if path is None or self._queued:
            return
        if self._queue_fd is None:
            self._queue_fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        timeout = float(self.settings_dict.get("OPTIONS", {}).get("timeout", 5))
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(self._queue_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                self._queued = True
                return
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    return  # let SQLite's busy timeout decide
                time.sleep(POLL_SECONDS)

    def _leave_queue(self) -> None:
        if self._queued and self._queue_fd is not None:
            fcntl.flock(self._queue_fd, fcntl.LOCK_UN)
        self._queued = False

    def _start_transaction_under_autocommit(self):
        self._enter_queue()
        try:
            super()._start_transaction_under_autocommit()
        except BaseException:
            self._leave_queue()
            raise

    def _commit(self):
        try:
            return super()._commit()
        finally:
            self._leave_queue()

    def _rollback(self):
        try:
            return super()._rollback()
        finally:
            self._leave_queue()

    def _close(self):
        try:
            return super()._close()
        finally:
            self._leave_queue()
            if self._queue_fd is not None:
                os.close(self._queue_fd)
                self._queue_fd = None
