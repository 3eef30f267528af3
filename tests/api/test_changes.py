"""Polling the change log through GraphQL: `postEvents` and `feedUpdates`, costs and bad input."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import timedelta
from typing import TYPE_CHECKING, Any

import pytest
from starlette.testclient import TestClient

from cli.local_app import local_app
from core.clock import utc_now
from core.config import Settings
from core.models import UserProfile
from store.repository import Store
from tests.conftest import ALICE, BOB, CURSOR_SECRET, GraphQLClient, error_codes
from tests.support.counting import RequestCounter

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

    from cli.dev_issuer import DevIssuer
    from store.media import MediaStorage

pytestmark = pytest.mark.integration

SETTLE_MS = 300
POST_EVENTS = """
query Poll($after: String, $limit: Int! = 25, $category: String, $authorId: ID) {
  postEvents(after: $after, limit: $limit, category: $category, authorId: $authorId) {
    items { type cursor at postId commentId post { id title author { id } } comment { body } }
    cursor
  }
}"""
FEED_UPDATES = """
query Poll($after: String, $limit: Int! = 25) {
  feedUpdates(after: $after, limit: $limit) {
    items { type postId post { title author { handle } } } cursor
  }
}"""


@pytest.fixture
def settings(table: str, bucket: str) -> Settings:
    return Settings.from_env(
        {
            "TABLE_NAME": table,
            "BUCKET_NAME": bucket,
            "CURSOR_SECRET": CURSOR_SECRET,
            "CHANGES_SETTLE_MS": str(SETTLE_MS),
        }
    )


def settle() -> None:
    time.sleep(SETTLE_MS / 1000 + 0.05)


def poll(api: GraphQLClient, after: str | None = None, **arguments: Any) -> dict[str, Any]:
    result = api.execute(POST_EVENTS, after=after, **arguments)
    assert "errors" not in result, result
    batch: dict[str, Any] = result["data"]["postEvents"]
    return batch


def mutate(api: GraphQLClient, query: str, **variables: Any) -> dict[str, Any]:
    result = api.execute(query, **variables)
    assert "errors" not in result, result
    data: dict[str, Any] = result["data"]
    return data


def create_post(api: GraphQLClient, title: str, category: str = "tech") -> str:
    data = mutate(
        api,
        "mutation($i: CreatePostInput!) { createPost(input: $i) { id } }",
        i={"title": title, "category": category},
    )
    post_id: str = data["createPost"]["id"]
    return post_id


def test_a_post_s_life_arrives_in_order_once(api: GraphQLClient, store: Store) -> None:
    store.users.create(UserProfile(ALICE, "alice", "Alice", utc_now().isoformat()))
    # Given a cursor taken before anything happened
    start = poll(api)
    assert start["items"] == []
    # When a post is created, updated, commented on and deleted
    post_id = create_post(api, "first")
    mutate(
        api,
        "mutation($i: UpdatePostInput!) { updatePost(input: $i) { version } }",
        i={"id": post_id, "expectedVersion": 1, "title": "second"},
    )
    mutate(
        api,
        "mutation($i: AddCommentInput!) { addComment(input: $i) { id } }",
        i={"postId": post_id, "body": "nice"},
    )
    settle()
    # Then a poll before the delete reports three events, the post as it is now
    batch = poll(api, start["cursor"])
    assert [e["type"] for e in batch["items"]] == ["POST_CREATED", "POST_UPDATED", "COMMENT_ADDED"]
    assert {e["post"]["title"] for e in batch["items"]} == {"second"}
    assert batch["items"][0]["post"]["author"] == {"id": ALICE}
    assert batch["items"][2]["comment"] == {"body": "nice"}
    ats = [e["at"] for e in batch["items"]]
    assert ats == sorted(ats)
    # And the delete is a tombstone with the id, after which the post is null everywhere
    mutate(api, "mutation($p: ID!) { deletePost(id: $p) { id } }", p=post_id)
    settle()
    tail = poll(api, batch["cursor"])
    assert [(e["type"], e["postId"], e["post"]) for e in tail["items"]] == [
        ("POST_DELETED", post_id, None)
    ]
    # And resuming from any event's own cursor gives exactly what followed it
    resumed = poll(api, batch["items"][0]["cursor"])
    assert [e["type"] for e in resumed["items"]] == [
        "POST_UPDATED",
        "COMMENT_ADDED",
        "POST_DELETED",
    ]
    assert poll(api, tail["cursor"])["items"] == []


def test_topics_are_a_category_an_author_or_everything(api: GraphQLClient) -> None:
    cursors = {
        "all": poll(api)["cursor"],
        "tech": poll(api, category="tech")["cursor"],
        "design": poll(api, category="design")["cursor"],
        "bob": poll(api, authorId=BOB)["cursor"],
    }
    tech = create_post(api, "tech post", "tech")
    art = create_post(api.as_user(BOB), "design post", "design")
    settle()

    def posts(topic: str, **arguments: Any) -> list[str]:
        return [e["postId"] for e in poll(api, cursors[topic], **arguments)["items"]]

    assert posts("all") == [tech, art]
    assert posts("tech", category="tech") == [tech]
    assert posts("design", category="design") == [art]
    assert posts("bob", authorId=BOB) == [art]


def test_moving_a_post_to_another_category_tells_both(api: GraphQLClient) -> None:
    post_id = create_post(api, "mover", "tech")
    settle()
    tech, art = poll(api, category="tech")["cursor"], poll(api, category="design")["cursor"]
    mutate(
        api,
        "mutation($i: UpdatePostInput!) { updatePost(input: $i) { version } }",
        i={"id": post_id, "expectedVersion": 1, "category": "design"},
    )
    settle()
    for cursor, category in ((tech, "tech"), (art, "design")):
        events = poll(api, cursor, category=category)["items"]
        assert [(e["type"], e["postId"]) for e in events] == [("POST_UPDATED", post_id)]


def test_pages_of_a_long_log_join_up_exactly(api: GraphQLClient) -> None:
    start = poll(api)["cursor"]
    created = [create_post(api, f"p{n}") for n in range(7)]
    settle()
    seen: list[str] = []
    cursor = start
    while True:
        batch = poll(api, cursor, limit=3)
        seen += [e["postId"] for e in batch["items"]]
        cursor = batch["cursor"]
        if len(batch["items"]) < 3:
            break
    assert seen == created


def test_an_empty_poll_costs_one_request(api: GraphQLClient, counter: RequestCounter) -> None:
    cursor = poll(api)["cursor"]
    settle()
    counter.reset()
    assert poll(api, cursor)["items"] == []
    assert dict(counter.calls) == {"Query": 1}


def test_a_poll_of_25_events_with_posts_and_authors_costs_two_requests(
    api: GraphQLClient, store: Store, counter: RequestCounter
) -> None:
    authors = [f"author{n}" for n in range(5)]
    for author in authors:
        store.users.create(UserProfile(author, author, author.title(), utc_now().isoformat()))
    cursor = poll(api)["cursor"]
    for n in range(25):
        create_post(api.as_user(authors[n % 5]), f"post {n}")
    settle()
    counter.reset()
    result = api.execute(
        """query($a: String) { postEvents(after: $a) { items { post { title
          author { id } viewerHasLiked } } cursor } }""",
        a=cursor,
    )
    items = result["data"]["postEvents"]["items"]
    assert len(items) == 25
    assert all(e["post"]["author"]["id"] in authors for e in items)
    # One Query of the log, then ONE BatchGetItem: events carry their post's author, so posts,
    # authors, the viewer's likes and the visibility set go out together.
    assert counter.calls == {"Query": 1, "BatchGetItem": 1}


def test_feed_updates_report_what_reaches_the_home_feed(
    api: GraphQLClient, store: Store, pump_fanout: Any
) -> None:
    store.users.create(UserProfile(ALICE, "alice", "Alice", utc_now().isoformat()))
    store.users.create(UserProfile(BOB, "bob", "Bob", utc_now().isoformat()))
    mutate(api, "mutation($u: ID!) { follow(userId: $u) { id } }", u=BOB)
    pump_fanout()
    cursor = api.execute(FEED_UPDATES)["data"]["feedUpdates"]["cursor"]
    bob = api.as_user(BOB)
    post_id = create_post(bob, "for my followers")
    create_post(api.as_user("ustranger"), "not followed")
    pump_fanout()
    settle()
    result = api.execute(FEED_UPDATES, after=cursor)
    assert "errors" not in result, result
    items = result["data"]["feedUpdates"]["items"]
    assert items == [
        {
            "type": "POST_CREATED",
            "postId": post_id,
            "post": {"title": "for my followers", "author": {"handle": "bob"}},
        }
    ]


@pytest.fixture
def pump_fanout(store: Store, stream_reader: Any) -> Any:
    """Apply the table's stream to the feeds with the fan-out's own code, until it is quiet."""
    from fanout.door import process_records
    from fanout.service import FanOut

    fanout = FanOut(store)

    def pump() -> None:
        quiet = 0
        while quiet < 2:
            records = stream_reader.poll()
            assert process_records(records, fanout) == []
            quiet = 0 if records else quiet + 1

    return pump


@pytest.fixture
def future_api(
    settings: Settings,
    dynamodb: DynamoDBClient,
    media: MediaStorage,
    issuer: DevIssuer,
) -> Iterator[GraphQLClient]:
    """The API as it will answer 25 hours from now."""
    store = Store.connect(
        dynamodb,
        settings.table_name,
        settings.cursor_secret,
        clock=lambda: utc_now() + timedelta(hours=25),
    )
    app = local_app(settings, dev_issuer=issuer, store=store, media=media)
    with TestClient(app, raise_server_exceptions=False) as http:
        yield GraphQLClient(http, issuer).as_user(ALICE)


def test_a_cursor_past_the_retention_asks_for_a_resync(
    api: GraphQLClient, future_api: GraphQLClient
) -> None:
    cursor = poll(api)["cursor"]
    result = future_api.execute(POST_EVENTS, after=cursor)
    assert error_codes(result) == ["BAD_USER_INPUT"]
    assert result["errors"][0]["extensions"]["resync"] is True
    assert "24-hour retention" in result["errors"][0]["message"]
    assert "without `after`" in result["errors"][0]["message"]


BAD_POLLS = {
    "forged cursor": ({"after": "AAAA" * 30}, "after: invalid"),
    "not base64": ({"after": "%%%"}, "after: invalid"),
    "huge cursor": ({"after": "A" * 5000}, "after"),
    "limit 0": ({"limit": 0}, "limit"),
    "limit 1000": ({"limit": 1000}, "limit"),
    "negative limit": ({"limit": -1}, "limit"),
    "two topics": ({"category": "tech", "authorId": BOB}, "not both"),
    "unknown category": ({"category": "nope"}, "unknown category"),
    "bad author id": ({"authorId": "x" * 200}, "authorId"),
}


@pytest.mark.parametrize(("arguments", "says"), BAD_POLLS.values(), ids=BAD_POLLS.keys())
def test_bad_polls_are_refused_clearly(
    api: GraphQLClient, arguments: dict[str, Any], says: str
) -> None:
    result = api.execute(POST_EVENTS, **arguments)
    assert error_codes(result) == ["BAD_USER_INPUT"], result
    assert says in result["errors"][0]["message"]
    assert "Traceback" not in str(result)


def test_a_cursor_from_another_topic_is_refused(api: GraphQLClient) -> None:
    tech = poll(api, category="tech")["cursor"]
    for arguments in ({"category": "design"}, {}, {"authorId": BOB}):
        result = api.execute(POST_EVENTS, after=tech, **arguments)
        assert error_codes(result) == ["BAD_USER_INPUT"], arguments
    # A feed cursor is bound to its owner: Bob cannot poll Alice's feed with it
    alice_feed = api.execute(FEED_UPDATES)["data"]["feedUpdates"]["cursor"]
    result = api.as_user(BOB).execute(FEED_UPDATES, after=alice_feed)
    assert error_codes(result) == ["BAD_USER_INPUT"]
    # And a page token of `posts` is no change-log cursor either
    create_post(api, "a")
    create_post(api, "b")
    page = api.execute("{ posts(limit: 1) { nextToken } }")["data"]["posts"]["nextToken"]
    assert error_codes(api.execute(POST_EVENTS, after=page)) == ["BAD_USER_INPUT"]
