"""Comments: added and deleted with an exact count, read oldest first from the post's collection."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core.models import Page
from resolvers.comment_inputs import AddCommentInput, DeleteCommentArgs, UpdateCommentInput
from resolvers.inputs import PageArgs, parse
from resolvers.registry import resolver
from resolvers.visibility import visible_comments

if TYPE_CHECKING:
    from collections.abc import Mapping

    from core.models import Comment, Post
    from resolvers.context import RequestContext


@resolver("Mutation.addComment")
def add_comment(ctx: RequestContext, _source: None, arguments: Mapping[str, Any]) -> Comment:
    viewer = ctx.require_viewer()
    args = parse(AddCommentInput, arguments.get("input"), at="input")
    return ctx.store.comments.add(args.post_id, viewer.id, args.body)


@resolver("Mutation.updateComment")
def update_comment(ctx: RequestContext, _source: None, arguments: Mapping[str, Any]) -> Comment:
    viewer = ctx.require_viewer()
    args = parse(UpdateCommentInput, arguments.get("input"), at="input")
    return ctx.store.comments.update(
        args.post_id,
        args.id,
        author_id=viewer.id,
        expected_version=args.expected_version,
        body=args.body,
    )


@resolver("Mutation.deleteComment")
def delete_comment(ctx: RequestContext, _source: None, arguments: Mapping[str, Any]) -> str:
    args = parse(DeleteCommentArgs, arguments)
    ctx.store.comments.delete(args.post_id, args.id, author_id=ctx.deleting_as())
    return args.id


@resolver("Post.comments")
async def comments(
    ctx: RequestContext, source: Post, arguments: Mapping[str, Any]
) -> Page[Comment]:
    args = parse(PageArgs, arguments)
    prefetched = ctx.prefetched_comments.get(source.id)
    if args.next_token is None and prefetched is not None and prefetched[0] == args.limit:
        return prefetched[1]  # already through the visibility rule
    page = ctx.store.comments.page(source.id, args.limit, args.next_token)
    return Page(await visible_comments(ctx, page.items, args.prefetch), page.next_token)
