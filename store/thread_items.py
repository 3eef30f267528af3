"""Transaction items that keep a thread's counts and first replies exact.

A parent's `replyCount` and `firstReplies` change under a condition on the count that was
read, so two replies (or a reply and a deletion) racing on one parent cannot both apply to
the same reading: the loser reads again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core.limits import REPLY_PREVIEW
from core.models import ReplyRef
from store.codecs import attribute_values
from store.comment_codecs import replies_value
from store.keys import comment_key

if TYPE_CHECKING:
    from core.models import Comment


def count_is(attribute: str, seen: int, placeholder: str) -> tuple[str, dict[str, Any]]:
    """A condition that `attribute` still holds `seen` (items without it hold 0)."""
    condition = f"{attribute} = {placeholder}"
    if seen == 0:
        condition = f"(attribute_not_exists({attribute}) OR {condition})"
    return condition, {placeholder: {"N": str(seen)}}


def replies_changed(
    table: str, parent: Comment, replies: tuple[ReplyRef, ...], delta: int
) -> dict[str, Any]:
    """The parent's count moved by `delta` and its first replies set, if nobody raced us."""
    guard, values = count_is("replyCount", parent.reply_count, ":seen")
    return {
        "Update": {
            "TableName": table,
            "Key": attribute_values(comment_key(parent.post_id, parent.id)),
            "UpdateExpression": "SET replyCount = :count, firstReplies = :replies",
            "ConditionExpression": f"attribute_exists(PK) AND {guard}",
            "ExpressionAttributeValues": {
                ":count": {"N": str(parent.reply_count + delta)},
                ":replies": replies_value(replies),
                **values,
            },
        }
    }


def with_reply(parent: Comment, reply: Comment) -> tuple[ReplyRef, ...]:
    """The parent's first replies once `reply` is added: the oldest, by id."""
    refs = {r.id: r for r in (*parent.first_replies, ReplyRef(reply.id, reply.author_id))}
    return tuple(refs[i] for i in sorted(refs))[:REPLY_PREVIEW]


def without_reply(parent: Comment, reply_id: str) -> tuple[ReplyRef, ...]:
    return tuple(r for r in parent.first_replies if r.id != reply_id)
