"""Pure key builders for blocks, mutes, reports, moderation and suspensions (docs/SAFETY.md)."""

from __future__ import annotations

from typing import Final

from store.keys import Key

BLOCKS_PREFIX: Final = "BLOCKS#"
MUTES_PREFIX: Final = "MUTES#"
VISIBILITY: Final = "VISIBILITY"
SUSPENSION: Final = "SUSPENSION"
CASE: Final = "CASE"
REPORT_PREFIX: Final = "REPORT#"
#: The sparse GSI1 partition of open moderation cases, most reported first.
QUEUE_PARTITION: Final = "MODQUEUE"
#: Moderator actions, newest first; one partition absorbs far more actions than moderators make.
AUDIT_PARTITION: Final = "AUDIT"
#: Report counts sort as fixed-width text; ten digits outlast any plausible count.
_COUNT_WIDTH: Final = 10


def block_key(blocker_id: str, blocked_id: str) -> Key:
    """Exists exactly while `blocker_id` blocks `blocked_id`: the write checks' condition."""
    return {"PK": f"USER#{blocker_id}", "SK": f"{BLOCKS_PREFIX}{blocked_id}"}


def mute_key(muter_id: str, muted_id: str) -> Key:
    return {"PK": f"USER#{muter_id}", "SK": f"{MUTES_PREFIX}{muted_id}"}


def blocking_partition(user_id: str) -> str:
    return f"BLOCKING#{user_id}"


def muting_partition(user_id: str) -> str:
    return f"MUTING#{user_id}"


def block_index_keys(blocker_id: str, blocked_id: str, created_at: str) -> Key:
    """GSI2: whom a user blocks, newest first (the `blockedUsers` page)."""
    return {"GSI2PK": blocking_partition(blocker_id), "GSI2SK": f"{created_at}#{blocked_id}"}


def mute_index_keys(muter_id: str, muted_id: str, created_at: str) -> Key:
    """GSI2: whom a user mutes, newest first (the `mutedUsers` page)."""
    return {"GSI2PK": muting_partition(muter_id), "GSI2SK": f"{created_at}#{muted_id}"}


def visibility_key(user_id: str) -> Key:
    """The viewer's visibility set: whom they block, who blocks them, whom they mute.

    One item, so a request reads it once and it can join whatever batch goes out with it.
    """
    return {"PK": f"USER#{user_id}", "SK": VISIBILITY}


def suspension_key(user_id: str) -> Key:
    return {"PK": f"USER#{user_id}", "SK": SUSPENSION}


def case_key(case_id: str) -> Key:
    return {"PK": f"CASE#{case_id}", "SK": CASE}


def report_key(case_id: str, reporter_id: str) -> Key:
    """One per reporter and case: a person reports a thing once (attribute_not_exists)."""
    return {"PK": f"CASE#{case_id}", "SK": f"{REPORT_PREFIX}{reporter_id}"}


def reporter_partition(user_id: str) -> str:
    return f"REPORTER#{user_id}"


def report_index_keys(reporter_id: str, case_id: str, created_at: str) -> Key:
    """GSI2: a reporter's own reports, newest first (`myReports`)."""
    return {"GSI2PK": reporter_partition(reporter_id), "GSI2SK": f"{created_at}#{case_id}"}


def queue_sort_key(report_count: int, last_reported_at: str, case_id: str) -> str:
    """Descending order puts the most reported first, then the most recently reported."""
    if not 0 <= report_count < 10**_COUNT_WIDTH:
        raise ValueError(f"report count out of range: {report_count}")
    return f"{report_count:0{_COUNT_WIDTH}d}#{last_reported_at}#{case_id}"


def queue_index_keys(report_count: int, last_reported_at: str, case_id: str) -> Key:
    """GSI1 keys of an OPEN case; a resolved case drops them and leaves the queue."""
    return {
        "GSI1PK": QUEUE_PARTITION,
        "GSI1SK": queue_sort_key(report_count, last_reported_at, case_id),
    }


def audit_key(at: str, entry_id: str) -> Key:
    return {"PK": AUDIT_PARTITION, "SK": f"{at}#{entry_id}"}
