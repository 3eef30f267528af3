"""Edit history items: the versions an edit replaced, kept in the post's item collection.

`POST#<pid>` / `EDIT#POST#<version>` for the post, `EDIT#<cid>#<version>` for a comment
(versions zero-padded, so a descending Query reads the newest first). An edit logs no change
event of its own kind and moves nothing in feeds (their entries are keyed by creation).
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from core.models import Edit
from store.codecs import attribute_values

if TYPE_CHECKING:
    from collections.abc import Mapping

    from core.models import Post
    from store.keys import Key

VERSION_DIGITS = 8


def edits_prefix(comment_id: str | None) -> str:
    return f"EDIT#{comment_id or 'POST'}#"


def edit_key(post_id: str, comment_id: str | None, version: int) -> Key:
    return {
        "PK": f"POST#{post_id}",
        "SK": f"{edits_prefix(comment_id)}{version:0{VERSION_DIGITS}d}",
    }


def edit_put(table: str, post_id: str, comment_id: str | None, edit: Edit) -> dict[str, Any]:
    """A transaction item keeping `edit`; a version is kept once."""
    item = {
        **attribute_values(edit_key(post_id, comment_id, edit.version)),
        "type": {"S": "Edit"},
        "postId": {"S": post_id},
        "version": {"N": str(edit.version)},
        "body": {"S": edit.body},
        "writtenAt": {"S": edit.written_at},
        "replacedAt": {"S": edit.replaced_at},
        **({"title": {"S": edit.title}} if edit.title is not None else {}),
        **({"commentId": {"S": comment_id}} if comment_id else {}),
    }
    return {
        "Put": {"TableName": table, "Item": item, "ConditionExpression": "attribute_not_exists(PK)"}
    }


def post_edit(post: Post, replaced_at: str) -> Edit:
    """What an edit of `post` keeps of it."""
    written = post.edited_at or post.created_at
    return Edit(post.version, post.body, written, replaced_at, title=post.title)


def edit_from_item(item: Mapping[str, Any]) -> Edit:
    return Edit(
        version=int(item["version"]["N"]),
        body=item["body"]["S"],
        written_at=item["writtenAt"]["S"],
        replaced_at=item["replacedAt"]["S"],
        title=item["title"]["S"] if "title" in item else None,
    )


def kept_on_edit(
    table: str, post: Post, updated: Post, stamp: str
) -> tuple[Post, list[dict[str, Any]]]:
    """`updated` marked edited when its text changed, and the item keeping what it replaced."""
    if (updated.title, updated.body) == (post.title, post.body):
        return updated, []
    kept = edit_put(table, post.id, None, post_edit(post, stamp))
    return dataclasses.replace(updated, edited_at=stamp), [kept]
