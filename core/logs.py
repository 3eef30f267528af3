"""Every log line carries the request id of the request it belongs to; in Lambda, as JSON."""

from __future__ import annotations

import json
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


def escaped(text: str) -> str:
    """Text safe on one terminal line: control, format and separator characters (newlines,
    escape sequences, bidi overrides) spelled as Python escapes."""
    if text.isprintable():
        return text
    return "".join(
        c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text
    )


class TextFormatter(logging.Formatter):
    """Local serve's text lines; whatever a request put in a message cannot forge a line or
    drive the terminal (JSON lines are escaped by the encoder)."""

    def formatMessage(self, record: logging.LogRecord) -> str:
        return escaped(super().formatMessage(record))


class JsonFormatter(logging.Formatter):
    """One JSON object per line, for CloudWatch Logs Insights; a record's `fields` (the request
    line, its metrics) are merged in at the top level, where Embedded Metric Format wants them."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "level": record.levelname,
            "time": self.formatTime(record),
            "requestId": getattr(record, "request_id", "-"),
            "logger": record.name,
            "message": record.getMessage(),
        }
        lambda_request_id = getattr(record, "aws_request_id", "-")
        if lambda_request_id != "-":
            line["lambdaRequestId"] = lambda_request_id
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        line.update(getattr(record, "fields", {}))
        return json.dumps(line, default=str)


def configure(level: int = logging.INFO, *, as_json: bool = True) -> None:
    """Stamp every record with the request id and print it on every handler; idempotent.

    JSON in AWS (`as_json`); local serve prints text for people.
    """
    logging.setLogRecordFactory(_record)
    root = logging.getLogger()
    root.setLevel(level)
    if not root.handlers:
        root.addHandler(logging.StreamHandler())
    for handler in root.handlers:
        handler.setFormatter(JsonFormatter() if as_json else TextFormatter(FORMAT))
    # Mangum's line per request repeats what API Gateway's access log already records.
    logging.getLogger("mangum.http").setLevel(logging.WARNING)
    # At DEBUG the AWS libraries log whole requests: item contents, signatures.
    for library in ("botocore", "boto3", "urllib3", "s3transfer"):
        logging.getLogger(library).setLevel(logging.WARNING)
