"""Request budgets for a viewer with 1,000 blocks: the same as with none.

The visibility set is one item read in a batch the read path sends anyway; these tests count
DynamoDB requests (botocore hooks) on each read path with a viewer who blocks 1,000 people,
some of whose posts are on every page, so the rule has work to do.
"""

from __future__ import annotations

import time
from datetime import timedelta
from typing import TYPE_CHECKING, Any

import pytest

from bench.fixture import seed_blocks
from core.clock import now_iso
from core.config import Settings
from core.models import ChangeKind, FeedEntry, UserProfile
from fanout.hashtags import HashtagIndexer
from store.keys import feed_topic
from store.repository import Store
from tests.conftest import ALICE, BOB, CURSOR_SECRET, GraphQLClient
from tests.support.counting import RequestCounter

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

pytestmark = pytest.mark.integration

SETTLE_MS = 200
BLOCKS = 1_000
AUTHORS = [f"author{n}" for n in range(5)]
#: Blocked people who also post: two of every seven posts are theirs.
BLOCKED_AUTHORS = [f"blocked{n:04d}" for n in range(2)]
POSTS = 35
#: Every seeded post carries it, so the tag's timeline is the 35 posts.
TAG = "budget"
#: A viewer who blocks nobody: each read costs the same for Alice as for them.
PLAIN = BOB


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


@pytest.fixture(scope="module")
def blocked_ids() -> list[str]:
    return BLOCKED_AUTHORS + [f"blocked{n:04d}" for n in range(len(BLOCKED_AUTHORS), BLOCKS)]


@pytest.fixture
def seeded(
    store: Store, dynamodb: DynamoDBClient, table: str, blocked_ids: list[str]
) -> dict[str, Any]:
    """Alice blocks 1,000 people; 35 posts by 7 authors (2 blocked), commented, in her feed."""
    for uid in [ALICE, *AUTHORS, *BLOCKED_AUTHORS]:
        store.users.create(UserProfile(uid, uid.lower(), uid.title(), now_iso()))
    cursor = store.changes.start("all", timedelta(0))
    writers = AUTHORS + BLOCKED_AUTHORS
    posts = [
        store.posts.create(
            author_id=writers[n % 7], title=f"p{n}", body=f"#{TAG} {n}", category="tech"
        )
        for n in range(POSTS)
    ]
    for n in range(25):
        store.comments.add(posts[0].id, writers[n % 7], f"c{n}")
    store.feeds.add(FeedEntry(ALICE, p.id, p.author_id, p.created_at) for p in posts)
    for blocked in blocked_ids[:10]:
        store.blocks.block(ALICE, blocked)
    seed_blocks(dynamodb, table, ALICE, blocked_ids[10:])
    assert len(store.blocks.visibility(ALICE, consistent=True).blocks) == BLOCKS
    time.sleep(SETTLE_MS / 1000 + 0.05)
    return {"posts": posts, "cursor": cursor, "feed_cursor": feed_topic(ALICE)}


def measure(
    api: GraphQLClient, counter: RequestCounter, query: str, **variables: Any
) -> tuple[Any, dict[str, int]]:
    counter.reset()
    result = api.execute(query, **variables)
    assert "errors" not in result, result
    return result["data"], dict(counter.calls)


def no_blocked(items: list[dict[str, Any]]) -> bool:
    return all(i["author"]["id"] not in BLOCKED_AUTHORS for i in items)


def blocked_among(items: list[dict[str, Any]]) -> int:
    return sum(i["author"]["id"] in BLOCKED_AUTHORS for i in items)


def alice_and_plain(
    api: GraphQLClient, counter: RequestCounter, query: str, **variables: Any
) -> tuple[tuple[Any, dict[str, int]], tuple[Any, dict[str, int]]]:
    """The same read by Alice (1,000 blocks) and by a viewer who blocks nobody."""
    return (
        measure(api, counter, query, **variables),
        measure(api.as_user(PLAIN), counter, query, **variables),
    )


def test_a_feed_page_costs_two_requests(
    api: GraphQLClient, counter: RequestCounter, seeded: dict[str, Any]
) -> None:
    query = """{ feed(limit: 35) { items { id author { id handle } likeCount viewerHasLiked
      commentCount } } }"""
    data, calls = measure(api, counter, query)
    assert len(data["feed"]["items"]) == POSTS * 5 // 7
    assert no_blocked(data["feed"]["items"])
    assert calls == {"Query": 1, "BatchGetItem": 1}


