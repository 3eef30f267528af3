"""Home feeds: GraphQL writes, fan-out through `handler.handler` from real stream records."""

from __future__ import annotations

import math
from types import ModuleType
from typing import TYPE_CHECKING, Any

import pytest
from botocore.exceptions import EndpointConnectionError

from core.clock import now_iso
from core.models import CommentOrder, UserProfile
from store.clients import dynamodb_change_client, dynamodb_client
from store.repository import Store
from tests.api.conftest import LambdaContext, Pump
from tests.conftest import GraphQLClient, table_items
from tests.support.counting import RequestCounter
from tests.support.events import stream_event

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

    from store.streams import StreamReader

pytestmark = pytest.mark.integration

AUTHOR, FAN, OTHER_FAN, STRANGER = "uauthor", "ufan", "uotherfan", "ustranger"
FEED = "{ feed(limit: 50) { items { id title author { id } } nextToken } }"


def profile(api: GraphQLClient, user_id: str) -> None:
    result = api.as_user(user_id).execute(
        "mutation($i: CreateProfileInput!) { createProfile(input: $i) { id } }",
        i={"handle": user_id, "displayName": user_id.title()},
    )
    assert "errors" not in result, result


def follow(api: GraphQLClient, follower: str, followee: str) -> None:
    result = api.as_user(follower).execute(
        "mutation($u: ID!) { follow(userId: $u) { id } }", u=followee
    )
    assert "errors" not in result, result


def publish(api: GraphQLClient, author: str, title: str) -> str:
    result = api.as_user(author).execute(
        "mutation($i: CreatePostInput!) { createPost(input: $i) { id } }",
        i={"title": title, "category": "tech"},
    )
    post_id: str = result["data"]["createPost"]["id"]
    return post_id


def feed_titles(api: GraphQLClient, user: str) -> list[str]:
    result = api.as_user(user).execute(FEED)
    return [p["title"] for p in result["data"]["feed"]["items"]]


@pytest.fixture
def people(api: GraphQLClient) -> None:
    for user in (AUTHOR, FAN, OTHER_FAN, STRANGER):
        profile(api, user)
    follow(api, FAN, AUTHOR)
    follow(api, OTHER_FAN, AUTHOR)


@pytest.mark.usefixtures("people")
def test_a_post_reaches_the_author_and_followers_only(api: GraphQLClient, pump: Pump) -> None:
    # Given two followers of the author; when the author posts and the stream is delivered
    publish(api, AUTHOR, "Hello followers")
    pump()
    # Then the post is in the author's and the followers' feeds, and nobody else's
    assert feed_titles(api, FAN) == ["Hello followers"]
    assert feed_titles(api, OTHER_FAN) == ["Hello followers"]
    assert feed_titles(api, AUTHOR) == ["Hello followers"]
    assert feed_titles(api, STRANGER) == []


@pytest.mark.usefixtures("people")
def test_feeds_are_newest_first_and_paginate(api: GraphQLClient, pump: Pump) -> None:
    for n in range(5):
        publish(api, AUTHOR, f"p{n}")
    pump()
    fan = api.as_user(FAN)
    query = "query($t: String) { feed(limit: 2, nextToken: $t) { items { title } nextToken } }"
    seen, token = [], None
    while True:
        page = fan.execute(query, t=token)["data"]["feed"]
        seen += [p["title"] for p in page["items"]]
        token = page["nextToken"]
        if token is None:
            break
    assert seen == ["p4", "p3", "p2", "p1", "p0"]


@pytest.mark.usefixtures("people")
def test_follow_backfills_and_unfollow_removes(api: GraphQLClient, pump: Pump) -> None:
    publish(api, AUTHOR, "before you followed")
    pump()
    assert feed_titles(api, STRANGER) == []
    follow(api, STRANGER, AUTHOR)
    pump()
    assert feed_titles(api, STRANGER) == ["before you followed"]
    api.as_user(STRANGER).execute("mutation($u: ID!) { unfollow(userId: $u) { id } }", u=AUTHOR)
    pump()
    assert feed_titles(api, STRANGER) == []
    assert feed_titles(api, FAN) == ["before you followed"]  # other feeds untouched


