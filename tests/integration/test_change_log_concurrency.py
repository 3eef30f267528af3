"""Concurrent writers committing out of timestamp order, and pollers that must miss nothing.

Writers are separate stores with skewed clocks whose DynamoDB requests are delayed between
stamping and sending (a botocore hook), as several Lambdas on real machines would be; the fan-out
runs in its own thread, slowed the same way. Everything runs against DynamoDB Local.
"""

from __future__ import annotations

import random
import threading
import time
from collections import Counter
from collections.abc import Callable
from datetime import datetime, timedelta
from itertools import pairwise
from typing import TYPE_CHECKING, Any

import pytest
from botocore.config import Config

from cli.dynamodb_local import local_client
from core.clock import utc_now
from core.errors import AgoraError
from core.models import ChangeKind, LoggedChange, PostChanges, UserProfile
from fanout.door import process_records
from fanout.service import FanOut
from store.keys import ALL_TOPIC, category_topic, change_partition, feed_topic
from store.repository import Store
from store.streams import StreamReader
from tests.conftest import CURSOR_SECRET

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

pytestmark = pytest.mark.integration

#: The pollers' settle window. Skews and held sends below take at most 0.7 s of it; the rest is
#: room for DynamoDB Local on a loaded CI machine (a 1.5 s window once missed a commit there).
SETTLE = timedelta(milliseconds=4000)
#: Per writer: how far its clock is off, in ms. Negative stamps look older than they are.
SKEWS_MS = (-300, -120, 0, 180)
MAX_SEND_DELAY_S = 0.4
FOLLOWERS = ("ufollower1", "ufollower2")


def client(endpoint: str) -> DynamoDBClient:
    config = Config(retries={"mode": "standard", "max_attempts": 2}, max_pool_connections=4)
    own: DynamoDBClient = local_client(endpoint, config=config)
    return own


def skewed(ms: int) -> Callable[[], datetime]:
    return lambda: utc_now() + timedelta(milliseconds=ms)


def delay_sends(dynamodb: DynamoDBClient, operation: str, seed: int) -> None:
    """Hold each request of `operation` after it is built (and stamped) and before it is sent."""
    rng = random.Random(seed)

    def hold(**_: Any) -> None:
        time.sleep(rng.uniform(0, MAX_SEND_DELAY_S))

    dynamodb.meta.events.register(f"before-send.dynamodb.{operation}", hold)


def connect(
    endpoint: str, table: str, clock: Callable[[], datetime] = utc_now
) -> tuple[Store, DynamoDBClient]:
    """A store of its own (its own client and clock), as one Lambda container would have."""
    own = client(endpoint)
    return Store.connect(own, table, CURSOR_SECRET.encode(), clock=clock), own


class Poller(threading.Thread):
    """Polls one topic with random page sizes until told to finish, then drains it."""

    def __init__(self, store: Store, topic: str, seed: int) -> None:
        super().__init__(daemon=True)
        self.store, self.topic = store, topic
        self.rng = random.Random(seed)
        self.seen: list[LoggedChange] = []
        self.cursor = store.changes.start(topic, SETTLE)
        self.finish = threading.Event()
        self.polls = 0
        self.error: BaseException | None = None

    def poll_once(self) -> int:
        events, self.cursor = self.store.changes.poll(
            self.topic, self.cursor, self.rng.randint(1, 10), SETTLE
        )
        self.seen += events
        self.polls += 1
        return len(events)

    def run(self) -> None:
        try:
            while not self.finish.is_set():
                self.poll_once()
                time.sleep(self.rng.uniform(0.01, 0.06))
            while self.poll_once():
                pass
        except BaseException as exc:  # reported by the test, not lost in the thread
            self.error = exc


def write_posts(
    store: Store,
    author: str,
    seed: int,
    acked: list[tuple[str, ChangeKind]],
    commits: list[tuple[str, datetime]],
) -> None:
    """Create, update, comment on and delete posts; record every write that reported success
    (and, for creates, its stamp and when it really committed)."""
    rng = random.Random(seed)
    for n in range(6):
        post = store.posts.create(
            author_id=author, title=f"{author} {n}", body="", category=rng.choice(["tech", "music"])
        )
        commits.append((post.created_at, utc_now()))
        acked.append((post.id, ChangeKind.POST_CREATED))
        if rng.random() < 0.7:
            store.posts.update(
                post.id,
                author_id=author,
                expected_version=1,
                changes=PostChanges(title="edited", category=rng.choice(["tech", "music"])),
            )
            acked.append((post.id, ChangeKind.POST_UPDATED))
        if rng.random() < 0.6:
            store.comments.add(post.id, author, "hello")
            acked.append((post.id, ChangeKind.COMMENT_ADDED))
        if rng.random() < 0.4:
            store.posts.delete(post.id, author_id=author)
            acked.append((post.id, ChangeKind.POST_DELETED))


