"""The AppSync door through `handler.handler`, with AWS's sample AppSync events."""

from __future__ import annotations

import copy
import json
import time
from datetime import timedelta
from types import ModuleType
from typing import Any

import pytest

from cli.dev_issuer import DevIssuer
from core.clock import now_iso
from core.models import UserProfile
from core.notifications import Notice, NotificationKind
from fanout.hashtags import HashtagIndexer
from store.clients import dynamodb_client
from store.repository import Store
from tests.api.conftest import SETTLE_MS, LambdaContext, invoke
from tests.conftest import ALICE, BOB
from tests.support.appsync import AppSyncStandIn, appsync_event
from tests.support.counting import RequestCounter
from tests.support.events import _load, http_api_v2_event

pytestmark = pytest.mark.integration

# What AppSync hands over for a Cognito user pools caller (shape of the AWS sample).
ALICE_IDENTITY = {
    **_load("appSyncDirectResolver.json")["identity"],
    "sub": ALICE,
    "username": "alice",
}
ALICE_IDENTITY["claims"] = {**ALICE_IDENTITY["claims"], "sub": ALICE, "cognito:username": "alice"}


def call(module: ModuleType, event: Any) -> Any:
    return module.handler(event, LambdaContext())


@pytest.fixture
def people(store: Store) -> None:
    store.users.create(UserProfile(ALICE, "alice", "Alice", now_iso()))
    store.users.create(UserProfile(BOB, "bob", "Bob", now_iso()))


@pytest.mark.usefixtures("people")
def test_a_mutation_from_the_direct_resolver_sample(
    handler_module: ModuleType, store: Store
) -> None:
    event = copy.deepcopy(_load("appSyncDirectResolver.json"))  # jdoe, Cognito user pools
    event["info"] = {**event["info"], "parentTypeName": "Mutation", "fieldName": "createPost"}
    event["arguments"] = {"input": {"title": "Via AppSync", "category": "tech"}}
    created = call(handler_module, event)
    assert created["title"] == "Via AppSync"
    assert created["createdAt"].endswith("Z")
    stored = store.posts.get(created["id"])
    assert stored is not None
    assert stored.author_id == event["identity"]["sub"]


@pytest.mark.usefixtures("people")
def test_a_query_from_the_resolver_event_sample(handler_module: ModuleType, store: Store) -> None:
    post = store.posts.create(author_id=BOB, title="hello", body="", category="tech")
    event = copy.deepcopy(_load("appsync_resolver_event.json"))  # with prev, stash, domainName
    event["info"] = {**event["info"], "parentTypeName": "Query", "fieldName": "post"}
    event["arguments"] = {"id": post.id}
    answer = call(handler_module, event)
    assert {k: answer[k] for k in ("id", "title", "likeCount")} == {
        "id": post.id,
        "title": "hello",
        "likeCount": 0,
    }


@pytest.mark.usefixtures("people")
def test_a_batch_of_nested_fields_is_one_request_and_keeps_order(
    handler_module: ModuleType, store: Store
) -> None:
    # Given ten posts by two authors, as AppSync holds them after resolving a list
    posts = [
        store.posts.create(author_id=[ALICE, BOB][n % 2], title=f"p{n}", body="", category="tech")
        for n in range(10)
    ]
    page = call(handler_module, appsync_event("Query", "posts", {"limit": 10}, ALICE_IDENTITY))
    template: dict[str, Any] = _load("appSyncBatchEvent.json")[0]
    batch = [
        {
            **template,
            "identity": ALICE_IDENTITY,
            "source": item,
            "arguments": {},
            "info": {**template["info"], "parentTypeName": "Post", "fieldName": "author"},
        }
        for item in page["items"]
    ]
    # When AppSync batches Post.author for all of them, one of them malformed
    batch[3] = {**batch[3], "arguments": "not an object"}
    counter = RequestCounter(dynamodb_client("us-east-1"))
    answers = call(handler_module, batch)
    counter.close()
    # Then one answer per item, in order, one failure that does not fail the rest, one request
    assert len(answers) == 10
    assert answers[3] == {
        "data": None,
        "errorMessage": "arguments must be an object",
        "errorType": "BAD_USER_INPUT",
    }
    handles = [a["data"]["handle"] for i, a in enumerate(answers) if i != 3]
    expected = [("alice" if p.author_id == ALICE else "bob") for p in reversed(posts)]
    assert handles == [h for i, h in enumerate(expected) if i != 3]
    assert counter.calls == {"BatchGetItem": 1}


