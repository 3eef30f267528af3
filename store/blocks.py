"""Blocks and mutes: one item per relation, and each viewer's visibility set kept exact with it.

A block is `USER#a / BLOCKS#b`; it is what writes between the two check (`not_blocked`), in
their own transaction. The visibility set (`USER#a / VISIBILITY`: `blocks`, `blockedBy`,
`mutes`) changes in the same transaction as the relation, so reads can trust it: it is the one
item a request reads to decide what its viewer sees (docs/SAFETY.md).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from core.clock import now_iso
from core.errors import Throttled, TooManyRelations
from core.models import Page
from core.safety import NOTHING_HIDDEN, VisibilitySet
from store.batch import batch_get
from store.codecs import attribute_values, key_of
from store.errors import translated_errors
from store.items import Item
from store.keys import follow_key, user_key
from store.posts import MAX_RACES
from store.safety_keys import (
    block_index_keys,
    block_key,
    blocking_partition,
    mute_index_keys,
    mute_key,
    muting_partition,
    visibility_key,
)
from store.tables import Repository
from store.transactions import TransactionCancelled, transact

if TYPE_CHECKING:
    from collections.abc import Mapping


#: One visibility item holds all three sets under DynamoDB's 400 KB item limit (user ids are
#: identity-provider subjects, 36 characters for Cognito): 3 sets of 3,000 ids of 36 B, 324 KB.
MAX_BLOCKS: Final = 3_000
MAX_MUTES: Final = 3_000
#: Past this many blockers a person's own set stops recording new ones (`blockedByFull`): they
#: may then see those blockers' posts, but can still neither follow, like nor comment on them.
MAX_BLOCKED_BY: Final = 3_000


def not_blocked(table: str, actor_id: str, other_id: str) -> list[Item]:
    """Transaction items that hold only while neither user blocks the other."""
    if actor_id == other_id:
        return []
    return [
        {
            "ConditionCheck": {
                "TableName": table,
                "Key": attribute_values(block_key(a, b)),
                "ConditionExpression": "attribute_not_exists(PK)",
            }
        }
        for a, b in ((actor_id, other_id), (other_id, actor_id))
    ]


def _table_key(key: dict[str, str]) -> tuple[str, str]:
    return key["PK"], key["SK"]


def visibility_from_item(item: Mapping[str, Any] | None) -> VisibilitySet:
    if item is None:
        return NOTHING_HIDDEN

    def members(name: str) -> frozenset[str]:
        return frozenset(item[name]["SS"]) if name in item else frozenset()

    return VisibilitySet(
        blocks=members("blocks"), blocked_by=members("blockedBy"), mutes=members("mutes")
    )


def relation_item(key: dict[str, str], index: dict[str, str], kind: str, a: str, b: str) -> Item:
    """A block or mute item: `a` blocks (mutes) `b`."""
    return {
        **attribute_values(key),
        **attribute_values(index),
        "type": {"S": kind},
        "userId": {"S": a},
        "otherId": {"S": b},
        "createdAt": {"S": index["GSI2SK"].partition("#")[0]},
    }


class BlockRepository(Repository):
    def visibility(self, user_id: str, *, consistent: bool = False) -> VisibilitySet:
        return visibility_from_item(self._get(visibility_key(user_id), consistent=consistent))

    def block(self, blocker_id: str, blocked_id: str) -> bool:
        """Block, removing follows both ways with exact counts; False if already blocking.

        One transaction: the block, both visibility sets, each follow's delete (or a check that
        there is none) and the counters, so a follow racing the block either lands first and is
        removed, or fails.
        """
        record_blocker = True
        for _ in range(MAX_RACES):
            follows = self._follows_between(blocker_id, blocked_id)
            items = self._block_items(blocker_id, blocked_id, follows, record_blocker)
            with translated_errors():
                try:
                    transact(self._client, items, self._charge(blocker_id))
                    return True
                except TransactionCancelled as exc:
                    if exc.failed(0):
                        return False
                    if exc.failed(1):
                        raise TooManyRelations("block", MAX_BLOCKS) from exc
                    if exc.failed(2) and record_blocker:
                        record_blocker = False  # their set is full: see MAX_BLOCKED_BY
                        continue
                    # A follow between them came or went since we read: read again.
        raise Throttled("These accounts are changing too often right now; retry")

    def _follows_between(self, a: str, b: str) -> tuple[bool, bool]:
        keys = [attribute_values(follow_key(a, b)), attribute_values(follow_key(b, a))]
        found = {
            key_of(item) for item in batch_get(self._client, self._table, keys, consistent=True)
        }
        return _table_key(follow_key(a, b)) in found, _table_key(follow_key(b, a)) in found

    def _block_items(
        self, a: str, b: str, follows: tuple[bool, bool], record_blocker: bool
    ) -> list[Item]:
        created = now_iso()
        block = relation_item(block_key(a, b), block_index_keys(a, b, created), "Block", a, b)
        items: list[Item] = [self._put_new(block), self._add_member(a, "blocks", b, MAX_BLOCKS)]
        if record_blocker:
            items.append(self._add_member(b, "blockedBy", a, MAX_BLOCKED_BY))
        else:
            items.append(self._mark_full(b))
        a_follows_b, b_follows_a = follows
        for (follower, followee), exists in (((a, b), a_follows_b), ((b, a), b_follows_a)):
            key = attribute_values(follow_key(follower, followee))
            if exists:
                condition = {"Delete": {"Key": key, "ConditionExpression": "attribute_exists(PK)"}}
            else:
                condition = {
                    "ConditionCheck": {
                        "Key": key,
                        "ConditionExpression": "attribute_not_exists(PK)",
                    }
                }
            for change in condition.values():
                change["TableName"] = self._table
            items.append(condition)
        # Each profile changes once: DynamoDB refuses two changes to one item in a transaction.
        for user, following, followers in (
            (a, a_follows_b, b_follows_a),
            (b, b_follows_a, a_follows_b),
        ):
            if following or followers:
                items.append(
                    self._uncount(user, following=int(following), followers=int(followers))
                )
        return items

    def _add_member(self, user_id: str, attribute: str, member: str, limit: int) -> Item:
        return {
            "Update": {
                "TableName": self._table,
                "Key": attribute_values(visibility_key(user_id)),
                "UpdateExpression": "ADD #set :member",
                "ConditionExpression": "attribute_not_exists(#set) OR size(#set) < :limit",
                "ExpressionAttributeNames": {"#set": attribute},
                "ExpressionAttributeValues": {
                    ":member": {"SS": [member]},
                    ":limit": {"N": str(limit)},
                },
            }
        }

    def _mark_full(self, user_id: str) -> Item:
        return {
            "Update": {
                "TableName": self._table,
                "Key": attribute_values(visibility_key(user_id)),
                "UpdateExpression": "SET blockedByFull = :yes",
                "ExpressionAttributeValues": {":yes": {"BOOL": True}},
            }
        }

    def _remove_member(self, user_id: str, attribute: str, member: str) -> Item:
        return {
            "Update": {
                "TableName": self._table,
                "Key": attribute_values(visibility_key(user_id)),
                "UpdateExpression": "DELETE #set :member",
                "ExpressionAttributeNames": {"#set": attribute},
                "ExpressionAttributeValues": {":member": {"SS": [member]}},
            }
        }

    def _uncount(self, user_id: str, *, following: int, followers: int) -> Item:
        return {
            "Update": {
                "TableName": self._table,
                "Key": attribute_values(user_key(user_id)),
                "UpdateExpression": "ADD followingCount :following, followerCount :followers",
                "ConditionExpression": "attribute_exists(PK)",
                "ExpressionAttributeValues": {
                    ":following": {"N": str(-following)},
                    ":followers": {"N": str(-followers)},
                },
            }
        }

    def unblock(self, blocker_id: str, blocked_id: str) -> bool:
        """Lift a block; follows are not restored. False if there was none."""
        return self._undo(
            blocker_id,
            block_key(blocker_id, blocked_id),
            [
                self._remove_member(blocker_id, "blocks", blocked_id),
                self._remove_member(blocked_id, "blockedBy", blocker_id),
            ],
        )

    def mute(self, muter_id: str, muted_id: str) -> bool:
        """Mute; False if already muting. Nothing the muted person can see changes."""
        created = now_iso()
        index = mute_index_keys(muter_id, muted_id, created)
        put = self._put_new(
            relation_item(mute_key(muter_id, muted_id), index, "Mute", muter_id, muted_id)
        )
        with translated_errors():
            try:
                transact(
                    self._client,
                    [put, self._add_member(muter_id, "mutes", muted_id, MAX_MUTES)],
                    self._charge(muter_id),
                )
            except TransactionCancelled as exc:
                if exc.failed(0):
                    return False
                raise TooManyRelations("mute", MAX_MUTES) from exc
        return True

    def unmute(self, muter_id: str, muted_id: str) -> bool:
        return self._undo(
            muter_id,
            mute_key(muter_id, muted_id),
            [self._remove_member(muter_id, "mutes", muted_id)],
        )

    def _undo(self, actor_id: str, key: dict[str, str], set_changes: list[Item]) -> bool:
        delete = self._delete_existing(key)
        with translated_errors():
            try:
                transact(self._client, [delete, *set_changes], self._charge(actor_id))
            except TransactionCancelled as exc:
                if exc.failed(0):
                    return False
                raise
        return True

    def blocked(self, user_id: str, limit: int, after: str | None) -> Page[str]:
        """Ids of the people this user blocks, newest first."""
        return self._page(blocking_partition(user_id), limit, after)

    def muted(self, user_id: str, limit: int, after: str | None) -> Page[str]:
        return self._page(muting_partition(user_id), limit, after)

    def _page(self, partition: str, limit: int, after: str | None) -> Page[str]:
        return self._query_page(
            partition, limit, after, lambda item: str(item["otherId"]["S"]), index="GSI2"
        )
