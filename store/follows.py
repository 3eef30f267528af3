"""Follows: USER#a / FOLLOWS#b, with both profiles' counts changed in the same transaction."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from core.clock import now_iso
from core.errors import Blocked, ProfileNotFound, ProfileRequired
from core.models import Page
from store.blocks import not_blocked
from store.codecs import attribute_values, follow_to_item
from store.errors import translated_errors
from store.keys import follow_key, followers_partition, following_partition, user_key
from store.tables import Repository
from store.transactions import TransactionCancelled, counter_change, transact


class FollowRepository(Repository):
    def _count(self, user_id: str, attribute: str, delta: int) -> dict[str, Any]:
        return counter_change(self._table, attribute_values(user_key(user_id)), attribute, delta)

    def follow(self, follower_id: str, followee_id: str) -> bool:
        """Follow once; returns False when already following (idempotent)."""
        put = self._put_new(follow_to_item(follower_id, followee_id, now_iso()))
        return self._change(put, follower_id, followee_id, 1, checked=True)

    def unfollow(self, follower_id: str, followee_id: str) -> bool:
        """Stop following; returns False when not following (idempotent)."""
        delete = self._delete_existing(follow_key(follower_id, followee_id))
        return self._change(delete, follower_id, followee_id, -1)

    def _change(
        self,
        change: dict[str, Any],
        follower_id: str,
        followee_id: str,
        delta: int,
        *,
        checked: bool = False,
    ) -> bool:
        """`checked`: only while neither blocks the other (following, not unfollowing)."""
        items = [
            change,
            self._count(follower_id, "followingCount", delta),
            self._count(followee_id, "followerCount", delta),
        ]
        if checked:
            items += not_blocked(self._table, follower_id, followee_id)
        with translated_errors():
            try:
                transact(self._client, items, self._charge(follower_id))
            except TransactionCancelled as exc:
                if exc.failed(3) or exc.failed(4):
                    raise Blocked() from exc
                if exc.failed(2):
                    raise ProfileNotFound(followee_id) from exc
                if exc.failed(1):
                    raise ProfileRequired() from exc
                return False
        return True

    def followers(self, user_id: str, limit: int, after: str | None) -> Page[str]:
        """Ids of the user's followers, newest first."""
        return self._ids("GSI1", followers_partition(user_id), "followerId", limit, after)

    def following(self, user_id: str, limit: int, after: str | None) -> Page[str]:
        """Ids of the users this user follows, newest first."""
        return self._ids("GSI2", following_partition(user_id), "followeeId", limit, after)

    def _ids(
        self, index: str, partition: str, attribute: str, limit: int, after: str | None
    ) -> Page[str]:
        def decode(item: Mapping[str, Any]) -> str:
            return str(item[attribute]["S"])

        return self._query_page(partition, limit, after, decode, index=index)

    def followers_after(self, user_id: str, after: str | None) -> Iterator[tuple[str, str]]:
        """Every follower after position `after` (None: from the first), oldest follow first,
        each with its position: where a fan-out cut short resumes."""
        values = {":pk": {"S": followers_partition(user_id)}}
        condition = "GSI1PK = :pk"
        if after is not None:
            condition += " AND GSI1SK > :after"
            values[":after"] = {"S": after}
        query: dict[str, Any] = {
            "TableName": self._table,
            "IndexName": "GSI1",
            "KeyConditionExpression": condition,
            "ExpressionAttributeValues": values,
            "ProjectionExpression": "followerId, GSI1SK",
        }
        while True:
            with translated_errors():
                response = self._client.query(**query)
            for item in response.get("Items", []):
                yield item["followerId"]["S"], item["GSI1SK"]["S"]
            if "LastEvaluatedKey" not in response:
                return
            query["ExclusiveStartKey"] = response["LastEvaluatedKey"]
