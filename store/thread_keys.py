"""Pure key builders of comment threads: every level of a post's comments is one index partition.

Every comment, reply or not, is `POST#<pid>` / `POST#COMMENT#<cid>` (addressable by post and
id alone). What lists them is the index: GSI1 orders one level by id (time), GSI2 by likes.
See docs/DATA_MODEL.md, "Threads".
"""

from __future__ import annotations

from core.models import CommentOrder

#: Sort keys of GSI2 pad the like count so string order is number order.
LIKE_DIGITS = 10


def thread_partition(post_id: str, parent_id: str | None) -> str:
    """The index partition of one level: a post's comments, or one comment's replies."""
    if parent_id is None:
        return f"COMMENTS#{post_id}"
    return f"REPLIES#{post_id}#{parent_id}"


def top_sort_key(like_count: int, comment_id: str) -> str:
    return f"{like_count:0{LIKE_DIGITS}d}#{comment_id}"


def thread_index_keys(
    post_id: str, parent_id: str | None, comment_id: str, like_count: int
) -> dict[str, str]:
    """GSI1 (by time) and GSI2 (by likes) keys of a comment in its level."""
    partition = thread_partition(post_id, parent_id)
    return {
        "GSI1PK": partition,
        "GSI1SK": comment_id,
        "GSI2PK": partition,
        "GSI2SK": top_sort_key(like_count, comment_id),
    }


def order_index(order: CommentOrder) -> tuple[str, bool]:
    """(index, newest_first) that reads a level in `order`."""
    if order is CommentOrder.TOP:
        return "GSI2", True
    return "GSI1", order is CommentOrder.NEWEST


def comment_like_key(post_id: str, comment_id: str, user_id: str) -> dict[str, str]:
    """A like of a comment, in its post's collection (sorts before the post: never read with it)."""
    return {"PK": f"POST#{post_id}", "SK": f"COMMENTLIKE#{comment_id}#{user_id}"}
