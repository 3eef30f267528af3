"""Likes of comments: exact counts, and whether the viewer likes each comment of a page."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from resolvers.comment_inputs import CommentArgs
from resolvers.inputs import parse
from resolvers.registry import resolver

if TYPE_CHECKING:
    from collections.abc import Awaitable, Mapping

    from core.models import Comment
    from resolvers.context import RequestContext


@resolver("Mutation.likeComment")
def like_comment(ctx: RequestContext, _source: None, arguments: Mapping[str, Any]) -> Comment:
    viewer = ctx.require_viewer()
    args = parse(CommentArgs, arguments)
    return ctx.store.comment_likes.like(args.post_id, args.id, viewer.id)


@resolver("Mutation.unlikeComment")
def unlike_comment(ctx: RequestContext, _source: None, arguments: Mapping[str, Any]) -> Comment:
    viewer = ctx.require_viewer()
    args = parse(CommentArgs, arguments)
    return ctx.store.comment_likes.unlike(args.post_id, args.id, viewer.id)


@resolver("Comment.viewerHasLiked")
def viewer_likes(
    ctx: RequestContext, source: Comment, _arguments: Mapping[str, Any]
) -> bool | Awaitable[bool]:
    """Read in the batch of the page's authors (resolvers/visibility.py primes it)."""
    viewer = ctx.viewer
    if viewer is None:
        return False
    return ctx.loaders.has_liked_comment(source.post_id, source.id, viewer.id)
