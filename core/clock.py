"""Timestamps in AppSync's AWSDateTime format, which also sort lexicographically."""

from __future__ import annotations

from datetime import UTC, datetime


def utc_now() -> datetime:
    return datetime.now(UTC)


def aws_datetime(moment: datetime) -> str:
    """Render as `YYYY-MM-DDTHH:MM:SS.mmmZ`: fixed width, so string order is time order."""
    return (
        moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"
    )


def now_iso() -> str:
    return aws_datetime(utc_now())
