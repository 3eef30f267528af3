"""Rotating the cursor key: the previous key keeps opening cursors; nothing else does."""

from __future__ import annotations

import pytest

from core.errors import InvalidCursor
from store.cursors import REFRESH_INTERVAL_SECONDS, CursorCodec
from tests.support.clock import FakeClock

OLD, NEW, STRANGER = b"o" * 32, b"n" * 32, b"x" * 32
KEY = {"PK": {"S": "POST#1"}, "SK": {"S": "POST"}}


def test_cursors_of_the_previous_key_still_open_during_rotation() -> None:
    before = CursorCodec(OLD).encode(KEY, "s")
    during = CursorCodec(lambda: [NEW, OLD])
    assert during.decode(before, "s") == KEY
    fresh = during.encode(KEY, "s")
    assert CursorCodec(NEW).decode(fresh, "s") == KEY  # sealed with the new key


def test_forged_and_foreign_cursors_do_not() -> None:
    during = CursorCodec(lambda: [NEW, OLD])
    with pytest.raises(InvalidCursor):
        during.decode(CursorCodec(STRANGER).encode(KEY, "s"), "s")
    token = CursorCodec(OLD).encode(KEY, "s")
    tampered = token[:-3] + ("AAA" if not token.endswith("AAA") else "BBB")
    with pytest.raises(InvalidCursor):
        during.decode(tampered, "s")


def test_a_key_newer_than_the_cache_is_read_again_at_most_once_a_minute() -> None:
    # Given a container that cached only the old key, and keys rotated since
    clock, reads = FakeClock(), []
    keys = [[OLD]]

    def source() -> list[bytes]:
        reads.append(clock.now)
        return keys[-1]

    container = CursorCodec(source, clock=clock)
    container.decode(CursorCodec(OLD).encode(KEY, "s"), "s")
    keys.append([NEW, OLD])
    clock.now += REFRESH_INTERVAL_SECONDS
    # When a cursor sealed by a newer container arrives, the keys are read again and it opens
    assert container.decode(CursorCodec(NEW).encode(KEY, "s"), "s") == KEY
    # And foreign cursors arriving just after do not make it read again
    for _ in range(10):
        with pytest.raises(InvalidCursor):
            container.decode(CursorCodec(STRANGER).encode(KEY, "s"), "s")
    assert len(reads) == 2