@pytest.mark.parametrize("liked", [False, True], ids=["authors", "authors and likes"])
def test_a_page_of_posts_costs_one_query_and_one_batch(
    api: GraphQLClient, counter: RequestCounter, seeded: dict[str, Any], liked: bool
) -> None:
    extra = "viewerHasLiked" if liked else ""
    data, calls = measure(
        api, counter, f"{{ posts(limit: 35) {{ items {{ id author {{ id handle }} {extra} }} }} }}"
    )
    assert len(data["posts"]["items"]) == POSTS * 5 // 7
    assert no_blocked(data["posts"]["items"])
    assert calls == {"Query": 1, "BatchGetItem": 1}


def test_a_users_posts_cost_two_requests(
    api: GraphQLClient, counter: RequestCounter, seeded: dict[str, Any]
) -> None:
    query = '{ user(id: "author0") { posts(limit: 20) { items { id author { id } } } } }'
    data, calls = measure(api, counter, query)
    assert len(data["user"]["posts"]["items"]) == POSTS // 7
    # The profile (with the set), then the Query, then the set is already there
    assert calls == {"BatchGetItem": 1, "Query": 1}


def test_a_post_with_20_comments_and_their_authors_costs_two_requests(
    api: GraphQLClient, counter: RequestCounter, seeded: dict[str, Any]
) -> None:
    query = """query($p: ID!) { post(id: $p) { title author { id } comments(limit: 20) {
      items { body author { id handle } } } } }"""
    data, calls = measure(api, counter, query, p=seeded["posts"][0].id)
    comments = data["post"]["comments"]["items"]
    # Of the first 20 comments, the 5 by blocked people are left out
    assert len(comments) == 15
    assert no_blocked(comments)
    assert calls == {"Query": 1, "BatchGetItem": 1}


def test_posts_by_ids_cost_two_requests(
    api: GraphQLClient, counter: RequestCounter, seeded: dict[str, Any]
) -> None:
    ids = [p.id for p in seeded["posts"]]
    query = "query($ids: [ID!]!) { postsByIds(ids: $ids) { id author { id } } }"
    data, calls = measure(api, counter, query, ids=ids)
    assert sum(p is None for p in data["postsByIds"]) == POSTS * 2 // 7
    assert calls == {"BatchGetItem": 2}


def test_a_poll_of_events_costs_two_requests_and_an_empty_one_one(
    api: GraphQLClient, counter: RequestCounter, seeded: dict[str, Any]
) -> None:
    query = """query($a: String!) { postEvents(after: $a, limit: 25) {
      items { postId post { title author { id } } } cursor } }"""
    data, calls = measure(api, counter, query, a=seeded["cursor"])
    items = data["postEvents"]["items"]
    assert 0 < len(items) < 25
    assert all(i["post"]["author"]["id"] not in BLOCKED_AUTHORS for i in items)
    assert calls == {"Query": 1, "BatchGetItem": 1}
    # An empty poll never reads the set
    end = api.execute("{ postEvents { cursor } }")["data"]["postEvents"]["cursor"]
    time.sleep(SETTLE_MS / 1000 + 0.05)
    data, calls = measure(api, counter, query, a=end)
    assert data["postEvents"]["items"] == []
    assert calls == {"Query": 1}


def test_a_poll_of_feed_updates_costs_two_requests_and_an_empty_one_one(
    api: GraphQLClient, counter: RequestCounter, store: Store, seeded: dict[str, Any]
) -> None:
    # Given every post and comment logged, as the fan-out copies them, into Alice's feed and
    # into that of a viewer who blocks nobody
    settle = timedelta(milliseconds=SETTLE_MS)
    after = {v: store.changes.start(feed_topic(v), timedelta(0)) for v in (ALICE, PLAIN)}
    events, _ = store.changes.poll("all", seeded["cursor"], 100, settle)
    assert len(events) == POSTS + 25
    assert {e.kind for e in events} == {ChangeKind.POST_CREATED, ChangeKind.COMMENT_ADDED}
    for event in events:
        store.feed_copies.copy_to_feeds(event, [ALICE, PLAIN])
    time.sleep(SETTLE_MS / 1000 + 0.05)
    query = """query($a: String!) { feedUpdates(after: $a, limit: 100) {
      items { postId commentId post { title author { id } } comment { author { id } } }
      cursor } }"""
    # When each polls their feed's log
    data, calls = measure(api, counter, query, a=after[ALICE])
    plain, plain_calls = measure(api.as_user(PLAIN), counter, query, a=after[PLAIN])
    # Then the plain viewer's poll holds the blocked people's posts and comments, Alice's
    # holds the rest: 25 of the 35 posts, the 19 comments of the 25 not by blocked people
    shown, everything = data["feedUpdates"]["items"], plain["feedUpdates"]["items"]
    assert len(everything) == POSTS + 25
    by_blocked = [
        i
        for i in everything
        if i["post"]["author"]["id"] in BLOCKED_AUTHORS
        or (i["comment"] is not None and i["comment"]["author"]["id"] in BLOCKED_AUTHORS)
    ]
    assert len(by_blocked) == POSTS * 2 // 7 + 6
    assert shown == [i for i in everything if i not in by_blocked]
    # And both cost one Query of the log, then posts, comments, authors and the set in one
    # batch (DATA_MODEL.md: polls read as a feed page does)
    assert calls == plain_calls == {"Query": 1, "BatchGetItem": 1}
    # An empty poll never reads the set
    for viewer, cursor in (
        (api, data["feedUpdates"]["cursor"]),
        (api.as_user(PLAIN), plain["feedUpdates"]["cursor"]),
    ):
        empty, calls = measure(viewer, counter, query, a=cursor)
        assert empty["feedUpdates"]["items"] == []
        assert calls == {"Query": 1}