@pytest.mark.parametrize(
    ("event", "error"),
    [
        pytest.param(
            appsync_event("Query", "nope", {}, ALICE_IDENTITY), "BAD_USER_INPUT", id="unknown field"
        ),
        pytest.param(
            appsync_event("Query", "posts", {"limit": 0}, ALICE_IDENTITY),
            "BAD_USER_INPUT",
            id="bad argument",
        ),
        pytest.param(
            appsync_event("Query", "posts", {}, None), "UNAUTHENTICATED", id="API key caller"
        ),
        pytest.param(
            appsync_event(
                "Mutation",
                "createPost",
                {"input": {"title": "x" * 100_000, "category": "tech"}},
                ALICE_IDENTITY,
            ),
            "BAD_USER_INPUT",
            id="oversized input",
        ),
        pytest.param(
            appsync_event("Subscription", "onNotification", {"recipientId": BOB}, ALICE_IDENTITY),
            "FORBIDDEN",
            id="someone else's notifications",
        ),
        pytest.param(
            appsync_event("Subscription", "onNotification", {}, ALICE_IDENTITY),
            "FORBIDDEN",
            id="notifications of nobody",
        ),
        pytest.param(
            appsync_event("Subscription", "onNotification", {"recipientId": ALICE}, None),
            "UNAUTHENTICATED",
            id="notifications without a user",
        ),
        pytest.param(
            appsync_event("Subscription", "onCreatePost", {}, ALICE_IDENTITY),
            "BAD_USER_INPUT",
            id="a subscription AppSync no longer has",
        ),
    ],
)
def test_errors_carry_our_code_as_error_type(
    handler_module: ModuleType, event: dict[str, Any], error: str, dynamodb: Any, table: str
) -> None:
    from tests.conftest import table_items

    before = table_items(dynamodb, table)
    with pytest.raises(Exception) as raised:  # noqa: PT011 (the type's name is the contract)
        call(handler_module, event)
    assert type(raised.value).__name__ == error
    assert table_items(dynamodb, table) == before


@pytest.mark.parametrize(
    ("field", "arguments"),
    [("onNotification", {"recipientId": ALICE}), ("onPostEvent", {"category": "music"})],
)
def test_a_subscription_is_let_through_at_subscribe_time_without_a_read(
    handler_module: ModuleType, field: str, arguments: dict[str, Any]
) -> None:
    counter = RequestCounter(dynamodb_client("us-east-1"))
    answer = call(handler_module, appsync_event("Subscription", field, arguments, ALICE_IDENTITY))
    counter.close()
    assert answer is None  # AppSync starts the subscription on a null result
    assert counter.calls == {}


@pytest.mark.parametrize(
    "event", [{}, [], [{"no": "info"}], "text"], ids=["{}", "[]", "junk", "str"]
)
def test_unrecognised_events_fail_loudly(handler_module: ModuleType, event: Any) -> None:
    unsupported = handler_module.UnsupportedEvent
    with pytest.raises(unsupported):
        call(handler_module, event)


def sealed_tokens(data: Any) -> Any:
    if isinstance(data, dict):
        return {
            k: ("<sealed>" if k in ("nextToken", "cursor") and v else sealed_tokens(v))
            for k, v in data.items()
        }
    if isinstance(data, list):
        return [sealed_tokens(v) for v in data]
    return data


