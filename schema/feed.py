"""The home feed's page: its posts, and each post with who reposted it into the feed."""

from __future__ import annotations

import strawberry

import resolvers.feed
from core import models
from schema.types import Ctx, Post, User


@strawberry.type(description="One post of your home feed, and how it got there.")
class FeedItem:
    post: Post
    _item: strawberry.Private[models.FeedItem]

    @classmethod
    def from_domain(cls, item: models.FeedItem) -> FeedItem:
        return cls(post=Post.from_domain(item.post), _item=item)

    @strawberry.field(
        description=(
            "Who of the people you follow reposted it into your feed; null when it came as the "
            "author's own post (a post shows once per feed)."
        )
    )
    async def reposted_by(self, info: Ctx) -> User | None:
        return User.maybe(await resolvers.feed.reposted_by(info.context, self._item, {}))


@strawberry.type(description="One page of your home feed, newest first.")
class FeedConnection:
    items: list[Post] = strawberry.field(description="The page's posts.")
    entries: list[FeedItem] = strawberry.field(
        description="The same posts, each with who reposted it into your feed."
    )
    next_token: str | None = strawberry.field(
        description="Pass as `nextToken` for the next page; null on the last page."
    )

    @classmethod
    def from_domain(cls, page: models.Page[models.FeedItem]) -> FeedConnection:
        entries = [FeedItem.from_domain(i) for i in page.items]
        return cls(items=[e.post for e in entries], entries=entries, next_token=page.next_token)
