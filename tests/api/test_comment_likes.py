"""Likes of comments: exact counts under concurrency, TOP order, viewerHasLiked in the page's
batch, blocks, and grouped notifications."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from core.clock import now_iso
from core.models import UserProfile
from store.repository import Store
from tests.api.conftest import Pump
from tests.conftest import ALICE, BOB, GraphQLClient, error_codes, table_items
from tests.support.counting import RequestCounter

pytestmark = pytest.mark.integration

CAROL = "carol-3"
LIKE = "mutation($p: ID!, $c: ID!) { likeComment(postId: $p, id: $c) { likeCount } }"
UNLIKE = "mutation($p: ID!, $c: ID!) { unlikeComment(postId: $p, id: $c) { likeCount } }"
PAGE = """query($p: ID!) { post(id: $p) { comments(order: TOP) { items {
  body likeCount viewerHasLiked author { id }
  replies { items { body likeCount viewerHasLiked author { id } } } } } } }"""


@pytest.fixture
def post_id(store: Store) -> str:
    for person in (ALICE, BOB, CAROL):
        store.users.create(UserProfile(person, person.replace("-", "_"), person, now_iso()))
    return store.posts.create(author_id=ALICE, title="t", body="", category="tech").id


def data(result: dict[str, Any]) -> Any:
    assert "errors" not in result, result
    return result["data"]


def like(api: GraphQLClient, user: str, post_id: str, comment_id: str) -> int:
    count: int = data(api.as_user(user).execute(LIKE, p=post_id, c=comment_id))["likeComment"][
        "likeCount"
    ]
    return count


def test_liking_twice_counts_once_and_top_follows_the_likes(
    api: GraphQLClient, store: Store, post_id: str
) -> None:
    # Given three comments, the newest liked most
    quiet, liked, loved = (store.comments.add(post_id, BOB, b) for b in ("quiet", "liked", "loved"))
    assert like(api, ALICE, post_id, liked.id) == 1
    assert like(api, ALICE, post_id, liked.id) == 1  # again: nothing changes
    for person in (ALICE, BOB, CAROL):
        like(api, person, post_id, loved.id)
    # Then TOP sorts by likes, and each viewer sees their own likes
    items = data(api.as_user(ALICE).execute(PAGE, p=post_id))["post"]["comments"]["items"]
    assert [(c["body"], c["likeCount"], c["viewerHasLiked"]) for c in items] == [
        ("loved", 3, True),
        ("liked", 1, True),
        ("quiet", 0, False),
    ]
    # When likes are taken back (twice: idempotent), the order follows
    unlike = api.as_user(ALICE).execute
    assert data(unlike(UNLIKE, p=post_id, c=liked.id))["unlikeComment"]["likeCount"] == 0
    assert data(unlike(UNLIKE, p=post_id, c=liked.id))["unlikeComment"]["likeCount"] == 0
    items = data(api.as_user(CAROL).execute(PAGE, p=post_id))["post"]["comments"]["items"]
    assert [(c["body"], c["viewerHasLiked"]) for c in items] == [
        ("loved", True),
        ("liked", False),
        ("quiet", False),
    ]
    del quiet


@pytest.mark.parametrize("limit", [1, 5, 12])
def test_top_pages_are_exact_with_ties_broken_newest_first(
    api: GraphQLClient, store: Store, post_id: str, limit: int
) -> None:
    # Given twelve comments with 0 to 3 likes each, so that every count is shared by three
    comments = [store.comments.add(post_id, BOB, f"c{n}") for n in range(12)]
    for n, comment in enumerate(comments):
        for person in (ALICE, BOB, CAROL)[: n % 4]:
            store.comment_likes.like(post_id, comment.id, person)
    # When the TOP order is read page by page
    query = """query($p: ID!, $l: Int!, $t: String) { post(id: $p) {
      comments(order: TOP, limit: $l, nextToken: $t) { items { body } nextToken } } }"""
    seen: list[str] = []
    token = None
    while True:
        page = data(api.execute(query, p=post_id, l=limit, t=token))["post"]["comments"]
        seen += [c["body"] for c in page["items"]]
        token = page["nextToken"]
        if token is None:
            break
    # Then every comment comes once, most liked first and, among equals, the newest (by id) first
    expected = sorted(range(12), key=lambda n: (n % 4, comments[n].id), reverse=True)
    assert seen == [f"c{n}" for n in expected]


def test_concurrent_likes_and_unlikes_keep_the_count_exact(
    api: GraphQLClient, store: Store, post_id: str
) -> None:
    # Given one comment and 12 people liking it at once
    comment = store.comments.add(post_id, BOB, "popular")
    people = [f"fan-{n:02d}" for n in range(12)]

    def run(query: str, person: str) -> dict[str, Any]:
        return api.as_user(person).execute(query, p=post_id, c=comment.id)

    with ThreadPoolExecutor(max_workers=6) as pool:
        results = list(pool.map(lambda p: run(LIKE, p), people + people[:4]))  # some twice
    assert all("errors" not in r for r in results), results
    # Then every like counts exactly once
    found = store.comments.get(post_id, comment.id, consistent=True)
    assert found is not None
    assert found.like_count == 12
    # And taking half of them back at once leaves exactly the other half
    with ThreadPoolExecutor(max_workers=6) as pool:
        results = list(pool.map(lambda p: run(UNLIKE, p), people[:6]))
    assert all("errors" not in r for r in results), results
    found = store.comments.get(post_id, comment.id, consistent=True)
    assert found is not None
    assert found.like_count == 6
    top = data(api.execute(PAGE, p=post_id))["post"]["comments"]["items"]
    assert top[0]["likeCount"] == 6


def test_viewer_likes_of_comments_and_replies_ride_in_the_pages_batch(
    api: GraphQLClient, store: Store, post_id: str, counter: RequestCounter
) -> None:
    for n in range(5):
        top = store.comments.add(post_id, BOB, f"c{n}")
        reply = store.comments.add(post_id, CAROL, f"r{n}", top.id)
        store.comment_likes.like(post_id, reply.id, ALICE)
    counter.reset()
    items = data(api.as_user(ALICE).execute(PAGE, p=post_id))["post"]["comments"]["items"]
    assert counter.calls == {"Query": 1, "BatchGetItem": 1}
    assert all(c["replies"]["items"][0]["viewerHasLiked"] for c in items)
    assert not any(c["viewerHasLiked"] for c in items)


def test_a_blocked_person_cannot_like_the_blockers_comment(
    api: GraphQLClient, store: Store, post_id: str, dynamodb: Any, table: str
) -> None:
    comment = store.comments.add(post_id, BOB, "mine")
    store.blocks.block(BOB, CAROL)
    before = table_items(dynamodb, table)
    result = api.as_user(CAROL).execute(LIKE, p=post_id, c=comment.id)
    assert error_codes(result) == ["FORBIDDEN"]
    assert table_items(dynamodb, table) == before


@pytest.mark.parametrize(
    ("comment_id", "code"),
    [("01ARZ3NDEKTSV4RRFFQ69G5FAV", "NOT_FOUND"), ("x#y", "BAD_USER_INPUT")],
)
def test_liking_nothing_is_refused(
    api: GraphQLClient, post_id: str, comment_id: str, code: str
) -> None:
    assert error_codes(api.as_user(BOB).execute(LIKE, p=post_id, c=comment_id)) == [code]
    assert error_codes(api.as_user(BOB).execute(UNLIKE, p=post_id, c=comment_id)) == [code]


def test_likes_of_a_comment_notify_its_author_grouped_and_self_likes_are_silent(
    api: GraphQLClient, store: Store, post_id: str, pump: Pump
) -> None:
    notifications = "{ notifications { items { kind count actors { id } comment { body } } } }"
    comment = store.comments.add(post_id, BOB, "likeable")
    pump()
    for person in (BOB, ALICE, CAROL):
        like(api, person, post_id, comment.id)
    pump()
    bob = data(api.as_user(BOB).execute(notifications))["notifications"]["items"]
    assert bob == [
        {
            "kind": "COMMENT_LIKE",
            "count": 2,
            "actors": [{"id": CAROL}, {"id": ALICE}],
            "comment": {"body": "likeable"},
        }
    ]
    # A like taken back before it was seen is withdrawn
    data(api.as_user(CAROL).execute(UNLIKE, p=post_id, c=comment.id))
    pump()
    bob = data(api.as_user(BOB).execute(notifications))["notifications"]["items"]
    assert [(n["count"], n["actors"]) for n in bob] == [(1, [{"id": ALICE}])]
