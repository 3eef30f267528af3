"""Every log line carries the request id of the request it belongs to."""

from __future__ import annotations

import logging
from contextvars import ContextVar
from typing import Any

#: API Gateway's or AppSync's id of the request being served ("-" outside requests).
current_request_id: ContextVar[str] = ContextVar("request_id", default="-")

#: Lambda's own handler adds `aws_request_id`; ours adds the front door's `request_id`.
FORMAT = "[%(levelname)s] %(asctime)s %(aws_request_id)s %(request_id)s %(name)s: %(message)s"

_base_factory = logging.getLogRecordFactory()


def _record(*args: Any, **kwargs: Any) -> logging.LogRecord:
    record = _base_factory(*args, **kwargs)
    record.request_id = current_request_id.get()
    if not hasattr(record, "aws_request_id"):
        record.aws_request_id = "-"
    return record


def configure(level: int = logging.INFO) -> None:
    """Stamp every record with the request id and print it on every handler; idempotent."""
    logging.setLogRecordFactory(_record)
    root = logging.getLogger()
    root.setLevel(level)
    if not root.handlers:
        root.addHandler(logging.StreamHandler())
    for handler in root.handlers:
        handler.setFormatter(logging.Formatter(FORMAT))
    # Mangum's line per request repeats what API Gateway's access log already records.
    logging.getLogger("mangum.http").setLevel(logging.WARNING)
