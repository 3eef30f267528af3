"""A repost reaches the reposter's followers in bounded parts too: past
FANOUT_FEEDS_PER_INVOCATION feeds the rest continues through the queue (moto's SQS over real
HTTP) and `handler.handler`; so does its undoing, and a part outlived by a change stops."""

from __future__ import annotations

import json
import math
import time
from types import ModuleType
from typing import TYPE_CHECKING, Any

import pytest

from core.clock import now_iso
from core.config import FanOutSettings
from core.models import UserProfile
from fanout.door import process_records
from fanout.service import FanOut
from store.repository import Store
from tests.api.conftest import Pump
from tests.api.test_fanout_parts import PART, deliver
from tests.conftest import GraphQLClient, table_items
from tests.support.queues import LocalQueue, bounded_fanout_env

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

    from store.streams import StreamReader

pytestmark = pytest.mark.integration

WRITER, SHARER = "uwriter", "usharer"
FOLLOWERS = 60
REPOST = "mutation($p: ID!) { repost(postId: $p) { repostCount } }"
UNREPOST = "mutation($p: ID!) { unrepost(postId: $p) { repostCount } }"


@pytest.fixture
def handler_env(queue: LocalQueue) -> dict[str, str]:
    return bounded_fanout_env(queue, PART)


def sharer_with_followers(store: Store) -> list[str]:
    """WRITER (whom nobody follows) and SHARER with 60 followers."""
    for user in (WRITER, SHARER):
        store.users.create(UserProfile(user, user, user.title(), now_iso()))
    fans = [f"fan{n:03d}" for n in range(FOLLOWERS)]
    for fan in fans:
        store.users.create(UserProfile(fan, fan, "Fan", now_iso()))
        store.follows.follow(fan, SHARER)
    return fans


def writers_post(api: GraphQLClient) -> str:
    result = api.as_user(WRITER).execute(
        "mutation($i: CreatePostInput!) { createPost(input: $i) { id } }",
        i={"title": "worth sharing", "category": "tech"},
    )
    post_id: str = result["data"]["createPost"]["id"]
    return post_id


def shared_by_sharer(api: GraphQLClient, store: Store, pump: Pump) -> tuple[str, list[str]]:
    fans = sharer_with_followers(store)
    post_id = writers_post(api)
    pump()
    return post_id, fans


def run(api: GraphQLClient, user: str, query: str, **variables: Any) -> None:
    result = api.as_user(user).execute(query, **variables)
    assert "errors" not in result, result


def repost_entries(dynamodb: DynamoDBClient, table: str, post_id: str) -> list[str]:
    """Owners of the feeds holding the post as someone's repost (one per entry)."""
    return [
        i["PK"]["S"].removeprefix("FEED#")
        for i in table_items(dynamodb, table)
        if i["PK"]["S"].startswith("FEED#")
        and i.get("postId", {}).get("S") == post_id
        and "repostedBy" in i
    ]


def seen_markers(dynamodb: DynamoDBClient, table: str) -> list[str]:
    return [
        i["PK"]["S"] for i in table_items(dynamodb, table) if i["PK"]["S"].startswith("FEEDSEEN#")
    ]


def drain(queue: LocalQueue, handler: ModuleType, *, undo: bool | None = None) -> int:
    """Deliver queued parts (only the undoing ones, or only the others, when `undo` says) until
    none is left; returns how many were delivered."""
    delivered = 0
    held: list[dict[str, Any]] = []
    while records := queue.receive():
        for record in records:
            if undo is not None and bool(json.loads(record["body"]).get("undo")) != undo:
                held.append(record)  # invisible until its timeout: delivered by a later drain
                continue
            assert deliver(handler, [record]) == {"batchItemFailures": []}
            queue.delete([record])
            delivered += 1
    for record in held:
        queue.client.change_message_visibility(
            QueueUrl=queue.url, ReceiptHandle=record["receiptHandle"], VisibilityTimeout=0
        )
    return delivered