def logged(dynamodb: DynamoDBClient, table: str, topic: str) -> list[LoggedChange]:
    """A topic's whole log in its order, read after the fact (the ground truth)."""
    from store.change_items import change_from_item

    feed = topic.startswith("feed:")
    query: dict[str, Any] = {"TableName": table}
    if feed:
        owner = topic.removeprefix("feed:")
        query |= {
            "IndexName": "GSI1",
            "KeyConditionExpression": "GSI1PK = :pk",
            "ExpressionAttributeValues": {":pk": {"S": f"FEEDLOG#{owner}"}},
        }
    else:
        query |= {
            "KeyConditionExpression": "PK = :pk",
            "ExpressionAttributeValues": {":pk": {"S": change_partition(topic)}},
            "ConsistentRead": True,
        }
    items: list[dict[str, Any]] = []
    while True:
        page = dynamodb.query(**query)
        items += page["Items"]
        if "LastEvaluatedKey" not in page:
            break
        query["ExclusiveStartKey"] = page["LastEvaluatedKey"]
    return [change_from_item(i, "GSI1SK" if feed else "SK") for i in items]


class SlowFanOut(threading.Thread):
    """The stream fan-out with its own skewed clock and delayed batch writes."""

    def __init__(self, store: Store, reader: StreamReader) -> None:
        super().__init__(daemon=True)
        self.fanout, self.reader = FanOut(store), reader
        self.finish = threading.Event()
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            quiet = 0
            while not (self.finish.is_set() and quiet >= 2):
                records = self.reader.poll()
                assert process_records(records, self.fanout) == []
                quiet = 0 if records else quiet + 1
                time.sleep(0.02)
        except BaseException as exc:
            self.error = exc


def test_every_poller_gets_every_event_once_in_the_same_order(
    dynamodb: DynamoDBClient, dynamodb_endpoint: str, table: str
) -> None:
    # Given authors followed by two users, and a fan-out that is slow and whose clock is behind
    setup, _ = connect(dynamodb_endpoint, table)
    authors = [f"uwriter{n}" for n in range(len(SKEWS_MS))]
    for user in (*authors, *FOLLOWERS):
        setup.users.create(UserProfile(user, user, user.title(), utc_now().isoformat()))
    for follower in FOLLOWERS:
        for author in authors:
            setup.follows.follow(follower, author)
    streams = local_client(dynamodb_endpoint, "dynamodbstreams")
    fanout_store, fanout_client = connect(dynamodb_endpoint, table, skewed(-200))
    delay_sends(fanout_client, "BatchWriteItem", seed=99)
    fanout = SlowFanOut(fanout_store, StreamReader(dynamodb, streams, table))
    fanout.start()
    # And pollers on every kind of topic, with page sizes from 1 to 10
    topics = [ALL_TOPIC, ALL_TOPIC, category_topic("tech"), *(feed_topic(f) for f in FOLLOWERS)]
    pollers = [Poller(connect(dynamodb_endpoint, table)[0], t, n) for n, t in enumerate(topics)]
    for poller in pollers:
        poller.start()

    # When writers with skewed clocks and delayed commits create, update, comment and delete
    acked: list[tuple[str, ChangeKind]] = []
    commits: list[tuple[str, datetime]] = []
    writers = []
    for n, (author, skew) in enumerate(zip(authors, SKEWS_MS, strict=True)):
        store, own = connect(dynamodb_endpoint, table, skewed(skew))
        delay_sends(own, "TransactWriteItems", seed=n)
        writers.append(
            threading.Thread(target=write_posts, args=(store, author, n, acked, commits))
        )
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(timeout=120)
    fanout.finish.set()
    fanout.join(timeout=120)
    assert fanout.error is None, fanout.error
    # (wait until the last possible stamp is below every poller's horizon)
    time.sleep(SETTLE.total_seconds() + max(SKEWS_MS) / 1000 + 0.5)
    for poller in pollers:
        poller.finish.set()
    for poller in pollers:
        poller.join(timeout=60)
        assert poller.error is None, poller.error

    # (the scenario did commit writes out of stamp order)
    by_stamp = [committed for _, committed in sorted(commits)]
    assert any(a > b for a, b in pairwise(by_stamp))
    # Then the log holds exactly the acknowledged writes...
    everything = logged(dynamodb, table, ALL_TOPIC)
    assert Counter((e.post_id, e.kind) for e in everything) == Counter(acked)
    # ...each post's events in causal order, whatever the writers' clocks said...
    for post_id in {p for p, _ in acked}:
        kinds = [e.kind for e in everything if e.post_id == post_id]
        assert kinds[0] is ChangeKind.POST_CREATED
        assert ChangeKind.POST_DELETED not in kinds[:-1]
    # ...and every poller saw its topic's whole log: each event once, in the log's order
    for poller in pollers:
        truth = [e.id for e in logged(dynamodb, table, poller.topic)]
        assert truth, poller.topic
        assert [e.id for e in poller.seen] == truth, poller.topic
        assert poller.polls > 10
    assert len(logged(dynamodb, table, feed_topic(FOLLOWERS[0]))) == len(acked)


