"""The one Lambda entry point (`handler.handler`): recognise the event, hand it to its door."""

from __future__ import annotations

import logging
from typing import Any

from runtime.aws_lambda import UnsupportedEvent, appsync_door, http_door, queue_door, stream_door
from runtime.events import is_appsync_event, is_http_event, is_queue_event, is_stream_event

log = logging.getLogger("agora.lambda")


def handler(event: Any, context: Any) -> Any:
    if is_http_event(event):
        return http_door(event, context)
    if is_stream_event(event):
        return stream_door(event, context)
    if is_queue_event(event):
        return queue_door(event, context)
    if is_appsync_event(event):
        return appsync_door(event, context)
    error = UnsupportedEvent.of(event)
    log.error("%s", error)
    raise error


__all__ = ["UnsupportedEvent", "handler"]
