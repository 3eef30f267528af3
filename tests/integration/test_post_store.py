"""PostRepository against AWS DynamoDB Local."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING

import pytest

from core.errors import (
    Conflict,
    Forbidden,
    InvalidCursor,
    PostNotFound,
    RequestTokenReused,
    VersionConflict,
)
from core.models import PostChanges
from tests.conftest import ALICE, BOB, table_items

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

    from core.models import Post
    from store.repository import Store

pytestmark = pytest.mark.integration


def _create(store: Store, title: str = "t", category: str = "tech", author: str = ALICE) -> Post:
    return store.posts.create(author_id=author, title=title, body="b", category=category)


def test_created_post_reads_back(store: Store) -> None:
    created = _create(store, "Hello")
    assert store.posts.get(created.id) == created
    assert created.version == 1
    assert created.created_at == created.updated_at


def test_missing_post_reads_as_none(store: Store) -> None:
    assert store.posts.get("01HZ0000000000000000000000") is None


def test_same_request_token_returns_the_same_post(
    store: Store, dynamodb: DynamoDBClient, table: str
) -> None:
    # Given a create that "timed out" on the client
    first = store.posts.create(
        author_id=ALICE, title="t", body="b", category="tech", request_token="retry-0001"
    )
    # When the client retries with the same token
    second = store.posts.create(
        author_id=ALICE, title="t", body="b", category="tech", request_token="retry-0001"
    )
    # Then it gets the first post back and nothing was duplicated
    assert second == first
    posts = [i for i in table_items(dynamodb, table) if i["SK"]["S"] == "POST"]
    assert len(posts) == 1


def test_request_tokens_are_per_user(store: Store) -> None:
    a = store.posts.create(
        author_id=ALICE, title="t", body="b", category="tech", request_token="shared-01"
    )
    b = store.posts.create(
        author_id=BOB, title="t", body="b", category="tech", request_token="shared-01"
    )
    assert a.id != b.id


def test_request_token_reused_for_different_content_conflicts(store: Store) -> None:
    store.posts.create(
        author_id=ALICE, title="t", body="b", category="tech", request_token="tok-00001"
    )
    with pytest.raises(RequestTokenReused):
        store.posts.create(
            author_id=ALICE, title="other", body="b", category="tech", request_token="tok-00001"
        )


def test_concurrent_retries_create_exactly_one_post(
    store: Store, dynamodb: DynamoDBClient, table: str
) -> None:
    def attempt(_: int) -> str:
        return store.posts.create(
            author_id=ALICE, title="t", body="b", category="tech", request_token="race-0001"
        ).id

    with ThreadPoolExecutor(max_workers=6) as pool:
        ids = set(pool.map(attempt, range(12)))
    assert len(ids) == 1
    assert sum(1 for i in table_items(dynamodb, table) if i["SK"]["S"] == "POST") == 1


def test_update_bumps_version_and_moves_category(store: Store) -> None:
    post = _create(store, category="tech")
    updated = store.posts.update(
        post.id,
        author_id=ALICE,
        expected_version=1,
        changes=PostChanges(title="New", category="music"),
    )
    assert (updated.title, updated.category, updated.version) == ("New", "music", 2)
    assert updated.updated_at >= post.updated_at
    assert [p.id for p in store.posts.recent("music", 10, None).items] == [post.id]
    assert store.posts.recent("tech", 10, None).items == []


@pytest.mark.parametrize(
    ("author", "version", "error"),
    [
        (BOB, 1, Forbidden),
        (ALICE, 7, VersionConflict),
    ],
)
def test_refused_updates_change_nothing(
    store: Store, author: str, version: int, error: type[Exception]
) -> None:
    post = _create(store)
    with pytest.raises(error):
        store.posts.update(
            post.id, author_id=author, expected_version=version, changes=PostChanges(title="x")
        )
    assert store.posts.get(post.id) == post


def test_update_of_missing_post_is_not_found(store: Store) -> None:
    with pytest.raises(PostNotFound):
        store.posts.update(
            "01HZ0000000000000000000000",
            author_id=ALICE,
            expected_version=1,
            changes=PostChanges(title="x"),
        )


def test_concurrent_updates_with_one_version_have_one_winner(store: Store) -> None:
    post = _create(store)

    def attempt(n: int) -> str:
        try:
            store.posts.update(
                post.id, author_id=ALICE, expected_version=1, changes=PostChanges(title=f"v{n}")
            )
        except VersionConflict:
            return "conflict"
        return "won"

    with ThreadPoolExecutor(max_workers=5) as pool:
        outcomes = list(pool.map(attempt, range(10)))
    assert outcomes.count("won") == 1
    final = store.posts.get(post.id)
    assert final is not None
    assert final.version == 2


def test_delete_is_author_only(store: Store) -> None:
    post = _create(store)
    with pytest.raises(Forbidden):
        store.posts.delete(post.id, author_id=BOB)
    store.posts.delete(post.id, author_id=ALICE)
    assert store.posts.get(post.id) is None
    with pytest.raises(PostNotFound):
        store.posts.delete(post.id, author_id=ALICE)


def test_retry_after_delete_is_a_conflict_not_a_resurrection(store: Store) -> None:
    post = store.posts.create(
        author_id=ALICE, title="t", body="b", category="tech", request_token="gone-0001"
    )
    store.posts.delete(post.id, author_id=ALICE)
    with pytest.raises(Conflict):
        store.posts.create(
            author_id=ALICE, title="t", body="b", category="tech", request_token="gone-0001"
        )


def test_pages_walk_every_post_once_newest_first(store: Store) -> None:
    created = [_create(store, f"p{i}", category="tech" if i % 2 else "music") for i in range(7)]
    seen: list[str] = []
    token = None
    pages = 0
    while True:
        page = store.posts.recent(None, 3, token)
        seen += [p.id for p in page.items]
        pages += 1
        token = page.next_token
        if token is None:
            break
    assert pages == 3
    assert seen == [p.id for p in reversed(created)]


def test_exactly_full_last_page_has_no_token(store: Store) -> None:
    for i in range(4):
        _create(store, f"p{i}")
    first = store.posts.recent(None, 2, None)
    second = store.posts.recent(None, 2, first.next_token)
    assert len(second.items) == 2
    assert second.next_token is None


def test_category_and_author_pages_are_separate(store: Store) -> None:
    tech = _create(store, category="tech")
    music = _create(store, category="music", author=BOB)
    assert [p.id for p in store.posts.recent("tech", 10, None).items] == [tech.id]
    assert [p.id for p in store.posts.by_author(BOB, 10, None).items] == [music.id]


def test_cursor_of_one_query_is_refused_by_another(store: Store) -> None:
    for category in ("tech", "tech", "music"):
        _create(store, category=category)
    token = store.posts.recent("tech", 1, None).next_token
    assert token is not None
    with pytest.raises(InvalidCursor):
        store.posts.recent("music", 1, token)
    with pytest.raises(InvalidCursor):
        store.posts.recent(None, 1, token)
