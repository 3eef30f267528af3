"""Edit history: the versions a post's or comment's edits replaced, newest first."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from resolvers.comment_inputs import EditsArgs
from resolvers.inputs import parse
from resolvers.registry import resolver

if TYPE_CHECKING:
    from collections.abc import Mapping

    from core.models import Comment, Edit, Post
    from resolvers.context import RequestContext


@resolver("Post.edits")
def post_edits(ctx: RequestContext, source: Post, arguments: Mapping[str, Any]) -> list[Edit]:
    """Of a post already through the visibility rule; a post never edited reads nothing."""
    args = parse(EditsArgs, arguments)
    if source.edited_at is None:
        return []
    return ctx.store.edits.history(source.id, None, args.limit)


@resolver("Comment.edits")
def comment_edits(ctx: RequestContext, source: Comment, arguments: Mapping[str, Any]) -> list[Edit]:
    """Of a comment already through the rule; a deleted one keeps no history to read."""
    args = parse(EditsArgs, arguments)
    if source.edited_at is None or source.deleted:
        return []
    return ctx.store.edits.history(source.post_id, source.id, args.limit)
