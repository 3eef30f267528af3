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
from core.models import FeedEntry, UserProfile
from store.keys import feed_topic
from store.repository import Store
from tests.conftest import ALICE, CURSOR_SECRET, GraphQLClient
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
        store.posts.create(author_id=writers[n % 7], title=f"p{n}", body="", category="tech")
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