@pytest.mark.usefixtures("people")
def test_deleted_posts_leave_feeds_and_their_collection_goes(
    api: GraphQLClient, pump: Pump, store: Store
) -> None:
    keep, gone = publish(api, AUTHOR, "keep"), publish(api, AUTHOR, "gone")
    api.as_user(FAN).execute("mutation($p: ID!) { likePost(postId: $p) { id } }", p=gone)
    api.as_user(FAN).execute(
        "mutation($i: AddCommentInput!) { addComment(input: $i) { id } }",
        i={"postId": gone, "body": "nice"},
    )
    pump()
    api.as_user(AUTHOR).execute("mutation($p: ID!) { deletePost(id: $p) { id } }", p=gone)
    pump()
    assert feed_titles(api, FAN) == ["keep"]  # filtered at read
    assert store.threads.level(gone, None, CommentOrder.OLDEST, 10, None).items == []
    assert store.posts.get(keep) is not None


def test_fan_out_costs_one_batch_write_per_25_feeds(
    api: GraphQLClient, pump: Pump, store: Store, handler_module: ModuleType
) -> None:
    # Given an author with 60 followers
    store.users.create(UserProfile(AUTHOR, AUTHOR, "Author", now_iso()))
    for n in range(60):
        store.users.create(UserProfile(f"f{n}", f"f{n}", "Fan", now_iso()))
        store.follows.follow(f"f{n}", AUTHOR)
    pump()  # backfills (nothing to backfill yet)
    # When one post is fanned out
    counter = RequestCounter(dynamodb_client("us-east-1"))
    writes = RequestCounter(dynamodb_change_client("us-east-1"))  # change-logging writes
    publish(api, AUTHOR, "to sixty")
    pump()
    counter.close()
    writes.close()
    # Then ⌈(60 followers + the author) / 25⌉ = 3 batch writes reached 61 feeds (each entry
    # is also the feed's POST_CREATED event), plus one PutItem marking the event as taken
    assert writes.calls["BatchWriteItem"] == math.ceil(61 / 25)
    assert counter.calls["BatchWriteItem"] == 0
    assert counter.calls["PutItem"] == 1
    assert all(feed_titles(api, f"f{n}") == ["to sixty"] for n in (0, 29, 59))


@pytest.mark.usefixtures("people")
def test_a_failed_batch_is_retried_without_loss_or_duplicates(
    api: GraphQLClient,
    stream_reader: StreamReader,
    handler_module: ModuleType,
    dynamodb: DynamoDBClient,
    table: str,
    pump: Pump,
) -> None:
    pump()  # the follows' backfills
    for n in range(3):
        publish(api, AUTHOR, f"post {n}")
    records = drain(stream_reader)
    # Given the database becomes unreachable during the second batch write of the fan-out
    client = dynamodb_change_client("us-east-1")  # the fan-out's batch writes go through it
    writes = {"count": 0}

    def flaky(**_: Any) -> None:
        writes["count"] += 1
        if writes["count"] == 2:
            raise EndpointConnectionError(endpoint_url="http://dynamodb")

    client.meta.events.register("before-call.dynamodb.BatchWriteItem", flaky)
    try:
        # When the batch is delivered, the handler reports the failed record
        result = handler_module.handler(stream_event(records), LambdaContext())
    finally:
        client.meta.events.unregister("before-call.dynamodb.BatchWriteItem", flaky)
    (failed,) = result["batchItemFailures"]
    sequences = [r["dynamodb"]["SequenceNumber"] for r in records]
    # And Lambda retries from that record on (the ones before it are done and are not resent)
    retry = records[sequences.index(failed["itemIdentifier"]) :]
    assert handler_module.handler(stream_event(retry), LambdaContext()) == {"batchItemFailures": []}
    # Then every feed has each post exactly once, and each POST_CREATED event once
    for user in (AUTHOR, FAN, OTHER_FAN):
        assert sorted(feed_titles(api, user)) == ["post 0", "post 1", "post 2"]
    feed_items = [i for i in table_items(dynamodb, table) if i["PK"]["S"].startswith("FEED#")]
    assert len(feed_items) == 9
    logged = [(i["GSI1PK"]["S"], i["eventId"]["S"]) for i in feed_items if "GSI1PK" in i]
    assert len(logged) == len(set(logged)) == 9


def drain(stream_reader: StreamReader) -> list[dict[str, Any]]:
    """Every record the stream holds, read until it is quiet."""
    records: list[dict[str, Any]] = []
    quiet = 0
    while quiet < 2:
        batch = stream_reader.poll()
        records += batch
        quiet = 0 if batch else quiet + 1
    return records


def test_records_it_does_not_handle_are_skipped(handler_module: ModuleType) -> None:
    from tests.support.events import _load

    sample = _load("dynamoStreamEvent.json")  # AWS's own sample: items of another table
    assert handler_module.handler(sample, LambdaContext()) == {"batchItemFailures": []}
