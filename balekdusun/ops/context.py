"""The current request's id and user id, for log lines and metrics (set by middleware.RequestMiddleware)."""

from contextvars import ContextVar

request_id: ContextVar[str | None] = ContextVar("request_id", default=None)
user_id: ContextVar[int | None] = ContextVar("user_id", default=None)
# True while a read-only report view runs: its reads may go to the replica (db.ReplicaRouter).
replica_reads: ContextVar[bool] = ContextVar("replica_reads", default=False)