def test_without_a_settle_window_a_late_commit_is_missed(
    dynamodb_endpoint: str, table: str
) -> None:
    """The control: why the settle window exists. A write stamped first but committed last
    slips behind a poller that trusts "sort key > cursor"; the settled poller still gets it."""
    fast, _ = connect(dynamodb_endpoint, table)
    slow, slow_client = connect(dynamodb_endpoint, table)
    gate = threading.Event()

    def hold(**_: Any) -> None:  # a hook that returned a value would stand in for the response
        gate.wait(10)

    slow_client.meta.events.register("before-send.dynamodb.TransactWriteItems", hold)
    poller, _ = connect(dynamodb_endpoint, table)
    naive, settled = timedelta(0), timedelta(milliseconds=800)
    naive_cursor = poller.changes.start(ALL_TOPIC, naive)
    settled_cursor = poller.changes.start(ALL_TOPIC, settled)
    created: dict[str, str] = {}

    def slow_create() -> None:
        created["slow"] = slow.posts.create(
            author_id="uslow", title="stamped first", body="", category="tech"
        ).id

    # Given a write that is stamped, then held before it reaches the database
    held = threading.Thread(target=slow_create)
    held.start()
    time.sleep(0.1)
    # When a later write commits, and a naive poller reads past both stamps
    created["fast"] = fast.posts.create(
        author_id="ufast", title="stamped second", body="", category="tech"
    ).id
    time.sleep(0.01)
    naive_seen, naive_cursor = poller.changes.poll(ALL_TOPIC, naive_cursor, 25, naive)
    # And only then the held write commits
    gate.set()
    held.join(timeout=10)
    time.sleep(settled.total_seconds() + 0.1)
    more, _ = poller.changes.poll(ALL_TOPIC, naive_cursor, 25, naive)
    settled_seen, _ = poller.changes.poll(ALL_TOPIC, settled_cursor, 25, settled)
    # Then the naive poller never sees the held write; the settled one sees both, in stamp order
    assert [e.post_id for e in naive_seen + more] == [created["fast"]]
    assert [e.post_id for e in settled_seen] == [created["slow"], created["fast"]]


def test_a_retried_fan_out_keeps_the_copies_it_already_wrote(
    dynamodb_endpoint: str, table: str, dynamodb: DynamoDBClient
) -> None:
    # Given an author with 60 followers and a post event to fan out
    store, own = connect(dynamodb_endpoint, table)
    for user in ("uauthor", *(f"ufan{n:02d}" for n in range(60))):
        store.users.create(UserProfile(user, user, user.title(), utc_now().isoformat()))
    for n in range(60):
        store.follows.follow(f"ufan{n:02d}", "uauthor")
    post = store.posts.create(author_id="uauthor", title="t", body="", category="tech")
    (event,) = logged(dynamodb, table, f"author:{post.author_id}")
    fanout = FanOut(store)
    # When the second of three batch writes fails, and the other two land
    calls = {"n": 0}

    def fail_second(**_: Any) -> None:
        calls["n"] += 1
        if calls["n"] == 2:
            raise ConnectionError("network down")

    hooks = own.meta.events
    hooks.register("before-call.dynamodb.BatchWriteItem", fail_second)
    with pytest.raises((ConnectionError, AgoraError)):
        fanout.apply(_logged(event))
    hooks.unregister("before-call.dynamodb.BatchWriteItem", fail_second)
    feeds = ("uauthor", *(f"ufan{n:02d}" for n in range(60)))
    first = _feed_positions(dynamodb, table, feeds)
    # (the batches go out in parallel: two of 25 + 25 + 11 copies landed, which two is a race)
    assert len(_all_copies(dynamodb, table)) in {25 + 11, 25 + 25}
    assert len(first) == len(_all_copies(dynamodb, table))
    # And the event is retried
    fanout.apply(_logged(event))
    # Then all 61 feeds hold it once, and the copies written first kept their positions
    copies = _all_copies(dynamodb, table)
    assert len(copies) == 61
    again = _feed_positions(dynamodb, table, feeds)
    assert len(again) == 61
    assert {feed: again[feed] for feed in first} == first


def _logged(event: LoggedChange) -> Any:
    from fanout.changes import ChangeLogged

    return ChangeLogged(event)


def _feed_positions(
    dynamodb: DynamoDBClient, table: str, feeds: tuple[str, ...]
) -> dict[str, set[str]]:
    """Each feed whose change log holds the event, with the positions it holds it at."""
    held = {f: {e.id + e.position for e in logged(dynamodb, table, feed_topic(f))} for f in feeds}
    return {feed: positions for feed, positions in held.items() if positions}


def _all_copies(dynamodb: DynamoDBClient, table: str) -> list[dict[str, Any]]:
    from tests.conftest import table_items

    return [i for i in table_items(dynamodb, table) if i["PK"]["S"].startswith("FEED#")]
