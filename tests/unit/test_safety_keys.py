"""Keys of blocks, mutes, reports, the moderation queue, audit and suspensions: pure, no AWS."""

from __future__ import annotations

import pytest

from core.errors import Suspended
from core.safety import (
    NOTHING_HIDDEN,
    Suspension,
    VisibilitySet,
    comment_case_id,
    post_case_id,
    user_case_id,
)
from store import keys, safety_keys

AT = "2026-01-02T03:04:05.006Z"


def test_blocks_and_mutes_live_in_the_users_collection_apart_from_follows() -> None:
    assert safety_keys.block_key("a", "b") == {"PK": "USER#a", "SK": "BLOCKS#b"}
    assert safety_keys.mute_key("a", "b") == {"PK": "USER#a", "SK": "MUTES#b"}
    assert safety_keys.visibility_key("a") == {"PK": "USER#a", "SK": "VISIBILITY"}
    assert safety_keys.suspension_key("a") == {"PK": "USER#a", "SK": "SUSPENSION"}
    others = {keys.follow_key("a", "b")["SK"], keys.user_key("a")["SK"]}
    ours = {
        safety_keys.block_key("a", "b")["SK"],
        safety_keys.mute_key("a", "b")["SK"],
        safety_keys.visibility_key("a")["SK"],
        safety_keys.suspension_key("a")["SK"],
    }
    assert not ours & others
    # A follows-prefix Query must never read a block or mute.
    assert not any(sk.startswith(keys.FOLLOWS_PREFIX) for sk in ours)


def test_block_and_mute_pages_are_newest_first_on_their_own_gsi2_partitions() -> None:
    assert safety_keys.block_index_keys("a", "b", AT) == {
        "GSI2PK": "BLOCKING#a",
        "GSI2SK": f"{AT}#b",
    }
    assert safety_keys.mute_index_keys("a", "b", AT) == {"GSI2PK": "MUTING#a", "GSI2SK": f"{AT}#b"}
    following = keys.follow_index_keys("a", "b", AT)["GSI2PK"]
    assert following not in {safety_keys.blocking_partition("a"), safety_keys.muting_partition("a")}


def test_case_ids_name_their_target_and_reports_share_the_cases_collection() -> None:
    assert post_case_id("P1") == "post:P1"
    assert comment_case_id("P1", "C1") == "comment:P1:C1"
    assert user_case_id("u1") == "user:u1"
    case = safety_keys.case_key("post:P1")
    report = safety_keys.report_key("post:P1", "u2")
    assert case == {"PK": "CASE#post:P1", "SK": "CASE"}
    assert report == {"PK": "CASE#post:P1", "SK": "REPORT#u2"}
    assert safety_keys.report_index_keys("u2", "post:P1", AT) == {
        "GSI2PK": "REPORTER#u2",
        "GSI2SK": f"{AT}#post:P1",
    }


def test_the_queue_sorts_most_reported_first_then_most_recent() -> None:
    def sort(count: int, at: str) -> str:
        return safety_keys.queue_sort_key(count, at, "post:P")

    # Descending order (ScanIndexForward=False) reads these from the last to the first.
    ordered = [
        sort(1, "2026-01-01T00:00:00.000Z"),
        sort(1, "2026-01-02T00:00:00.000Z"),
        sort(2, "2026-01-01T00:00:00.000Z"),
        sort(10, "2026-01-01T00:00:00.000Z"),
        sort(123, "2025-01-01T00:00:00.000Z"),
    ]
    assert ordered == sorted(ordered)
    assert safety_keys.queue_index_keys(3, AT, "user:u")["GSI1PK"] == "MODQUEUE"


@pytest.mark.parametrize("count", [-1, 10**10])
def test_a_report_count_outside_the_fixed_width_is_refused(count: int) -> None:
    with pytest.raises(ValueError, match="out of range"):
        safety_keys.queue_sort_key(count, AT, "post:P")


def test_audit_entries_sort_by_time_then_id() -> None:
    first = safety_keys.audit_key("2026-01-01T00:00:00.000Z", "Z")
    second = safety_keys.audit_key("2026-01-01T00:00:00.001Z", "A")
    assert first["PK"] == second["PK"] == "AUDIT"
    assert first["SK"] < second["SK"]


def test_the_visibility_set_hides_both_block_directions_and_mutes() -> None:
    visibility = VisibilitySet(
        blocks=frozenset({"b"}), blocked_by=frozenset({"c"}), mutes=frozenset({"m"})
    )
    assert [visibility.hides(u) for u in ("b", "c", "m", "x", None)] == [
        True,
        True,
        True,
        False,
        False,
    ]
    assert visibility.blocks_either_way("b")
    assert visibility.blocks_either_way("c")
    assert not visibility.blocks_either_way("m")
    assert not NOTHING_HIDDEN.hides("b")


def test_a_suspension_tells_its_reason_and_end() -> None:
    timed = Suspended("spam", "2026-02-01T00:00:00.000Z")
    forever = Suspended("spam", None)
    assert timed.code == forever.code == "FORBIDDEN"
    assert "until 2026-02-01T00:00:00.000Z" in timed.message
    assert timed.hints == {
        "suspensionReason": "spam",
        "suspendedUntil": "2026-02-01T00:00:00.000Z",
    }
    assert "indefinitely" in forever.message
    assert Suspension("u", "r", AT, "m", "2026-02-01T00:00:00.000Z").active_at(AT)
    assert not Suspension("u", "r", AT, "m", AT).active_at("2026-02-01T00:00:00.000Z")
    assert Suspension("u", "r", AT, "m", None).active_at("2099-01-01T00:00:00.000Z")
