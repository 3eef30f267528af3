"""Finding things: hashtag timelines, trending hashtags, people search (merged into Query)."""

from __future__ import annotations

from typing import Annotated

import strawberry

import resolvers.discovery
from core.hashtags import TRENDING_HOURS, HashtagRef, Trend
from core.limits import PAGE, SEARCH_QUERY, TRENDING
from schema.arguments import NextToken, PageLimit, page_arguments
from schema.types import Ctx, PostConnection, UserConnection

TrendingLimit = Annotated[int, strawberry.argument(description=TRENDING.describe("How many tags"))]


@strawberry.type(description="A hashtag and its posts.")
class Hashtag:
    tag: str = strawberry.field(description="Normalized: NFKC, case-folded, without the #.")
    _ref: strawberry.Private[HashtagRef]

    @classmethod
    def from_domain(cls, ref: HashtagRef) -> Hashtag:
        return cls(tag=ref.tag, _ref=ref)

    @strawberry.field(description="Posts whose body uses the tag, newest first.")
    async def posts(
        self, info: Ctx, limit: PageLimit = PAGE.default, next_token: NextToken = None
    ) -> PostConnection:
        arguments = page_arguments(limit, next_token, info)
        page = await resolvers.discovery.hashtag_posts(info.context, self._ref, arguments)
        return PostConnection.from_domain(page)


@strawberry.type(description=f"A tag and how many posts of the last {TRENDING_HOURS} hours use it.")
class TrendingHashtag:
    tag: str
    count: int

    @classmethod
    def from_domain(cls, trend: Trend) -> TrendingHashtag:
        return cls(tag=trend.tag, count=trend.count)


@strawberry.type
class DiscoveryQueries:
    @strawberry.field(description="A hashtag's timeline; `tag` with or without its #.")
    def hashtag(self, info: Ctx, tag: str) -> Hashtag:
        return Hashtag.from_domain(resolvers.discovery.hashtag(info.context, None, {"tag": tag}))

    @strawberry.field(
        description=f"The most used tags of the last {TRENDING_HOURS} hours, most used first."
    )
    def trending_hashtags(
        self, info: Ctx, limit: TrendingLimit = TRENDING.default
    ) -> list[TrendingHashtag]:
        found = resolvers.discovery.trending_hashtags(info.context, None, {"limit": limit})
        return [TrendingHashtag.from_domain(t) for t in found]

    @strawberry.field(
        description=(
            f"People whose handle or display name starts with `query` ({SEARCH_QUERY.least} to "
            f"{SEARCH_QUERY.most} characters; accents and case do not matter), best matches first."
        )
    )
    async def search_users(
        self,
        info: Ctx,
        query: str,
        limit: PageLimit = PAGE.default,
        next_token: NextToken = None,
    ) -> UserConnection:
        arguments = {"query": query, **page_arguments(limit, next_token)}
        page = await resolvers.discovery.search_users(info.context, None, arguments)
        return UserConnection.from_domain(page)
