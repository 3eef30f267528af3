"""Which door a Lambda event is for: checks of its shape that import none of the doors."""

from __future__ import annotations

from fanout.events import records_from


def is_http_event(event: object) -> bool:
    if not isinstance(event, dict) or "requestContext" not in event:
        return False
    return "httpMethod" in event or "http" in (event.get("requestContext") or {})


def is_stream_event(event: object) -> bool:
    return records_from(event, "aws:dynamodb")


def is_queue_event(event: object) -> bool:
    return records_from(event, "aws:sqs")


def is_appsync_event(event: object) -> bool:
    if isinstance(event, list):
        return bool(event) and all(isinstance(e, dict) and "info" in e for e in event)
    return isinstance(event, dict) and "info" in event and "arguments" in event
