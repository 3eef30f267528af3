"""`notificationUpdates` with concurrent fan-out writers: every poller gets each notice once.

Mirrors test_change_log_concurrency.py: writers are stores of their own with skewed clocks whose
transactions are held between stamping and sending, so notices commit out of stamp order.
"""

from __future__ import annotations

import random
import threading
import time
from collections import Counter
from itertools import pairwise
from typing import TYPE_CHECKING

import pytest

from core.clock import now_iso
from core.notifications import Notice, NotificationKind, NotificationNotice
from tests.integration.test_change_log_concurrency import (
    SETTLE,
    SKEWS_MS,
    connect,
    delay_sends,
    skewed,
)

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

    from store.repository import Store

pytestmark = pytest.mark.integration

RECIPIENT = "urecipient"


class NotificationPoller(threading.Thread):
    def __init__(self, store: Store, seed: int) -> None:
        super().__init__(daemon=True)
        self.store = store
        self.rng = random.Random(seed)
        self.seen: list[NotificationNotice] = []
        self.cursor = store.notifications.start(RECIPIENT, SETTLE)
        self.finish = threading.Event()
        self.error: BaseException | None = None

    def poll_once(self) -> int:
        notices, self.cursor = self.store.notifications.poll(
            RECIPIENT, self.cursor, self.rng.randint(1, 10), SETTLE
        )
        self.seen += notices
        return len(notices)

    def run(self) -> None:
        try:
            while not self.finish.is_set():
                self.poll_once()
                time.sleep(self.rng.uniform(0.01, 0.06))
            while self.poll_once():
                pass
        except BaseException as exc:  # reported by the test, not lost in the thread
            self.error = exc


def notify(store: Store, writer: int, acked: list[str]) -> None:
    """Likes of several posts by many people and follows: notices of several groups at once."""
    rng = random.Random(writer)
    for n in range(12):
        actor = f"u{writer}x{n}"
        kind = rng.choice([NotificationKind.LIKE, NotificationKind.FOLLOW])
        post = f"p{rng.randint(1, 3)}" if kind is NotificationKind.LIKE else None
        notice = Notice(RECIPIENT, kind, actor, now_iso(), post_id=post)
        assert store.notifications.add(notice)
        acked.append(actor)


def test_every_poller_gets_every_notification_once_in_the_same_order(
    dynamodb_endpoint: str, table: str, dynamodb: DynamoDBClient
) -> None:
    # Given four fan-out writers with skewed clocks and held-up transactions, and three pollers
    writers = []
    for skew in SKEWS_MS:
        store, own = connect(dynamodb_endpoint, table, skewed(skew))
        delay_sends(own, "TransactWriteItems", seed=skew)
        writers.append(store)
    pollers = [NotificationPoller(connect(dynamodb_endpoint, table)[0], s) for s in range(3)]
    for poller in pollers:
        poller.start()
    acked: list[str] = []
    # When they notify the same person at once
    threads = [
        threading.Thread(target=notify, args=(store, n, acked)) for n, store in enumerate(writers)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    time.sleep(SETTLE.total_seconds() + 0.3)
    for poller in pollers:
        poller.finish.set()
    for poller in pollers:
        poller.join(timeout=30)
        assert poller.error is None, poller.error
    # Then each poller received every acknowledged notice exactly once, all in one order
    reference = [n.logged.id for n in pollers[0].seen]
    for poller in pollers:
        actors = Counter(n.logged.actor_id for n in poller.seen)
        assert actors == Counter(acked)
        assert [n.logged.id for n in poller.seen] == reference
        positions = [n.logged.position for n in poller.seen]
        assert all(a < b for a, b in pairwise(positions))
    # And the counts are exact: one per notice, the unread count their sum
    reader = pollers[0].store
    assert reader.notifications.state(RECIPIENT).unread == len(acked)
    groups = reader.notifications.page(RECIPIENT, 100, None).items
    assert sum(g.count for g in groups) == len(acked)
