"""The home feed: its entries, then ONE batch for their posts, authors and the viewer's likes."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

from core.models import Page, Post
from resolvers.inputs import PageArgs, parse
from resolvers.registry import resolver
from resolvers.visibility import AUTHOR, VIEWER_HAS_LIKED, visibility

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from core.models import FeedEntry
    from resolvers.context import RequestContext


def _prime_from_entries(
    ctx: RequestContext, entries: Sequence[FeedEntry], wanted: tuple[str, ...]
) -> None:
    """Entries carry their author, so authors and likes join the posts' batch: two round trips.

    An entry written without its author ("") leaves that author to `Post.author`, a round
    trip later; the page is still right.
    """
    if AUTHOR in wanted:
        ctx.loaders.prime_users(e.author_id for e in entries if e.author_id)
    if VIEWER_HAS_LIKED in wanted and ctx.viewer is not None:
        ctx.loaders.prime_likes((e.post_id for e in entries), ctx.viewer.id)


@resolver("Query.feed")
async def feed(ctx: RequestContext, _source: None, arguments: Mapping[str, Any]) -> Page[Post]:
    viewer = ctx.require_viewer()
    args = parse(PageArgs, arguments)
    most = ctx.settings.fanout.pull_accounts_per_feed
    page = ctx.store.feeds.page(viewer.id, args.limit, args.next_token, most)
    _prime_from_entries(ctx, page.entries, args.prefetch)
    # Pull accounts' posts came with the page; the others' go out in one batch with the
    # visibility set (and the authors and likes primed above).
    wanted = [e.post_id for e in page.entries if e.post_id not in page.pulled]
    loaded, hidden = await asyncio.gather(ctx.loaders.posts(wanted), visibility(ctx))
    posts = {**dict(zip(wanted, loaded, strict=True)), **page.pulled}
    # Deleted posts are filtered here rather than chased through every follower's feed: a page
    # may come back short, and its nextToken still continues where it left off.
    shown = [posts.get(e.post_id) for e in page.entries]
    return Page(
        items=[p for p in shown if p is not None and not hidden.hides(p.author_id)],
        next_token=page.next_token,
    )
