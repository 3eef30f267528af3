"""The home feed: fan-out entries, their posts loaded in one batch, deleted posts skipped."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

from core.models import Page, Post
from resolvers.inputs import PageArgs, parse
from resolvers.registry import resolver
from resolvers.visibility import read_ahead, visibility

if TYPE_CHECKING:
    from collections.abc import Mapping

    from resolvers.context import RequestContext


@resolver("Query.feed")
async def feed(ctx: RequestContext, _source: None, arguments: Mapping[str, Any]) -> Page[Post]:
    viewer = ctx.require_viewer()
    args = parse(PageArgs, arguments)
    entries = ctx.store.feeds.page(viewer.id, args.limit, args.next_token)
    # The visibility set goes out in the posts' batch.
    posts, hidden = await asyncio.gather(
        ctx.loaders.posts([e.post_id for e in entries.items]), visibility(ctx)
    )
    # Deleted posts are filtered here rather than chased through every follower's feed: a page
    # may come back short, and its nextToken still continues where it left off.
    shown = [p for p in posts if p is not None and not hidden.hides(p.author_id)]
    await read_ahead(ctx, shown, args.prefetch)
    return Page(items=shown, next_token=entries.next_token)
