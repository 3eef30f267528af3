"""Reposts: one item per (post, reposter) in the post's collection; repostCount moves with it.

The item carries the post's author and creation time, which the fan-out needs to put the
repost in the reposter's followers' feeds (and to leave it out where the post already is).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from core.models import Repost
from store.codecs import attribute_values
from store.errors import translated_errors
from store.owner_keys import owned_index_keys
from store.post_marks import PostMarks
from store.repost_keys import REPOST_PREFIX, repost_key


def repost_to_item(post_id: str, user_id: str, created_at: str) -> dict[str, dict[str, str]]:
    return {
        **attribute_values(repost_key(post_id, user_id)),
        **attribute_values(owned_index_keys("repost", user_id, f"{created_at}#{post_id}")),
        "type": {"S": "Repost"},
        "postId": {"S": post_id},
        "userId": {"S": user_id},
        "createdAt": {"S": created_at},
    }


class RepostRepository(PostMarks):
    key = staticmethod(repost_key)
    item = staticmethod(repost_to_item)
    counter = "repostCount"

    def repost(self, post_id: str, user_id: str, author_id: str, post_created_at: str) -> bool:
        """Repost once; returns False when already reposted (idempotent)."""
        return self._mark(
            post_id, user_id, author_id, authorId=author_id, postCreatedAt=post_created_at
        )

    def unrepost(self, post_id: str, user_id: str) -> bool:
        """Take a repost back; returns False when there was none (idempotent)."""
        return self._unmark(post_id, user_id)

    def standing_since(self, post_id: str, user_id: str) -> str | None:
        """When the person's repost of the post was made (None: it is not standing)."""
        item = self._get(repost_key(post_id, user_id), consistent=True)
        return None if item is None else str(item["createdAt"]["S"])

    def of_post(self, post_id: str) -> Iterator[Repost]:
        """Every standing repost of the post, page by page."""
        query: dict[str, Any] = {
            "TableName": self._table,
            "KeyConditionExpression": "PK = :pk AND begins_with(SK, :prefix)",
            "ExpressionAttributeValues": {
                ":pk": {"S": f"POST#{post_id}"},
                ":prefix": {"S": REPOST_PREFIX},
            },
        }
        while True:
            with translated_errors():
                response = self._client.query(**query)
            for item in response["Items"]:
                yield Repost(
                    post_id=post_id,
                    user_id=item["userId"]["S"],
                    author_id=item["authorId"]["S"],
                    post_created_at=item["postCreatedAt"]["S"],
                    at=item["createdAt"]["S"],
                )
            if "LastEvaluatedKey" not in response:
                return
            query["ExclusiveStartKey"] = response["LastEvaluatedKey"]