def test_a_repost_past_its_bound_continues_through_the_queue_once_per_feed(
    api: GraphQLClient,
    store: Store,
    pump: Pump,
    queue: LocalQueue,
    handler_module: ModuleType,
    dynamodb: DynamoDBClient,
    table: str,
) -> None:
    # Given SHARER's 60 followers and a bound of 25 feeds per invocation
    post_id, fans = shared_by_sharer(api, store, pump)
    # When SHARER reposts WRITER's post, the stream invocation reaches 25 feeds
    run(api, SHARER, REPOST, p=post_id)
    pump()
    assert len(repost_entries(dynamodb, table, post_id)) == PART
    # And the queued parts, each delivered twice (SQS is at least once), reach the rest
    parts = {0}
    while records := queue.receive():
        for _ in range(2):
            assert deliver(handler_module, records) == {"batchItemFailures": []}
        queue.delete(records)
        parts |= {json.loads(r["body"])["part"] for r in records}
    # Then SHARER's feed and each follower's hold the repost exactly once
    assert parts == set(range(math.ceil((FOLLOWERS + 1) / PART)))
    assert sorted(repost_entries(dynamodb, table, post_id)) == sorted([SHARER, *fans])
    assert len(seen_markers(dynamodb, table)) == FOLLOWERS + 1
    # When SHARER takes the repost back, in parts as well
    run(api, SHARER, UNREPOST, p=post_id)
    pump()
    assert drain(queue, handler_module) == len(parts) - 1
    # Then no feed holds it as a repost any more
    assert repost_entries(dynamodb, table, post_id) == []
    assert seen_markers(dynamodb, table) == []


def test_a_repost_part_delivered_again_queues_the_rest_once(
    api: GraphQLClient,
    store: Store,
    pump: Pump,
    queue: LocalQueue,
    handler_module: ModuleType,
    dynamodb: DynamoDBClient,
    table: str,
) -> None:
    # Given SHARER's repost to 61 feeds in parts of 25, its part 1 queued
    post_id, fans = shared_by_sharer(api, store, pump)
    run(api, SHARER, REPOST, p=post_id)
    pump()
    (first,) = queue.receive()
    # When part 1 arrives twice
    for _ in range(2):
        assert deliver(handler_module, [first]) == {"batchItemFailures": []}
    queue.delete([first])
    # Then part 2 is queued once, and with it every feed holds the repost once
    waiting = queue.receive()
    assert [json.loads(r["body"])["part"] for r in waiting] == [2]
    assert deliver(handler_module, waiting) == {"batchItemFailures": []}
    queue.delete(waiting)
    assert sorted(repost_entries(dynamodb, table, post_id)) == sorted([SHARER, *fans])


def test_a_part_queued_before_the_repost_was_undone_adds_nothing(
    api: GraphQLClient,
    store: Store,
    pump: Pump,
    queue: LocalQueue,
    handler_module: ModuleType,
    dynamodb: DynamoDBClient,
    table: str,
) -> None:
    # Given a repost whose first part ran and whose second waits in the queue
    post_id, _fans = shared_by_sharer(api, store, pump)
    run(api, SHARER, REPOST, p=post_id)
    pump()
    # When it is undone, and the undoing finishes first
    run(api, SHARER, UNREPOST, p=post_id)
    pump()
    drain(queue, handler_module, undo=True)
    assert repost_entries(dynamodb, table, post_id) == []
    # Then the repost's late parts find it gone and write nothing
    assert drain(queue, handler_module) == 1
    assert repost_entries(dynamodb, table, post_id) == []
    assert seen_markers(dynamodb, table) == []


def test_without_a_queue_a_reposts_parts_run_in_the_same_process(
    api: GraphQLClient,
    store: Store,
    stream_reader: StreamReader,
    dynamodb: DynamoDBClient,
    table: str,
) -> None:
    # Given local serve's fan-out (no queue configured) with a bound of 25 feeds
    fanout = FanOut(store, settings=FanOutSettings(feeds_per_invocation=PART, parallel_writes=4))
    fans = sharer_with_followers(store)
    post_id = writers_post(api)
    # When SHARER reposts, and the stream's records reach that fan-out
    run(api, SHARER, REPOST, p=post_id)
    records: list[dict[str, Any]] = []
    for _ in range(100):  # until the repost's own record has come (the stream may lag)
        records += stream_reader.poll()
        if any(r["dynamodb"]["Keys"]["SK"]["S"].startswith("REPOST#") for r in records):
            break
        time.sleep(0.05)
    assert process_records(records, fanout) == []
    # Then all 61 feeds have it: the later parts ran right after the first
    assert sorted(repost_entries(dynamodb, table, post_id)) == sorted([SHARER, *fans])
