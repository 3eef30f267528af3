"""The Lambda's stream door: DynamoDB Stream records of our own table, in order.

A failing record stops the batch and is reported (ReportBatchItemFailures), so Lambda retries from
it; the records before it are done and the fan-out is idempotent, so nothing is lost or doubled.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from core.logs import current_request_id
from fanout.changes import change_of
from fanout.service import FanOut

if TYPE_CHECKING:
    from collections.abc import Callable

log = logging.getLogger("agora.fanout")


def process_records(records: Iterable[Mapping[str, Any]], fanout: FanOut) -> list[dict[str, str]]:
    """Apply records in order; returns the batch item failures (at most the first).

    What the records defer to the batch's end (`fanout.flush()`) is done before any failure is
    reported, so the records before it are done; if that fails, the batch resumes from its
    first record (every step is idempotent).
    """
    records = list(records)
    sequences = [_sequence(r) for r in records]
    failed: str | None = None
    for record, sequence in zip(records, sequences, strict=True):
        try:
            change = change_of(record)
            if change is not None:
                fanout.apply(change)
        except Exception:
            log.exception("stream record %s failed; the batch resumes from it", sequence)
            failed = sequence
            break
    try:
        fanout.flush()
    except Exception:
        log.exception("the batch's deferred work failed; it resumes from its first record")
        return [{"itemIdentifier": sequences[0]}] if sequences else []
    return [{"itemIdentifier": failed}] if failed is not None else []


def _sequence(record: Mapping[str, Any]) -> str:
    return str((record.get("dynamodb") or {}).get("SequenceNumber", ""))


def process_messages(records: Iterable[Mapping[str, Any]], fanout: FanOut) -> list[dict[str, str]]:
    """Continuations from the queue; returns the batch item failures (each failed message).

    Every part is idempotent, so a message SQS delivers again (or Lambda retries after a
    failure elsewhere in the batch) writes nothing twice; one that keeps failing goes to the
    dead-letter queue.
    """
    failures = []
    for record in records:
        message_id = str(record.get("messageId", ""))
        try:
            fanout.resume(str(record["body"]))
        except Exception:
            log.exception("fan-out continuation %s failed; SQS delivers it again", message_id)
            failures.append({"itemIdentifier": message_id})
    return failures


def queue_handler(fanout: Callable[[], FanOut]) -> Callable[[Mapping[str, Any], Any], Any]:
    def handle(event: Mapping[str, Any], context: Any) -> dict[str, Any]:
        current_request_id.set(str(getattr(context, "aws_request_id", "") or "-"))
        return {"batchItemFailures": process_messages(event["Records"], fanout())}

    return handle


def stream_handler(fanout: Callable[[], FanOut]) -> Callable[[Mapping[str, Any], Any], Any]:
    def handle(event: Mapping[str, Any], context: Any) -> dict[str, Any]:
        current_request_id.set(str(getattr(context, "aws_request_id", "") or "-"))
        return {"batchItemFailures": process_records(event["Records"], fanout())}

    return handle