EQUIVALENT = {
    "posts with authors": (
        "query { posts(limit: 5) { items { id title likeCount viewerHasLiked "
        "author { handle followerCount viewerFollows } } nextToken } }",
        {},
    ),
    "a post with comments": (
        "query($id: ID!) { post(id: $id) { title commentCount comments(limit: 2) { items { body "
        "author { handle } } nextToken } } }",
        {"id": "{post}"},
    ),
    "a user by handle with lists": (
        'query { user(handle: "bob") { handle posts(limit: 2) { items { title } } '
        "followers { items { handle } } following { items { handle } } } }",
        {},
    ),
    "me and categories": ("query { me { handle followingCount } categories health }", {}),
    "post events with their posts": (
        "query($after: String) { postEvents(after: $after) { items { type postId commentId "
        "post { title author { handle } } comment { body } } cursor } }",
        {"after": "{cursor}"},
    ),
    "notifications with their actors": (
        "query { notifications { items { id kind count seen actors { handle } post { title } } "
        "nextToken } unreadNotificationCount }",
        {},
    ),
    "notification updates": (
        "query($after: String) { notificationUpdates(after: $after) { items { kind cursor "
        "actor { handle } notification { kind count actors { handle } } } cursor } }",
        {"after": "{notified}"},
    ),
    "a hashtag timeline, trends and people": (
        'query { hashtag(tag: "#Shared") { tag posts(limit: 5) { items { title hashtags '
        "hashtagSpans { tag start end } mentions { user { handle } start end } "
        'author { handle } } nextToken } } trendingHashtags { tag count } searchUsers(query: "B") '
        "{ items { handle } nextToken } }",
        {},
    ),
    "an idempotent like": (
        "mutation($id: ID!) { likePost(postId: $id) { likeCount viewerHasLiked "
        "author { handle } } }",
        {"id": "{post}"},
    ),
}


@pytest.mark.usefixtures("people")
@pytest.mark.parametrize(("query", "variables"), EQUIVALENT.values(), ids=EQUIVALENT.keys())
def test_strawberry_and_appsync_give_the_same_data(
    handler_module: ModuleType,
    store: Store,
    issuer: DevIssuer,
    query: str,
    variables: dict[str, Any],
) -> None:
    # Given some content, made after a change-log cursor was taken
    cursor = store.changes.start("all", timedelta(milliseconds=SETTLE_MS))
    notified = store.notifications.start(ALICE, timedelta(milliseconds=SETTLE_MS))
    store.follows.follow(ALICE, BOB)
    post = store.posts.create(author_id=BOB, title="shared", body="#shared @bob", category="tech")
    HashtagIndexer(store).retag(post.id)
    store.comments.add(post.id, ALICE, "first")
    store.comments.add(post.id, BOB, "second")
    store.comments.add(post.id, ALICE, "third")
    store.likes.like(post.id, ALICE, post.author_id)
    store.notifications.add(Notice(ALICE, NotificationKind.FOLLOW, BOB, now_iso()))
    time.sleep(SETTLE_MS / 1000 + 0.05)
    filled = {
        k: v.format(post=post.id, cursor=cursor, notified=notified) for k, v in variables.items()
    }
    # When the same operation runs through the HTTP path and through the AppSync door
    token = issuer.issue(ALICE, "alice")
    status, body = invoke(
        handler_module,
        http_api_v2_event(
            {"query": query, "variables": filled}, headers={"authorization": f"Bearer {token}"}
        ),
    )
    assert status == 200
    assert "errors" not in body, body
    appsync = AppSyncStandIn(lambda e: call(handler_module, e), ALICE_IDENTITY)
    # Then the data agree, field by field (cursors are sealed with a fresh nonce each time)
    assert sealed_tokens(appsync.execute(query, filled)) == sealed_tokens(body["data"])
    if "postEvents" in body["data"]:  # the events of the content above, not an empty page
        assert len(body["data"]["postEvents"]["items"]) == 4  # created + 3 comments
    if "hashtag" in body["data"]:
        assert body["data"]["hashtag"]["posts"]["items"][0]["mentions"][0]["start"] == 8
        assert body["data"]["trendingHashtags"] == [{"tag": "shared", "count": 1}]
        assert body["data"]["searchUsers"]["items"] == [{"handle": "bob"}]
    if "notificationUpdates" in body["data"]:
        assert len(body["data"]["notificationUpdates"]["items"]) == 1
    assert json.dumps(body["data"])  # plain JSON all the way down


def test_one_container_serves_appsync_then_http(handler_module: ModuleType) -> None:
    # Given a warm container that has just answered AppSync
    assert call(handler_module, appsync_event("Query", "health", {}, None)) == "ok"
    # When API Gateway sends the next request to the same container, it is answered
    status, body = invoke(handler_module, http_api_v2_event({"query": "{ health }"}))
    assert (status, body) == (200, {"data": {"health": "ok"}})
