"""Which service sent a Lambda event: a batch of records, every one naming the same source."""

from __future__ import annotations


def records_from(event: object, source: str) -> bool:
    """Whether `event` is a non-empty batch of records all from `source` (e.g. "aws:sqs")."""
    records = event.get("Records") if isinstance(event, dict) else None
    return (
        isinstance(records, list)
        and bool(records)
        and all(isinstance(r, dict) and r.get("eventSource") == source for r in records)
    )
