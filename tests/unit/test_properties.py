"""Property-based tests (Hypothesis) for cursors, key builders and change-log stamps."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.clock import aws_datetime
from core.errors import BadUserInput, InvalidCursor
from store.change_items import later_stamp
from store.cursors import MAX_TOKEN_LENGTH, CursorCodec
from store.keys import (
    change_key,
    change_position,
    comment_key,
    feed_change_key,
    feed_key,
    follow_key,
    like_key,
    post_key,
    post_sort_key,
    upload_key,
    user_key,
)

codec = CursorCodec(b"k" * 32)
other = CursorCodec(b"o" * 32)
FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: Ids as the server makes them (ULIDs: 26 Crockford base32 characters).
ids = st.text(alphabet="0123456789ABCDEFGHJKMNPQRSTVWXYZ", min_size=26, max_size=26)
moments = st.datetimes(
    min_value=datetime(2020, 1, 1), max_value=datetime(2099, 12, 31), timezones=st.just(UTC)
)
stamps = moments.map(aws_datetime)
#: Key-shaped maps: what a cursor seals is a DynamoDB key of ours (ASCII: ids, stamps, slugs).
key_text = st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=80)
attribute_values = st.dictionaries(
    st.sampled_from(["PK", "SK", "GSI1PK", "GSI1SK", "GSI2PK", "GSI2SK", "GSI3SK", "p"]),
    st.one_of(
        st.builds(lambda s: {"S": s}, key_text),
        st.builds(lambda n: {"N": str(n)}, st.integers()),
    ),
    max_size=4,
)
scopes = st.text(min_size=1, max_size=80)


@FAST
@given(key=attribute_values, scope=scopes)
def test_a_cursor_opens_to_what_was_sealed(key: dict[str, object], scope: str) -> None:
    token = codec.encode(key, scope)
    assert len(token) <= MAX_TOKEN_LENGTH  # the longest any key of ours can seal to fits
    assert codec.decode(token, scope) == key


@FAST
@given(key=attribute_values, scope=scopes, elsewhere=scopes)
def test_a_cursor_opens_only_in_its_own_scope(
    key: dict[str, object], scope: str, elsewhere: str
) -> None:
    token = codec.encode(key, scope)
    if elsewhere != scope:
        with pytest.raises(InvalidCursor):
            codec.decode(token, elsewhere)
    with pytest.raises(InvalidCursor):
        other.decode(token, scope)  # nor under another key


@FAST
@given(key=attribute_values, position=st.integers(min_value=0), flip=st.integers(1, 255))
def test_any_altered_byte_is_refused(key: dict[str, object], position: int, flip: int) -> None:
    import base64

    token = codec.encode(key, "scope")
    raw = bytearray(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
    raw[position % len(raw)] ^= flip
    forged = base64.urlsafe_b64encode(bytes(raw)).rstrip(b"=").decode()
    with pytest.raises(InvalidCursor):
        codec.decode(forged, "scope")


@FAST
@given(garbage=st.text(max_size=2000))
def test_garbage_is_refused_as_bad_input_never_a_crash(garbage: str) -> None:
    with pytest.raises(BadUserInput):
        codec.decode(garbage, "scope")


@FAST
@given(a=ids, b=ids)
def test_keys_of_different_things_never_collide(a: str, b: str) -> None:
    keys = [
        user_key(a),
        post_key(a),
        comment_key(a, b),
        like_key(a, b),
        follow_key(a, b),
        upload_key(a, b),
        feed_change_key(a, b),
    ]
    pairs = {(k["PK"], k["SK"]) for k in keys}
    assert len(pairs) == len(keys)


@FAST
@given(a=ids, b=ids, c=ids, d=ids)
def test_a_key_names_exactly_its_things(a: str, b: str, c: str, d: str) -> None:
    """Different ids never give the same key (no separator ambiguity)."""
    for build in (comment_key, like_key, follow_key, upload_key, feed_change_key):
        if (a, b) != (c, d):
            assert build(a, b) != build(c, d)


@FAST
@given(first=moments, second=moments, a=ids, b=ids)
def test_sort_keys_order_by_time_then_id(first: datetime, second: datetime, a: str, b: str) -> None:
    one, two = post_sort_key(aws_datetime(first), a), post_sort_key(aws_datetime(second), b)
    expected = (aws_datetime(first), a) < (aws_datetime(second), b)
    assert (one < two) == expected
    assert (
        feed_key("u", aws_datetime(first), a)["SK"] < feed_key("u", aws_datetime(second), b)["SK"]
    ) == expected


@FAST
@given(stamp=stamps, event=ids, horizon=stamps)
def test_a_bare_horizon_sorts_before_every_event_at_that_instant(
    stamp: str, event: str, horizon: str
) -> None:
    """Why a poll's BETWEEN ... AND <horizon> leaves events stamped at the horizon for later."""
    position = change_position(stamp, event)
    assert (position <= horizon) == (stamp < horizon)
    assert change_key("all", stamp, event)["SK"] == position


@FAST
@given(now=moments, previous=st.one_of(st.none(), stamps))
def test_a_post_s_next_stamp_is_always_later(now: datetime, previous: str | None) -> None:
    stamp = later_stamp(now, previous)
    assert len(stamp) == len("2026-01-01T00:00:00.000Z")
    if previous is not None:
        assert stamp > previous
        assert stamp <= max(
            aws_datetime(now),
            aws_datetime(datetime.fromisoformat(previous) + timedelta(milliseconds=1)),
        )
