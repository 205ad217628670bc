"""Log lines as JSON (LOG_FORMAT=json), each with the request id and the user id, never personal data.

A line holds the time, level, logger, message, the request id and user id of the request being answered, and for
an exception its type and where it was raised (file, line, function) but not its message: database errors quote
the values they refused, which may be a resident's name. Request bodies, query strings, headers and cookies are
never logged; the access line (logger ``balekdusun.request``) names the route, not the full address.
"""

import datetime as dt
import json
import logging
import traceback

from balekdusun.ops import context


class RequestContextFilter(logging.Filter):
    """Adds request_id and user_id to every record (None outside a request)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = context.request_id.get()
        record.user_id = context.user_id.get()
        return True


# Attributes a record may carry that are safe to put on the line (set with logger.info(..., extra={...})).
SAFE_EXTRA = ("route", "method", "status", "duration_ms", "job", "task", "count")


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line = {
            "time": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", None),
            "user_id": getattr(record, "user_id", None),
        }
        for key in SAFE_EXTRA:
            if hasattr(record, key):
                line[key] = getattr(record, key)
        if record.exc_info and record.exc_info[0] is not None:
            exc_type, _exc, tb = record.exc_info
            line["exception"] = exc_type.__name__
            line["stack"] = [f"{f.filename}:{f.lineno} {f.name}" for f in traceback.extract_tb(tb)][-12:]
        return json.dumps(line, ensure_ascii=False, default=str)


def logging_config(*, fmt: str, level: str) -> dict:
    """settings.LOGGING for LOG_FORMAT (text or json)."""
    handler = {"class": "logging.StreamHandler", "filters": ["request"]}
    if fmt == "json":
        handler["formatter"] = "json"
    config = {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request": {"()": "balekdusun.ops.logs.RequestContextFilter"}},
        "formatters": {"json": {"()": "balekdusun.ops.logs.JsonFormatter"}},
        "handlers": {"console": handler},
        "root": {"handlers": ["console"], "level": level},
    }
    if fmt == "json":
        # One access line per request (route, status, time), and Django's request warnings without the
        # request object Django attaches (the formatter never reads it).
        config["loggers"] = {
            "balekdusun.request": {"level": "INFO", "handlers": ["console"], "propagate": False},
            # runserver's own lines carry the full address with its query string: the access line replaces them.
            "django.server": {"level": "ERROR", "handlers": ["console"], "propagate": False},
        }
    return config
