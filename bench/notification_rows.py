"""The notification rows of `make bench`; `python -m bench.run --only "notification poll of 20"`
prints only that one."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from bench.measure import Row
from bench.notification_floor import NOTIFICATIONS, POLLED, UNREAD, UPDATES, NotificationFloor

if TYPE_CHECKING:
    from store.repository import Store


def rows(store: Store, floor: NotificationFloor, settle: timedelta) -> list[Row]:
    """The viewer's page, unread count and a poll of its log (bench/fixture.py `notify`)."""
    import itertools

    from bench import fixture

    poll = fixture.api_event(UPDATES, {"after": updates_cursor(store, fixture.VIEWER, settle)})
    return [
        Row(
            "notifications page of 20",
            lambda: iter(lambda: fixture.api_event(NOTIFICATIONS, {"limit": 20}), None),
            floor.page,
            "1 Query + 1 BatchGetItem (seen state, actors, posts)",
            1 + 20 * (1 + 3 + 1),
        ),
        Row(
            "notification poll of 20",
            lambda: itertools.repeat(poll),
            lambda event: floor.updates(event, settle),
            "1 Query + 1 BatchGetItem (what still stands, the visibility set, the actors)",
            1 + POLLED * (1 + 1),
        ),
        Row(
            "unread notification count",
            lambda: iter(lambda: fixture.api_event(UNREAD), None),
            floor.unread,
            "exactly 1 GetItem",
            1,
        ),
    ]


def updates_cursor(store: Store, viewer: str, settle: timedelta) -> str:
    """A cursor with exactly POLLED settled notices of `viewer` after it (seeded earlier)."""
    import time

    time.sleep(settle.total_seconds() + 0.05)
    log = store.notifications
    notices, _ = log.poll(viewer, log.start(viewer, timedelta(hours=23)), 1000, settle)
    assert len(notices) > POLLED, len(notices)
    return notices[-POLLED - 1].cursor
