"""Fan-out in bounded parts: past FANOUT_FEEDS_PER_INVOCATION feeds, the rest continues through
the queue (moto's SQS over real HTTP) and `handler.handler`, as Lambda's SQS event source would
deliver it; every part is idempotent, so redelivery neither loses nor doubles an entry."""

from __future__ import annotations

import json
import math
from types import ModuleType
from typing import TYPE_CHECKING, Any

import pytest

from core.clock import now_iso
from core.config import FanOutSettings
from core.models import UserProfile
from fanout.service import FanOut
from store.repository import Store
from tests.api.conftest import LambdaContext, Pump
from tests.conftest import GraphQLClient, table_items
from tests.support.events import stream_event
from tests.support.queues import LocalQueue, bounded_fanout_env

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

    from store.streams import StreamReader

pytestmark = pytest.mark.integration

AUTHOR = "uauthor"
FOLLOWERS = 130
PART = 25  # feeds per invocation


@pytest.fixture
def handler_env(queue: LocalQueue) -> dict[str, str]:
    return bounded_fanout_env(queue, PART)


def followed_by(store: Store, count: int) -> list[str]:
    store.users.create(UserProfile(AUTHOR, AUTHOR, "Author", now_iso()))
    fans = [f"fan{n:03d}" for n in range(count)]
    for fan in fans:
        store.users.create(UserProfile(fan, fan, "Fan", now_iso()))
        store.follows.follow(fan, AUTHOR)
    return fans


def publish(api: GraphQLClient, title: str) -> str:
    result = api.as_user(AUTHOR).execute(
        "mutation($i: CreatePostInput!) { createPost(input: $i) { id } }",
        i={"title": title, "category": "tech"},
    )
    post_id: str = result["data"]["createPost"]["id"]
    return post_id


def feed_entries(dynamodb: DynamoDBClient, table: str, post_id: str) -> list[dict[str, Any]]:
    return [
        i
        for i in table_items(dynamodb, table)
        if i["PK"]["S"].startswith("FEED#") and i.get("postId", {}).get("S") == post_id
    ]


