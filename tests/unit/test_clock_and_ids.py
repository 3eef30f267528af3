from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from core.clock import aws_datetime
from core.ids import is_post_id, is_user_id, new_id


def test_aws_datetime_is_fixed_width_utc_with_milliseconds() -> None:
    moment = datetime(2026, 1, 2, 3, 4, 5, 6000, tzinfo=timezone(timedelta(hours=2)))
    assert aws_datetime(moment) == "2026-01-02T01:04:05.006Z"
    assert aws_datetime(datetime(2026, 1, 2, tzinfo=UTC)) == "2026-01-02T00:00:00.000Z"


def test_new_ids_are_post_ids_and_sort_by_creation() -> None:
    first, second = new_id(), new_id()
    assert is_post_id(first)
    assert first[:10] <= second[:10]  # the time component


def test_id_shapes_reject_key_separators() -> None:
    assert not is_post_id("01HZ#X")
    assert not is_user_id("alice#admin")
    assert is_user_id("3f1c2a6e-9b1d-4c1a-8e9f-0a1b2c3d4e5f")  # a Cognito sub
