"""The home feed: its entries, then ONE batch for their posts, authors and the viewer's likes."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

from core.models import FeedItem, Page
from resolvers.inputs import PageArgs, parse
from resolvers.registry import resolver
from resolvers.visibility import AUTHOR, VIEWER_HAS_LIKED, VIEWER_HAS_REPOSTED, visibility

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from core.models import FeedEntry, UserProfile
    from resolvers.context import RequestContext


def _prime_from_entries(
    ctx: RequestContext, entries: Sequence[FeedEntry], wanted: tuple[str, ...]
) -> None:
    """Entries carry their author, so authors and likes join the posts' batch: two round trips.

    An entry written without its author ("") leaves that author to `Post.author`, a round
    trip later; the page is still right. Reposters' profiles come along (there are few).
    """
    if AUTHOR in wanted:
        ctx.loaders.prime_users(e.author_id for e in entries if e.author_id)
    ctx.loaders.prime_users(e.reposted_by for e in entries if e.reposted_by)
    viewer = ctx.viewer
    if VIEWER_HAS_LIKED in wanted and viewer is not None:
        ctx.loaders.prime_likes((e.post_id for e in entries), viewer.id)
    if VIEWER_HAS_REPOSTED in wanted and viewer is not None:
        ctx.loaders.prime_reposts((e.post_id for e in entries), viewer.id)


@resolver("Query.feed")
async def feed(ctx: RequestContext, _source: None, arguments: Mapping[str, Any]) -> Page[FeedItem]:
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
    items: dict[str, FeedItem] = {}
    for entry in page.entries:
        post = posts.get(entry.post_id)
        # Deleted posts are filtered here rather than chased through every follower's feed (a
        # page may come back short; its nextToken still continues). A repost by, or of, a
        # hidden person is hidden; a post shows once, where it came newest.
        if post is None or hidden.hides(post.author_id) or hidden.hides(entry.reposted_by):
            continue
        items.setdefault(post.id, FeedItem(post, entry.reposted_by))
    return Page(items=list(items.values()), next_token=page.next_token)


@resolver("FeedItem.repostedBy")
async def reposted_by(
    ctx: RequestContext, source: FeedItem, _arguments: Mapping[str, Any]
) -> UserProfile | None:
    """Null for the author's own post; batched with the page (primed above)."""
    if source.reposted_by is None:
        return None
    return await ctx.loaders.user(source.reposted_by)
