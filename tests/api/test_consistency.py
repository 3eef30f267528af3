"""Answers to writes read back what was just written (strongly consistent reads)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from core.clock import now_iso
from core.models import UserProfile
from store.repository import Store
from tests.conftest import ALICE, BOB, GraphQLClient

pytestmark = pytest.mark.integration


@pytest.fixture
def get_items(dynamodb: Any) -> Iterator[list[dict[str, Any]]]:
    seen: list[dict[str, Any]] = []

    def record(params: dict[str, Any], **_: Any) -> None:
        seen.append(params)

    dynamodb.meta.events.register("provide-client-params.dynamodb.GetItem", record)
    yield seen
    dynamodb.meta.events.unregister("provide-client-params.dynamodb.GetItem", record)


def test_like_and_follow_answer_with_consistent_reads(
    api: GraphQLClient, store: Store, get_items: list[dict[str, Any]]
) -> None:
    store.users.create(UserProfile(ALICE, "alice", "A", now_iso()))
    store.users.create(UserProfile(BOB, "bob", "B", now_iso()))
    post_id = store.posts.create(author_id=BOB, title="t", body="", category="tech").id
    api.execute("mutation($p: ID!) { likePost(postId: $p) { likeCount } }", p=post_id)
    api.execute("mutation($u: ID!) { follow(userId: $u) { followerCount } }", u=BOB)
    # Per mutation the viewer's suspension, then the answer; the like also reads its post's
    # author first (for the block check in its transaction)
    assert [p["Key"]["SK"]["S"] for p in get_items] == [
        "SUSPENSION",
        "POST",
        "POST",
        "SUSPENSION",
        "PROFILE",
    ]
    assert all(params.get("ConsistentRead") is True for params in get_items)


def test_uploads_are_read_consistently_before_attaching(
    api: GraphQLClient, store: Store, dynamodb: Any
) -> None:
    seen: list[dict[str, Any]] = []

    def record(params: dict[str, Any], **_: Any) -> None:
        seen.append(params)

    dynamodb.meta.events.register("provide-client-params.dynamodb.BatchGetItem", record)
    try:
        result = api.execute(
            "mutation($i: CreatePostInput!) { createPost(input: $i) { id } }",
            i={"title": "t", "category": "tech", "mediaIds": ["01HZ0000000000000000000000"]},
        )
    finally:
        dynamodb.meta.events.unregister("provide-client-params.dynamodb.BatchGetItem", record)
    assert result["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    (request,) = seen
    assert all(spec["ConsistentRead"] is True for spec in request["RequestItems"].values())