def deliver(handler: ModuleType, records: list[dict[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = handler.handler({"Records": records}, LambdaContext())
    return result


def test_a_fan_out_past_its_bound_continues_through_the_queue(
    api: GraphQLClient,
    store: Store,
    pump: Pump,
    queue: LocalQueue,
    handler_module: ModuleType,
    dynamodb: DynamoDBClient,
    table: str,
) -> None:
    # Given an author with 130 followers and a bound of 25 feeds per invocation
    fans = followed_by(store, FOLLOWERS)
    pump()
    # When the author posts, the stream invocation writes 25 feeds and queues the rest
    post_id = publish(api, "to everyone")
    pump()
    assert len(feed_entries(dynamodb, table, post_id)) == PART
    # And each continuation, delivered to the handler, writes the next 25 and queues the next
    parts = 1
    while records := queue.receive():
        assert len(records) == 1
        assert deliver(handler_module, records) == {"batchItemFailures": []}
        queue.delete(records)
        parts += 1
    # Then every feed (the author's and 130 followers') holds the post exactly once
    entries = feed_entries(dynamodb, table, post_id)
    assert parts == math.ceil((FOLLOWERS + 1) / PART)
    owners = [e["PK"]["S"].removeprefix("FEED#") for e in entries]
    assert sorted(owners) == sorted([AUTHOR, *fans])


def test_a_continuation_delivered_twice_writes_nothing_twice(
    api: GraphQLClient,
    store: Store,
    pump: Pump,
    queue: LocalQueue,
    handler_module: ModuleType,
    dynamodb: DynamoDBClient,
    table: str,
) -> None:
    followed_by(store, 60)
    pump()
    post_id = publish(api, "once")
    stream_records = pump()
    (first,) = queue.receive()
    assert deliver(handler_module, [first]) == {"batchItemFailures": []}
    stamps = {e["PK"]["S"]: e["GSI1SK"]["S"] for e in feed_entries(dynamodb, table, post_id)}
    assert len(stamps) == 2 * PART
    # When SQS delivers the same message again (at-least-once), and the stream record is
    # retried too (its invocation failed after queuing the continuation)
    assert deliver(handler_module, [first]) == {"batchItemFailures": []}
    queue.delete([first])
    assert handler_module.handler(stream_event(stream_records), LambdaContext()) == {
        "batchItemFailures": []
    }
    # Then no entry is added or restamped under pollers who may have passed it
    again = {e["PK"]["S"]: e["GSI1SK"]["S"] for e in feed_entries(dynamodb, table, post_id)}
    assert again == stamps
    # And the rest still arrives, each part once however often it is queued
    while records := queue.receive():
        assert deliver(handler_module, records) == {"batchItemFailures": []}
        queue.delete(records)
    entries = feed_entries(dynamodb, table, post_id)
    assert len(entries) == len({e["PK"]["S"] for e in entries}) == 61


def test_a_part_delivered_again_queues_the_rest_once(
    api: GraphQLClient,
    store: Store,
    pump: Pump,
    queue: LocalQueue,
    handler_module: ModuleType,
    dynamodb: DynamoDBClient,
    table: str,
) -> None:
    # Given a post to 60 followers in parts of 25: part 0 by the stream, part 1 queued
    followed_by(store, 60)
    pump()
    post_id = publish(api, "queued once")
    stream_records = pump()
    (first,) = queue.receive()
    # When part 1 arrives twice (SQS is at least once) and the stream record is retried after
    for _ in range(2):
        assert deliver(handler_module, [first]) == {"batchItemFailures": []}
    queue.delete([first])
    assert handler_module.handler(stream_event(stream_records), LambdaContext()) == {
        "batchItemFailures": []
    }
    # Then the queue holds part 2 once, and neither part 1 again nor a second part 2
    waiting = queue.receive()
    assert [json.loads(r["body"])["part"] for r in waiting] == [2]
    # And the last part, delivered twice, leaves every feed its one entry and queues nothing
    for _ in range(2):
        assert deliver(handler_module, waiting) == {"batchItemFailures": []}
    queue.delete(waiting)
    assert queue.receive() == []
    entries = feed_entries(dynamodb, table, post_id)
    assert len(entries) == len({e["PK"]["S"] for e in entries}) == 61


class QueueDownOnce:
    """A queue whose first send fails, as when SQS cannot be reached for a moment."""

    def __init__(self) -> None:
        self.sent: list[str] = []
        self._down = True

    def send(self, body: str) -> None:
        if self._down:
            self._down = False
            raise ConnectionError("the queue could not be reached")
        self.sent.append(body)


def test_a_successor_the_queue_refused_is_queued_on_the_retry(
    api: GraphQLClient,
    store: Store,
    stream_reader: StreamReader,
    dynamodb: DynamoDBClient,
    table: str,
) -> None:
    # Given a fan-out in parts of 25 whose queue refuses its first message
    queue = QueueDownOnce()
    settings = FanOutSettings(feeds_per_invocation=PART, parallel_writes=4)
    fanout = FanOut(store, settings=settings, queue=queue)
    fans = followed_by(store, 40)
    from fanout.door import process_records

    assert process_records(stream_reader.poll(), fanout) == []
    post_id = publish(api, "retried")
    records: list[dict[str, Any]] = []
    while not records:
        records = stream_reader.poll()
    # When the stream record fails there, after part 0's writes, and Lambda retries it
    (failure,) = process_records(records, fanout)
    assert queue.sent == []
    assert process_records(records[records.index(_record(records, failure)) :], fanout) == []
    # Then part 1 was queued on the retry (not taken for done), and it reaches the rest
    (message,) = queue.sent
    fanout.resume(message)
    owners = {e["PK"]["S"].removeprefix("FEED#") for e in feed_entries(dynamodb, table, post_id)}
    assert owners == {AUTHOR, *fans}


def _record(records: list[dict[str, Any]], failure: dict[str, str]) -> dict[str, Any]:
    return next(r for r in records if r["dynamodb"]["SequenceNumber"] == failure["itemIdentifier"])


def test_a_broken_continuation_is_reported_for_redelivery(
    queue: LocalQueue, handler_module: ModuleType
) -> None:
    records = [{"messageId": "m1", "body": "{}", "eventSource": "aws:sqs"}]
    assert deliver(handler_module, records) == {"batchItemFailures": [{"itemIdentifier": "m1"}]}


def test_without_a_queue_the_continuations_run_in_the_same_process(
    api: GraphQLClient,
    store: Store,
    stream_reader: StreamReader,
    dynamodb: DynamoDBClient,
    table: str,
) -> None:
    # Given local serve's fan-out (no queue configured) with a bound of 25 feeds
    fans = followed_by(store, 70)
    fanout = FanOut(store, settings=FanOutSettings(feeds_per_invocation=PART, parallel_writes=4))
    from fanout.door import process_records

    assert process_records(stream_reader.poll(), fanout) == []
    post_id = publish(api, "local")
    records: list[dict[str, Any]] = []
    while not records:
        records = stream_reader.poll()
    # When the stream record is applied
    assert process_records(records, fanout) == []
    # Then all 71 feeds have it: the three continuations ran right after the first part
    owners = {e["PK"]["S"].removeprefix("FEED#") for e in feed_entries(dynamodb, table, post_id)}
    assert owners == {AUTHOR, *fans}
