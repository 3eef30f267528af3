"""Bookmarks: private, one item per (person, post), listed newest first.

`USER#<uid>` / `BOOKMARK#<pid>` (addressable, so `viewerHasBookmarked` joins any batch), with
GSI1 `BOOKMARKS#<uid>` / `<createdAt>#<pid>` (the list) and GSI2 `BOOKMARKED#<pid>` / `<uid>`
(what a deleted post's clean-up removes).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core.clock import now_iso
from core.errors import PostNotFound
from store.batch import delete_queried
from store.codecs import attribute_values
from store.errors import translated_errors
from store.keys import post_key
from store.tables import NEW, OLD, Repository
from store.transactions import TransactionCancelled, transact

if TYPE_CHECKING:
    from collections.abc import Mapping

    from core.models import Page


def bookmark_key(user_id: str, post_id: str) -> dict[str, str]:
    return {"PK": f"USER#{user_id}", "SK": f"BOOKMARK#{post_id}"}


def bookmarks_partition(user_id: str) -> str:
    return f"BOOKMARKS#{user_id}"


def bookmarked_partition(post_id: str) -> str:
    return f"BOOKMARKED#{post_id}"


def _post_id(item: Mapping[str, Any]) -> str:
    return str(item["postId"]["S"])


class BookmarkRepository(Repository):
    def add(self, user_id: str, post_id: str) -> None:
        """Bookmark an existing post; again: no change (and not counted twice)."""
        charge = self._charge(user_id)
        at = now_iso()
        item = {
            **attribute_values(bookmark_key(user_id, post_id)),
            "type": {"S": "Bookmark"},
            "userId": {"S": user_id},
            "postId": {"S": post_id},
            "createdAt": {"S": at},
            "GSI1PK": {"S": bookmarks_partition(user_id)},
            "GSI1SK": {"S": f"{at}#{post_id}"},
            "GSI2PK": {"S": bookmarked_partition(post_id)},
            "GSI2SK": {"S": user_id},
        }
        exists: dict[str, Any] = {
            "TableName": self._table,
            "Key": attribute_values(post_key(post_id)),
            "ConditionExpression": OLD,
        }
        put = {"TableName": self._table, "Item": item, "ConditionExpression": NEW}
        with translated_errors():
            try:
                transact(self._client, [{"Put": put}, {"ConditionCheck": exists}], charge)
            except TransactionCancelled as exc:
                if exc.failed(1):
                    raise PostNotFound(post_id) from exc
                # bookmarked already: nothing to do

    def remove(self, user_id: str, post_id: str) -> None:
        """Take a bookmark away; none: no change."""
        delete = {"TableName": self._table, "Key": attribute_values(bookmark_key(user_id, post_id))}
        with translated_errors():
            transact(self._client, [{"Delete": delete}], self._charge(user_id))

    def page(self, user_id: str, limit: int, after: str | None) -> Page[str]:
        """Post ids, newest bookmark first."""
        return self._query_page(bookmarks_partition(user_id), limit, after, _post_id, index="GSI1")

    def purge_post(self, post_id: str) -> int:
        """Every bookmark of a deleted post (the fan-out, after the post's REMOVE)."""
        return delete_queried(
            self._client,
            self._table,
            {
                "IndexName": "GSI2",
                "KeyConditionExpression": "GSI2PK = :pk",
                "ExpressionAttributeValues": {":pk": {"S": bookmarked_partition(post_id)}},
            },
        )
