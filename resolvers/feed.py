"""The home feed: fan-out entries, their posts loaded in one batch, deleted posts skipped."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core.models import Page, Post
from resolvers.inputs import PageArgs, parse
from resolvers.registry import resolver

if TYPE_CHECKING:
    from collections.abc import Mapping

    from resolvers.context import RequestContext


@resolver("Query.feed")
async def feed(ctx: RequestContext, _source: None, arguments: Mapping[str, Any]) -> Page[Post]:
    viewer = ctx.require_viewer()
    args = parse(PageArgs, arguments)
    entries = ctx.store.feeds.page(viewer.id, args.limit, args.next_token)
    posts = await ctx.loaders.posts([e.post_id for e in entries.items])
    # Deleted posts are filtered here rather than chased through every follower's feed: a page
    # may come back short, and its nextToken still continues where it left off.
    return Page(items=[p for p in posts if p is not None], next_token=entries.next_token)
