"""BlockRepository against AWS DynamoDB Local: relations, visibility sets, exact follow counts."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest

from core.clock import now_iso
from core.errors import Blocked, TooManyRelations
from core.models import UserProfile
from store import blocks as blocks_module
from store.repository import Store
from tests.conftest import table_items

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

pytestmark = pytest.mark.integration

A, B, C = "user-a", "user-b", "user-c"


@pytest.fixture
def people(store: Store) -> Store:
    for uid in (A, B, C):
        store.users.create(UserProfile(uid, uid.replace("-", "_"), uid, now_iso()))
    return store


def counts(store: Store, uid: str) -> tuple[int, int]:
    profile = store.users.get(uid, consistent=True)
    assert profile is not None
    return profile.follower_count, profile.following_count


def test_a_block_removes_follows_both_ways_with_exact_counts(people: Store) -> None:
    # Given A and B follow each other, and C follows both
    store = people
    for follower, followee in ((A, B), (B, A), (C, A), (C, B)):
        store.follows.follow(follower, followee)
    assert counts(store, A) == (2, 1)
    assert counts(store, B) == (2, 1)

    # When A blocks B
    assert store.blocks.block(A, B) is True

    # Then their follows are gone, C's remain, and every count is exact
    assert counts(store, A) == (1, 0)
    assert counts(store, B) == (1, 0)
    assert counts(store, C) == (0, 2)
    assert store.follows.following(A, 10, None).items == []
    assert store.follows.followers(A, 10, None).items == [C]
    # And each side's visibility set says so, with nothing on C's
    assert store.blocks.visibility(A, consistent=True).blocks == {B}
    assert store.blocks.visibility(B, consistent=True).blocked_by == {A}
    assert store.blocks.visibility(C, consistent=True).hidden == frozenset()


def test_block_and_unblock_are_idempotent_and_follows_stay_removed(people: Store) -> None:
    store = people
    store.follows.follow(B, A)
    assert store.blocks.block(A, B) is True
    assert store.blocks.block(A, B) is False
    assert counts(store, A) == (0, 0)
    assert store.blocks.unblock(A, B) is True
    assert store.blocks.unblock(A, B) is False
    assert store.blocks.visibility(A, consistent=True).hidden == frozenset()
    assert store.blocks.visibility(B, consistent=True).hidden == frozenset()
    assert store.follows.followers(A, 10, None).items == []
    # Once unblocked they may follow again
    assert store.follows.follow(B, A) is True


@pytest.mark.parametrize("blocker", [A, B], ids=["author blocks", "actor blocks"])
def test_neither_side_can_follow_like_or_comment_and_nothing_is_written(
    people: Store, dynamodb: DynamoDBClient, table: str, blocker: str
) -> None:
    # Given A's post, and a block between A and B (either way)
    store = people
    post = store.posts.create(author_id=A, title="t", body="", category="tech")
    blocked = B if blocker == A else A
    store.blocks.block(blocker, blocked)
    before = table_items(dynamodb, table)

    # When B tries to follow A, like A's post and comment on it (and A to follow B)
    attempts: list[Callable[[], object]] = [
        lambda: store.follows.follow(B, A),
        lambda: store.follows.follow(A, B),
        lambda: store.likes.like(post.id, B, A),
        lambda: store.comments.add(post.id, B, "hi"),
    ]
    for attempt in attempts:
        with pytest.raises(Blocked):
            attempt()

    # Then nothing at all was written
    assert table_items(dynamodb, table) == before


def test_a_mute_is_one_sided_and_writes_still_work(people: Store) -> None:
    store = people
    post = store.posts.create(author_id=B, title="t", body="", category="tech")
    assert store.blocks.mute(A, B) is True
    assert store.blocks.mute(A, B) is False
    assert store.blocks.visibility(A, consistent=True).mutes == {B}
    assert store.blocks.visibility(B, consistent=True).hidden == frozenset()
    assert store.follows.follow(A, B) is True
    assert store.likes.like(post.id, A, B) is True
    assert store.blocks.unmute(A, B) is True
    assert store.blocks.unmute(A, B) is False
    assert store.blocks.visibility(A, consistent=True).hidden == frozenset()


def test_pages_list_the_newest_first(people: Store) -> None:
    store = people
    store.blocks.block(A, B)
    store.blocks.block(A, C)
    store.blocks.mute(A, C)
    first = store.blocks.blocked(A, 1, None)
    assert first.items == [C]
    assert first.next_token is not None
    assert store.blocks.blocked(A, 1, first.next_token).items == [B]
    assert store.blocks.muted(A, 10, None).items == [C]
    assert store.blocks.blocked(B, 10, None).items == []


def test_limits_hold_and_a_full_blocked_by_set_still_lets_people_block(
    people: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = people
    monkeypatch.setattr(blocks_module, "MAX_BLOCKS", 1)
    monkeypatch.setattr(blocks_module, "MAX_MUTES", 1)
    monkeypatch.setattr(blocks_module, "MAX_BLOCKED_BY", 1)
    store.blocks.block(A, C)
    with pytest.raises(TooManyRelations):
        store.blocks.block(A, B)
    store.blocks.mute(A, B)
    with pytest.raises(TooManyRelations):
        store.blocks.mute(A, C)
    # C's blocked-by set is full (A); B's block of C still counts where it must
    assert store.blocks.block(B, C) is True
    assert store.blocks.visibility(B, consistent=True).blocks == {C}
    assert store.blocks.visibility(C, consistent=True).blocked_by == {A}
    with pytest.raises(Blocked):
        store.follows.follow(C, B)


def test_profile_less_authors_can_be_blocked(store: Store) -> None:
    assert store.blocks.block(A, "no-profile") is True
    assert store.blocks.visibility(A, consistent=True).blocks == {"no-profile"}
