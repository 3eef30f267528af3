"""Likes of comments: one item per (comment, person) in the post's collection.

The comment's `likeCount`, and with it its place in the TOP order (GSI2's sort key), change in
the like's own transaction under a condition on the count that was read: exact, and the order
never disagrees with the count. A like racing another reads again and retries.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from core.clock import now_iso
from core.errors import Blocked, CommentNotFound, Throttled
from store.blocks import not_blocked
from store.codecs import attribute_values
from store.comment_codecs import comment_from_item
from store.errors import translated_errors
from store.keys import comment_key
from store.owner_keys import owned_index_keys
from store.tables import NEW, OLD, Repository
from store.thread_items import count_is
from store.thread_keys import comment_like_key, top_sort_key
from store.transactions import TransactionCancelled, transact

if TYPE_CHECKING:
    from core.models import Comment

#: Likes of one popular comment wait for each other; each retry reads the count again.
LIKE_RACES = 40


class CommentLikeRepository(Repository):
    def like(self, post_id: str, comment_id: str, user_id: str) -> Comment:
        """Like once (again: no change); neither the liker nor the author may block the other."""
        return self._change(post_id, comment_id, user_id, 1)

    def unlike(self, post_id: str, comment_id: str, user_id: str) -> Comment:
        """Take a like back (none: no change)."""
        return self._change(post_id, comment_id, user_id, -1)

    def _change(self, post_id: str, comment_id: str, user_id: str, delta: int) -> Comment:
        for _ in range(LIKE_RACES):
            item = self._get(comment_key(post_id, comment_id), consistent=True)
            comment = comment_from_item(item) if item else None
            if comment is None or comment.deleted:
                raise CommentNotFound(comment_id)
            outcome = self._try(comment, user_id, delta)
            if outcome is not None:
                return outcome
        raise Throttled("This comment is changing too often right now; retry")

    def _try(self, comment: Comment, user_id: str, delta: int) -> Comment | None:
        """One attempt: the changed comment, the unchanged one (nothing to do), or None (raced)."""
        like = attribute_values(comment_like_key(comment.post_id, comment.id, user_id))
        if delta > 0:
            item = {
                **like,
                **attribute_values(owned_index_keys("comment like", user_id, comment.id, "GSI3")),
                "type": {"S": "CommentLike"},
                "postId": {"S": comment.post_id},
                "commentId": {"S": comment.id},
                "userId": {"S": user_id},
                "commentAuthorId": {"S": comment.author_id},
                "createdAt": {"S": now_iso()},
            }
            change = {"Put": {"TableName": self._table, "Item": item, "ConditionExpression": NEW}}
        else:
            key = {"TableName": self._table, "Key": like, "ConditionExpression": OLD}
            change = {"Delete": key}
        count = comment.like_count + delta
        checks = not_blocked(self._table, user_id, comment.author_id) if delta > 0 else []
        items = [change, self._count(comment, count), *checks]
        with translated_errors():
            try:
                transact(self._client, items, self._charge(user_id))
            except TransactionCancelled as exc:
                if any(exc.failed(i) for i in range(2, len(items))):
                    raise Blocked() from exc
                if exc.failed(0):
                    return comment  # liked already, or never: idempotent
                return None
        return dataclasses.replace(comment, like_count=count)

    def _count(self, comment: Comment, count: int) -> dict[str, Any]:
        guard, values = count_is("likeCount", comment.like_count, ":seen")
        return {
            "Update": {
                "TableName": self._table,
                "Key": attribute_values(comment_key(comment.post_id, comment.id)),
                "UpdateExpression": "SET likeCount = :count, GSI2SK = :top",
                "ConditionExpression": f"attribute_exists(PK) AND {guard}",
                "ExpressionAttributeValues": {
                    ":count": {"N": str(count)},
                    ":top": {"S": top_sort_key(count, comment.id)},
                    **values,
                },
            }
        }
