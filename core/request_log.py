"""Writes each request's one log line (core.metrics) around the work it measures."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from core.metrics import request_line

log = logging.getLogger("agora.request")


@dataclass
class RequestRecord:
    """What the door learns while serving; read when the request ends."""

    door: str
    #: A metric dimension: from a bounded set (schema/operation_names.py), never client text.
    operation: str = "unknown"
    #: The client's name for it, logged as a plain field.
    operation_name: str | None = None
    viewer: str | None = None
    error_codes: list[str] = field(default_factory=list)


@contextmanager
def logged_request(door: str, usage: Callable[[], tuple[int, float]]) -> Iterator[RequestRecord]:
    """Time the block and log its line; `usage` reads the DynamoDB requests and capacity."""
    record = RequestRecord(door)
    started = time.perf_counter()
    try:
        yield record
    finally:
        requests, capacity = usage()
        fields = request_line(
            door=record.door,
            operation=record.operation,
            operation_name=record.operation_name,
            viewer=record.viewer,
            duration_ms=(time.perf_counter() - started) * 1000,
            dynamodb_requests=requests,
            consumed_capacity=capacity,
            error_codes=record.error_codes,
        )
        log.info("%s %s", record.door, record.operation, extra={"fields": fields})
