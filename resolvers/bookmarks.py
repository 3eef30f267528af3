"""Bookmarks: private to their owner, newest first; deleted posts drop out."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core.errors import PostNotFound
from core.models import Page, Post
from resolvers.inputs import PageArgs, PostIdTarget, parse
from resolvers.registry import resolver
from resolvers.visibility import visible_post, visible_posts_by_entries

if TYPE_CHECKING:
    from collections.abc import Awaitable, Mapping

    from resolvers.context import RequestContext


@resolver("Mutation.bookmark")
async def bookmark(ctx: RequestContext, _source: None, arguments: Mapping[str, Any]) -> Post:
    viewer = ctx.require_viewer()
    post_id = parse(PostIdTarget, arguments).post_id
    # A post the viewer cannot see is one they cannot save; the write checks it still exists.
    found = await visible_post(ctx, ctx.loaders.post(post_id))
    if found is None:
        raise PostNotFound(post_id)
    ctx.store.bookmarks.add(viewer.id, post_id)
    return found


@resolver("Mutation.unbookmark")
async def unbookmark(
    ctx: RequestContext, _source: None, arguments: Mapping[str, Any]
) -> Post | None:
    """The post, or null when it is gone (its bookmark can still be taken away)."""
    viewer = ctx.require_viewer()
    post_id = parse(PostIdTarget, arguments).post_id
    ctx.store.bookmarks.remove(viewer.id, post_id)
    return await visible_post(ctx, ctx.loaders.post(post_id))


@resolver("Query.bookmarks")
async def bookmarks(ctx: RequestContext, _source: None, arguments: Mapping[str, Any]) -> Page[Post]:
    viewer = ctx.require_viewer()
    args = parse(PageArgs, arguments)
    marked = ctx.store.bookmarks.page(viewer.id, args.limit, args.next_token)
    shown = await visible_posts_by_entries(ctx, marked.items, args.prefetch)
    return Page(items=shown, next_token=marked.next_token)


@resolver("Post.viewerHasBookmarked")
def viewer_has_bookmarked(
    ctx: RequestContext, source: Post, _arguments: Mapping[str, Any]
) -> bool | Awaitable[bool]:
    viewer = ctx.viewer
    return viewer is not None and ctx.loaders.has_bookmarked(viewer.id, source.id)