def test_a_page_of_bookmarks_costs_three_requests(
    api: GraphQLClient, counter: RequestCounter, store: Store, seeded: dict[str, Any]
) -> None:
    # Given Alice and a viewer who blocks nobody have both saved every post
    for viewer in (ALICE, PLAIN):
        for post in seeded["posts"]:
            store.bookmarks.add(viewer, post.id)
    query = """{ bookmarks(limit: 35) { items { id author { id handle } likeCount
      viewerHasLiked viewerHasBookmarked } nextToken } }"""
    # When each reads their list
    (data, calls), (plain, plain_calls) = alice_and_plain(api, counter, query)
    # Then Alice's leaves out the blocked people's 10 posts the plain viewer's holds
    everything = plain["bookmarks"]["items"]
    assert len(everything) == POSTS
    assert blocked_among(everything) == POSTS * 2 // 7
    assert data["bookmarks"]["items"] == [i for i in everything if blocked_among([i]) == 0]
    # And both cost the documented 3 (DATA_MODEL.md, bench "bookmarks page of 20"): 1 Query,
    # the posts with the set, then authors, likes and bookmark flags
    assert calls == plain_calls == {"Query": 1, "BatchGetItem": 2}


def test_a_hashtag_page_costs_one_query_and_one_batch(
    api: GraphQLClient, counter: RequestCounter, store: Store, seeded: dict[str, Any]
) -> None:
    # Given the 35 posts indexed under their tag, as the fan-out indexes them
    indexer = HashtagIndexer(store)
    for post in seeded["posts"]:
        indexer.retag(post.id, created=True)
    query = """query($tag: String!) { hashtag(tag: $tag) { posts(limit: 35) {
      items { id author { id handle } likeCount viewerHasLiked } nextToken } } }"""
    # When Alice and a viewer who blocks nobody read the tag's timeline
    (data, calls), (plain, plain_calls) = alice_and_plain(api, counter, query, tag=TAG)
    # Then the blocked people's posts are on the plain viewer's page and not on Alice's
    everything = plain["hashtag"]["posts"]["items"]
    assert len(everything) == POSTS
    assert blocked_among(everything) == POSTS * 2 // 7
    shown = data["hashtag"]["posts"]["items"]
    assert shown == [i for i in everything if blocked_among([i]) == 0]
    # And both cost what posts(category) costs (DATA_MODEL.md "Hashtags"): 1 Query, then
    # posts, authors, likes and the set in one batch
    assert calls == plain_calls == {"Query": 1, "BatchGetItem": 1}


def test_a_people_search_costs_one_query_and_one_batch(
    api: GraphQLClient,
    counter: RequestCounter,
    store: Store,
    seeded: dict[str, Any],
    blocked_ids: list[str],
) -> None:
    # Given ten more blocked people and five others, all of them found by "b"
    blocked = blocked_ids[: len(BLOCKED_AUTHORS) + 10]
    others = [f"bystander{n}" for n in range(5)]
    for uid in [*blocked[len(BLOCKED_AUTHORS) :], *others]:
        store.users.create(UserProfile(uid, uid, uid.title(), now_iso()))
    query = """query($q: String!) { searchUsers(query: $q, limit: 20) {
      items { id handle displayName } nextToken } }"""
    # When Alice and a viewer who blocks nobody search for them
    (data, calls), (plain, plain_calls) = alice_and_plain(api, counter, query, q="b")
    # Then the plain viewer finds all 17, Alice only the five she does not block
    assert [u["id"] for u in plain["searchUsers"]["items"]] == blocked + others
    assert [u["id"] for u in data["searchUsers"]["items"]] == others
    # And both cost 1 Query of the people index + 1 BatchGetItem of the profiles and the set
    # (DATA_MODEL.md "Finding people", bench "user search")
    assert calls == plain_calls == {"Query": 1, "BatchGetItem": 1}
