"""Comment items <-> domain comments, with the thread's index keys and counts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core.models import Comment, ReplyRef
from store.codecs import attribute_values
from store.keys import comment_key
from store.owner_keys import owned_index_keys
from store.thread_keys import thread_index_keys

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from store.items import Item


def replies_value(replies: Iterable[ReplyRef]) -> dict[str, Any]:
    return {"L": [{"M": {"id": {"S": r.id}, "authorId": {"S": r.author_id}}} for r in replies]}


def _optional(name: str, value: str | None) -> Item:
    return {name: {"S": value}} if value else {}


def comment_to_item(comment: Comment) -> Item:
    keys = thread_index_keys(comment.post_id, comment.parent_id, comment.id, comment.like_count)
    return {
        **attribute_values(comment_key(comment.post_id, comment.id)),
        **attribute_values(keys),
        **attribute_values(owned_index_keys("comment", comment.author_id, comment.id, "GSI3")),
        "type": {"S": "Comment"},
        "id": {"S": comment.id},
        "postId": {"S": comment.post_id},
        "authorId": {"S": comment.author_id},
        "body": {"S": comment.body},
        "createdAt": {"S": comment.created_at},
        "version": {"N": str(comment.version)},
        "depth": {"N": str(comment.depth)},
        "replyCount": {"N": str(comment.reply_count)},
        "likeCount": {"N": str(comment.like_count)},
        "firstReplies": replies_value(comment.first_replies),
        **_optional("editedAt", comment.edited_at),
        **_optional("parentId", comment.parent_id),
        **_optional("postAuthorId", comment.post_author_id),
        **_optional("parentAuthorId", comment.parent_author_id),
        **({"deleted": {"BOOL": True}} if comment.deleted else {}),
    }


def _text(item: Mapping[str, Any], name: str) -> str | None:
    return item[name]["S"] if name in item else None


def _number(item: Mapping[str, Any], name: str, default: int = 0) -> int:
    return int(item[name]["N"]) if name in item else default


def comment_from_item(item: Mapping[str, Any]) -> Comment:
    replies = item.get("firstReplies", {}).get("L", [])
    return Comment(
        id=item["id"]["S"],
        post_id=item["postId"]["S"],
        author_id=item["authorId"]["S"],
        body=item["body"]["S"],
        created_at=item["createdAt"]["S"],
        version=_number(item, "version", 1),
        edited_at=_text(item, "editedAt"),
        parent_id=_text(item, "parentId"),
        depth=_number(item, "depth"),
        reply_count=_number(item, "replyCount"),
        first_replies=tuple(ReplyRef(r["M"]["id"]["S"], r["M"]["authorId"]["S"]) for r in replies),
        like_count=_number(item, "likeCount"),
        deleted=item.get("deleted", {}).get("BOOL", False),
        post_author_id=_text(item, "postAuthorId"),
        parent_author_id=_text(item, "parentAuthorId"),
    )
