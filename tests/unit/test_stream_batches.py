"""How a stream batch ends: deferred work done before a failure is reported, or the batch again."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from fanout.door import process_records

if TYPE_CHECKING:
    from fanout.service import FanOut


def follow(sequence: str, follower: str = "a") -> dict[str, Any]:
    """A Follow item's INSERT record: a change the fan-out acts on."""
    image = {
        "type": {"S": "Follow"},
        "followerId": {"S": follower},
        "followeeId": {"S": "b"},
        "createdAt": {"S": "2026-12-02T10:00:00.000Z"},
    }
    return {"eventName": "INSERT", "dynamodb": {"SequenceNumber": sequence, "NewImage": image}}


class Recording:
    """Stands in for the fan-out: applies by recording, fails where told."""

    def __init__(self, fail_apply: str | None = None, fail_flush: bool = False) -> None:
        self.events: list[str] = []
        self._fail_apply = fail_apply
        self._fail_flush = fail_flush

    def apply(self, change: Any) -> None:
        if change.edge.follower_id == self._fail_apply:
            raise RuntimeError("apply failed")
        self.events.append(f"apply {change.edge.follower_id}")

    def flush(self) -> None:
        if self._fail_flush:
            raise RuntimeError("flush failed")
        self.events.append("flush")


def test_a_batch_is_flushed_once_at_its_end() -> None:
    fanout = Recording()
    records = [follow("1", "x"), follow("2", "y")]
    assert process_records(records, cast("FanOut", fanout)) == []
    assert fanout.events == ["apply x", "apply y", "flush"]


def test_a_failing_record_is_reported_after_what_came_before_is_flushed() -> None:
    fanout = Recording(fail_apply="y")
    records = [follow("1", "x"), follow("2", "y"), follow("3", "z")]
    assert process_records(records, cast("FanOut", fanout)) == [{"itemIdentifier": "2"}]
    assert fanout.events == ["apply x", "flush"]


def test_a_failing_flush_resumes_the_batch_from_its_first_record() -> None:
    fanout = Recording(fail_flush=True)
    records = [follow("1", "x"), follow("2", "y")]
    assert process_records(records, cast("FanOut", fanout)) == [{"itemIdentifier": "1"}]
