"""Finding things: hashtag timelines, trending hashtags, people by name."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core.entities import distinct_tags
from core.hashtags import HASHTAGS_PER_POST, HashtagRef
from core.models import Page, Post, UserProfile
from resolvers.discovery_inputs import HashtagArgs, SearchUsersArgs, TrendingArgs
from resolvers.inputs import PageArgs, parse
from resolvers.registry import resolver
from resolvers.visibility import visible_indexed_posts, visible_profiles

if TYPE_CHECKING:
    from collections.abc import Mapping

    from core.hashtags import Trend
    from resolvers.context import RequestContext


@resolver("Query.hashtag")
def hashtag(ctx: RequestContext, _source: None, arguments: Mapping[str, Any]) -> HashtagRef:
    return HashtagRef(parse(HashtagArgs, arguments).tag)


@resolver("Hashtag.posts")
async def hashtag_posts(
    ctx: RequestContext, source: HashtagRef, arguments: Mapping[str, Any]
) -> Page[Post]:
    """Newest first; posts deleted, hidden or edited out of the tag since are left out (a page
    may come back short, its token still continues)."""
    args = parse(PageArgs, arguments)
    entries = ctx.store.hashtags.page(source.tag, args.limit, args.next_token)
    posts = await visible_indexed_posts(ctx, entries.items, args.prefetch)
    tagged = [p for p in posts if source.tag in distinct_tags(p.body)[:HASHTAGS_PER_POST]]
    return Page(items=tagged, next_token=entries.next_token)


@resolver("Query.trendingHashtags")
def trending_hashtags(
    ctx: RequestContext, _source: None, arguments: Mapping[str, Any]
) -> list[Trend]:
    """From the one precomputed item: counts of everyone's posts, naming no one."""
    return ctx.store.trends.trending(parse(TrendingArgs, arguments).limit)


@resolver("Query.searchUsers")
async def search_users(
    ctx: RequestContext, _source: None, arguments: Mapping[str, Any]
) -> Page[UserProfile]:
    args = parse(SearchUsersArgs, arguments)
    return await visible_profiles(
        ctx, ctx.store.users.search(args.query, args.limit, args.next_token)
    )
