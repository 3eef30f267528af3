"""Bookmarks: private, newest first, paged, idempotent; deleted posts drop out."""

from __future__ import annotations

from typing import Any

import pytest

from core.clock import now_iso
from core.models import UserProfile
from store.repository import Store
from tests.api.conftest import Pump
from tests.conftest import ALICE, BOB, GraphQLClient, error_codes, table_items
from tests.support.counting import RequestCounter

pytestmark = pytest.mark.integration

MARK = "mutation($p: ID!) { bookmark(postId: $p) { id viewerHasBookmarked } }"
UNMARK = "mutation($p: ID!) { unbookmark(postId: $p) { id viewerHasBookmarked } }"
LIST = """query($t: String, $n: Int! = 20) { bookmarks(limit: $n, nextToken: $t) {
  items { id title viewerHasBookmarked viewerHasLiked author { id } } nextToken } }"""


@pytest.fixture
def posts(store: Store) -> list[str]:
    for person in (ALICE, BOB):
        store.users.create(UserProfile(person, person.replace("-", "_"), person, now_iso()))
    return [
        store.posts.create(author_id=ALICE, title=f"p{n}", body="", category="tech").id
        for n in range(5)
    ]


def data(result: dict[str, Any]) -> Any:
    assert "errors" not in result, result
    return result["data"]


def titles(api: GraphQLClient, user: str, **variables: Any) -> list[str]:
    page = data(api.as_user(user).execute(LIST, **variables))["bookmarks"]
    return [p["title"] for p in page["items"]]


def test_bookmarks_are_newest_first_paged_private_and_idempotent(
    api: GraphQLClient, posts: list[str]
) -> None:
    # Given bob saves three posts, one of them twice
    for post_id in (posts[1], posts[3], posts[0], posts[3]):
        saved = data(api.as_user(BOB).execute(MARK, p=post_id))["bookmark"]
        assert saved == {"id": post_id, "viewerHasBookmarked": True}
    # Then his list holds each once, newest bookmark first, page by page
    first = data(api.as_user(BOB).execute(LIST, n=2))["bookmarks"]
    assert [p["title"] for p in first["items"]] == ["p0", "p3"]
    assert titles(api, BOB, t=first["nextToken"], n=2) == ["p1"]
    assert all(p["viewerHasBookmarked"] for p in first["items"])
    # And nobody else's list or flag shows them
    assert titles(api, ALICE) == []
    post = "query($p: ID!) { post(id: $p) { viewerHasBookmarked } }"
    assert (
        data(api.as_user(ALICE).execute(post, p=posts[0]))["post"]["viewerHasBookmarked"] is False
    )
    # When he takes one back, twice
    for _ in range(2):
        unsaved = data(api.as_user(BOB).execute(UNMARK, p=posts[3]))["unbookmark"]
        assert unsaved == {"id": posts[3], "viewerHasBookmarked": False}
    assert titles(api, BOB) == ["p0", "p1"]


def test_a_deleted_post_drops_out_and_its_bookmarks_go(
    api: GraphQLClient, store: Store, posts: list[str], pump: Pump, dynamodb: Any, table: str
) -> None:
    for post_id in posts[:3]:
        data(api.as_user(BOB).execute(MARK, p=post_id))
    data(api.as_user(ALICE).execute("mutation($p: ID!) { deletePost(id: $p) { id } }", p=posts[1]))
    # At once, the list leaves it out
    assert titles(api, BOB) == ["p2", "p0"]
    # And once the fan-out has run, the bookmark itself is gone
    pump()
    saved = [i for i in table_items(dynamodb, table) if i["SK"]["S"].startswith("BOOKMARK#")]
    assert sorted(i["postId"]["S"] for i in saved) == sorted([posts[0], posts[2]])
    # Unbookmarking a deleted post still works, and answers null
    assert data(api.as_user(BOB).execute(UNMARK, p=posts[1]))["unbookmark"] is None


@pytest.mark.parametrize(
    ("post_id", "code"),
    [("01ARZ3NDEKTSV4RRFFQ69G5FAV", "NOT_FOUND"), ("POST#x", "BAD_USER_INPUT")],
)
def test_bookmarking_nothing_is_refused_and_writes_nothing(
    api: GraphQLClient, posts: list[str], dynamodb: Any, table: str, post_id: str, code: str
) -> None:
    before = table_items(dynamodb, table)
    assert error_codes(api.as_user(BOB).execute(MARK, p=post_id)) == [code]
    assert table_items(dynamodb, table) == before


def test_a_post_hidden_from_you_cannot_be_saved(
    api: GraphQLClient, store: Store, posts: list[str], dynamodb: Any, table: str
) -> None:
    store.blocks.block(ALICE, BOB)
    before = table_items(dynamodb, table)
    assert error_codes(api.as_user(BOB).execute(MARK, p=posts[0])) == ["NOT_FOUND"]
    assert table_items(dynamodb, table) == before


def test_a_page_of_20_bookmarks_with_authors_likes_and_flags_costs_three_requests(
    api: GraphQLClient, store: Store, counter: RequestCounter
) -> None:
    authors = [f"writer-{n}" for n in range(20)]
    for author in authors:
        store.users.create(UserProfile(author, author.replace("-", "_"), author, now_iso()))
        post = store.posts.create(author_id=author, title=author, body="", category="tech")
        store.bookmarks.add(BOB, post.id)
    counter.reset()
    page = data(api.as_user(BOB).execute(LIST))["bookmarks"]
    assert len(page["items"]) == 20
    assert {p["author"]["id"] for p in page["items"]} == set(authors)
    assert counter.calls == {"Query": 1, "BatchGetItem": 2}
