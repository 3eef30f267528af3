"""Pure keys of the per-person write counters (docs/LIMITS.md)."""

from __future__ import annotations

from store.keys import Key

LIMIT_PARTITION_PREFIX = "LIMIT#"


def limit_partition(user_id: str) -> str:
    return f"{LIMIT_PARTITION_PREFIX}{user_id}"


def window_start(now: float, seconds: int) -> int:
    """The start of the fixed window holding `now`, in whole seconds since the epoch."""
    return int(now) // seconds * seconds


def counter_key(user_id: str, rate: str, start: int) -> Key:
    """One person's counter of one rate in the window starting at `start`."""
    return {"PK": limit_partition(user_id), "SK": f"{rate}#{start:011d}"}
