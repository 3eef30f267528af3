"""Comments and threads: added and deleted with exact counts, read a level at a time."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core.models import CommentOrder, Page
from resolvers.comment_inputs import (
    AddCommentInput,
    CommentArgs,
    CommentsArgs,
    RepliesArgs,
    UpdateCommentInput,
)
from resolvers.inputs import parse
from resolvers.registry import resolver
from resolvers.report_inputs import DeleteCommentArgs
from resolvers.visibility import visible_comment, visible_comments

if TYPE_CHECKING:
    from collections.abc import Mapping

    from core.models import Comment, Post
    from resolvers.context import RequestContext


@resolver("Mutation.addComment")
def add_comment(ctx: RequestContext, _source: None, arguments: Mapping[str, Any]) -> Comment:
    viewer = ctx.require_viewer()
    args = parse(AddCommentInput, arguments.get("input"), at="input")
    return ctx.store.comments.add(args.post_id, viewer.id, args.body, args.parent_id)


@resolver("Mutation.updateComment")
def update_comment(ctx: RequestContext, _source: None, arguments: Mapping[str, Any]) -> Comment:
    viewer = ctx.require_viewer()
    args = parse(UpdateCommentInput, arguments.get("input"), at="input")
    return ctx.store.edits.edit_comment(
        args.post_id,
        args.id,
        author_id=viewer.id,
        expected_version=args.expected_version,
        body=args.body,
    )


@resolver("Mutation.deleteComment")
def delete_comment(ctx: RequestContext, _source: None, arguments: Mapping[str, Any]) -> str:
    args = parse(DeleteCommentArgs, arguments)
    removal = ctx.removal(args.reason)
    ctx.store.comments.delete(args.post_id, args.id, author_id=ctx.deleting_as(), removal=removal)
    return args.id


@resolver("Post.comments")
async def comments(
    ctx: RequestContext, source: Post, arguments: Mapping[str, Any]
) -> Page[Comment]:
    args = parse(CommentsArgs, arguments)
    prefetched = ctx.prefetched_comments.get(source.id)
    wanted = (args.limit, args.order)
    if args.next_token is None and prefetched is not None and prefetched[0] == wanted:
        return prefetched[1]  # already through the visibility rule
    page = ctx.store.threads.level(source.id, None, args.order, args.limit, args.next_token)
    return Page(await visible_comments(ctx, page.items, args.prefetch), page.next_token)


@resolver("Comment.replies")
async def replies(
    ctx: RequestContext, source: Comment, arguments: Mapping[str, Any]
) -> Page[Comment]:
    """Oldest first. A first page within what the comment carries of its first replies is
    read by key, in the batch of the page it hangs from; any other page is one Query."""
    args = parse(RepliesArgs, arguments)
    first = source.first_replies[: args.limit]
    if args.next_token is None and len(first) in (args.limit, source.reply_count):
        found = await ctx.loaders.comments((source.post_id, r.id) for r in first)
        token = None
        if first and source.reply_count > len(first):
            token = ctx.store.threads.continuing(source.post_id, source.id, first[-1].id)
        present = [c for c in found if c is not None]
        return Page(await visible_comments(ctx, present, args.prefetch), token)
    page = ctx.store.threads.level(
        source.post_id, source.id, CommentOrder.OLDEST, args.limit, args.next_token
    )
    return Page(await visible_comments(ctx, page.items, args.prefetch), page.next_token)


@resolver("Query.comment")
async def comment(
    ctx: RequestContext, _source: None, arguments: Mapping[str, Any]
) -> Comment | None:
    """One comment by post and id (a thread's deeper level, a history); null when hidden."""
    args = parse(CommentArgs, arguments)
    return await visible_comment(ctx, ctx.loaders.comment(args.post_id, args.id))


@resolver("Comment.parent")
async def parent(
    ctx: RequestContext, source: Comment, _arguments: Mapping[str, Any]
) -> Comment | None:
    """The comment this one replies to; null on the post itself, or when it is hidden."""
    if source.parent_id is None:
        return None
    return await visible_comment(ctx, ctx.loaders.comment(source.post_id, source.parent_id))
