"""Posts through GraphQL over HTTP (the ASGI app), backed by DynamoDB Local."""

from __future__ import annotations

import pytest

from core.models import UserProfile
from store.repository import Store
from tests.conftest import ALICE, BOB, GraphQLClient, error_codes
from tests.support.counting import RequestCounter

pytestmark = pytest.mark.integration

CREATE = """
mutation Create($input: CreatePostInput!) {
  createPost(input: $input) { id title body category version createdAt updatedAt author { id } }
}"""
UPDATE = """
mutation Update($input: UpdatePostInput!) { updatePost(input: $input) { id title version } }"""
PAGE = """
query Page($category: String, $limit: Int!, $nextToken: String) {
  posts(category: $category, limit: $limit, nextToken: $nextToken) {
    items { id title author { id handle displayName } }
    nextToken
  }
}"""


def create(api: GraphQLClient, **fields: object) -> dict[str, object]:
    post_input = {"title": "Hello", "body": "World", "category": "tech", **fields}
    result = api.as_user(ALICE).execute(CREATE, input=post_input)
    assert "errors" not in result, result
    created: dict[str, object] = result["data"]["createPost"]
    return created


def test_create_then_read(api: GraphQLClient) -> None:
    created = create(api)
    assert created["version"] == 1
    assert str(created["createdAt"]).endswith("Z")
    fetched = api.execute("query($id: ID!) { post(id: $id) { id title } }", id=created["id"])
    assert fetched["data"]["post"] == {"id": created["id"], "title": "Hello"}


def test_update_with_current_version_then_stale_version(api: GraphQLClient) -> None:
    post_id = create(api)["id"]
    alice = api.as_user(ALICE)
    ok = alice.execute(UPDATE, input={"id": post_id, "expectedVersion": 1, "title": "Edited"})
    assert ok["data"]["updatePost"] == {"id": post_id, "title": "Edited", "version": 2}
    stale = alice.execute(UPDATE, input={"id": post_id, "expectedVersion": 1, "title": "Lost"})
    assert error_codes(stale) == ["CONFLICT"]


def test_delete_then_gone(api: GraphQLClient) -> None:
    post_id = create(api)["id"]
    deleted = api.as_user(ALICE).execute(
        "mutation($id: ID!) { deletePost(id: $id) { id } }", id=post_id
    )
    assert deleted["data"]["deletePost"] == {"id": post_id}
    gone = api.execute("query($id: ID!) { post(id: $id) { id } }", id=post_id)
    assert gone == {"data": {"post": None}}


def test_create_is_idempotent_with_a_request_token(api: GraphQLClient) -> None:
    first = create(api, clientRequestToken="client-retry-1")
    second = create(api, clientRequestToken="client-retry-1")
    assert first == second
    page = api.execute(PAGE, limit=10)
    assert len(page["data"]["posts"]["items"]) == 1


def test_user_posts_newest_first(api: GraphQLClient, store: Store) -> None:
    ids = [create(api, title=f"p{i}")["id"] for i in range(3)]
    result = api.execute("query($id: ID!) { user(id: $id) { id } }", id=ALICE)
    assert result["data"]["user"] is None  # no profile yet
    store.users.create(UserProfile(ALICE, "alice", "Alice", "2026"))
    result = api.execute(
        "query($id: ID!) { user(id: $id) { handle posts(limit: 2) { items { id } nextToken } } }",
        id=ALICE,
    )
    posts = result["data"]["user"]["posts"]
    assert [p["id"] for p in posts["items"]] == [ids[2], ids[1]]
    assert posts["nextToken"]


@pytest.mark.parametrize("page_size", [5, 20, 60])
def test_a_page_with_authors_costs_two_requests_whatever_its_size(
    api: GraphQLClient, store: Store, counter: RequestCounter, page_size: int
) -> None:
    authors = [f"author{i}" for i in range(8)]
    for uid in authors:
        store.users.create(UserProfile(uid, uid, uid.title(), "2026"))
    for i in range(page_size):
        store.posts.create(
            author_id=authors[i % len(authors)], title=f"p{i}", body="", category="tech"
        )
    counter.reset()
    result = api.execute(PAGE, limit=page_size)
    items = result["data"]["posts"]["items"]
    assert len(items) == page_size
    assert all(item["author"]["handle"] for item in items)
    assert counter.calls == {"Query": 1, "BatchGetItem": 1}


def test_cursor_walk_through_graphql(api: GraphQLClient) -> None:
    for i in range(5):
        create(api, title=f"p{i}", category="music")
    seen: list[str] = []
    token = None
    while True:
        page = api.execute(PAGE, category="music", limit=2, nextToken=token)["data"]["posts"]
        seen += [p["title"] for p in page["items"]]
        token = page["nextToken"]
        if token is None:
            break
    assert seen == ["p4", "p3", "p2", "p1", "p0"]


def test_categories_are_listed(api: GraphQLClient) -> None:
    assert "tech" in api.execute("{ categories }")["data"]["categories"]


def test_bob_cannot_touch_alices_post(api: GraphQLClient) -> None:
    post_id = create(api)["id"]
    bob = api.as_user(BOB)
    update = bob.execute(UPDATE, input={"id": post_id, "expectedVersion": 1, "title": "mine"})
    delete = bob.execute("mutation($id: ID!) { deletePost(id: $id) { id } }", id=post_id)
    assert error_codes(update) == ["FORBIDDEN"]
    assert error_codes(delete) == ["FORBIDDEN"]


def test_posts_by_ids_in_order_with_nulls_in_one_read(
    api: GraphQLClient, store: Store, counter: RequestCounter
) -> None:
    store.users.create(UserProfile(ALICE, "alice", "Alice", "2026-01-01T00:00:00.000Z"))
    first, second = create(api, title="one")["id"], create(api, title="two")["id"]
    missing = "01HZ0000000000000000000000"
    counter.reset()
    result = api.as_user(BOB).execute(
        "query($ids: [ID!]!) { postsByIds(ids: $ids) { title likeCount author { handle } } }",
        ids=[second, missing, first],
    )
    assert result["data"]["postsByIds"] == [
        {"title": "two", "likeCount": 0, "author": {"handle": "alice"}},
        None,
        {"title": "one", "likeCount": 0, "author": {"handle": "alice"}},
    ]
    assert dict(counter.calls) == {"BatchGetItem": 2}  # posts, then their authors


@pytest.mark.parametrize(
    "ids",
    [[], ["01HZ0000000000000000000000"] * 101, ["not-an-id"]],
    ids=["none", "101", "malformed"],
)
def test_posts_by_ids_refuses_bad_lists(api: GraphQLClient, ids: list[str]) -> None:
    result = api.execute("query($ids: [ID!]!) { postsByIds(ids: $ids) { id } }", ids=ids)
    assert error_codes(result) == ["BAD_USER_INPUT"]
