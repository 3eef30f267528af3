"""Posts: create, read, update, delete, and newest-first pages."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core.models import Page, Post, PostChanges
from resolvers.inputs import (
    CreatePostInput,
    PageArgs,
    PostArgs,
    PostIdsArgs,
    PostsArgs,
    UpdatePostInput,
    parse,
)
from resolvers.registry import resolver
from resolvers.report_inputs import DeletePostArgs
from resolvers.uploads import attachable_media
from resolvers.visibility import (
    AUTHOR,
    visible_comments,
    visible_post,
    visible_posts,
    visible_posts_by_ids,
)

if TYPE_CHECKING:
    from collections.abc import Mapping

    from core.models import UserProfile
    from resolvers.context import RequestContext


@resolver("Query.post")
async def post(ctx: RequestContext, _source: None, arguments: Mapping[str, Any]) -> Post | None:
    args = parse(PostArgs, arguments)
    if args.prefetch_comments is None:
        return await visible_post(ctx, ctx.loaders.post(args.id))
    # The first comments' Query, then ONE batch: the post, its author (each comment names
    # it), the commenters, the first replies and what those select, and the visibility set.
    order = args.comments_order
    first = ctx.store.threads.level(args.id, None, order, args.prefetch_comments, None)
    ctx.loaders.prime_posts([args.id])
    ctx.loaders.prime_users({c.post_author_id for c in first.items if c.post_author_id})
    shown = await visible_comments(ctx, first.items, (AUTHOR, *args.comment_fields))
    visible = await visible_post(ctx, ctx.loaders.post(args.id))
    if visible is not None:
        page = Page(items=shown, next_token=first.next_token)
        ctx.prefetched_comments[visible.id] = ((args.prefetch_comments, order), page)
    return visible


@resolver("Query.postsByIds")
async def posts_by_ids(
    ctx: RequestContext, _source: None, arguments: Mapping[str, Any]
) -> list[Post | None]:
    """Posts in the order asked, null where there is none: one batched read."""
    args = parse(PostIdsArgs, arguments)
    return await visible_posts_by_ids(ctx, args.ids)


@resolver("Query.posts")
async def posts(ctx: RequestContext, _source: None, arguments: Mapping[str, Any]) -> Page[Post]:
    args = parse(PostsArgs, arguments)
    page = ctx.store.posts.recent(args.category, args.limit, args.next_token)
    return Page(await visible_posts(ctx, page.items, args.prefetch), page.next_token)


@resolver("User.posts")
async def user_posts(
    ctx: RequestContext, source: UserProfile, arguments: Mapping[str, Any]
) -> Page[Post]:
    args = parse(PageArgs, arguments)
    page = ctx.store.posts.by_author(source.id, args.limit, args.next_token)
    return Page(await visible_posts(ctx, page.items, args.prefetch), page.next_token)


@resolver("Mutation.createPost")
def create_post(ctx: RequestContext, _source: None, arguments: Mapping[str, Any]) -> Post:
    viewer = ctx.require_viewer()
    args = parse(CreatePostInput, arguments.get("input"), at="input")
    return ctx.store.posts.create(
        author_id=viewer.id,
        title=args.title,
        body=args.body,
        category=args.category,
        request_token=args.client_request_token,
        media=attachable_media(ctx, viewer, args.media_ids or []),
    )


@resolver("Mutation.updatePost")
def update_post(ctx: RequestContext, _source: None, arguments: Mapping[str, Any]) -> Post:
    viewer = ctx.require_viewer()
    args = parse(UpdatePostInput, arguments.get("input"), at="input")
    changes = PostChanges(title=args.title, body=args.body, category=args.category)
    media = None if args.media_ids is None else attachable_media(ctx, viewer, args.media_ids)
    return ctx.store.posts.update(
        args.id,
        author_id=viewer.id,
        expected_version=args.expected_version,
        changes=changes,
        media=media,
    )


@resolver("Mutation.deletePost")
def delete_post(ctx: RequestContext, _source: None, arguments: Mapping[str, Any]) -> str:
    args = parse(DeletePostArgs, arguments)
    removal = ctx.removal(args.reason)
    ctx.store.posts.delete(args.id, author_id=ctx.deleting_as(), removal=removal)
    return args.id
