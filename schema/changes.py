"""Change-log types, and the subscriptions a long-lived server delivers from the same log."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from enum import Enum

import strawberry

import resolvers.changes
from core import models
from schema.notifications import NotificationSubscriptions
from schema.scalars import AWSDateTime
from schema.types import Comment, Ctx, Post


@strawberry.enum(description="What happened.")
class ChangeType(Enum):
    POST_CREATED = "POST_CREATED"
    POST_UPDATED = "POST_UPDATED"
    POST_DELETED = "POST_DELETED"
    COMMENT_ADDED = "COMMENT_ADDED"


@strawberry.type(description="One entry of a change log.")
class ChangeEvent:
    type: ChangeType
    cursor: str = strawberry.field(description="Poll with this to resume right after this event.")
    at: AWSDateTime = strawberry.field(description="When the change was made.")
    post_id: strawberry.ID
    comment_id: strawberry.ID | None
    _notice: strawberry.Private[models.ChangeNotice]

    @classmethod
    def from_domain(cls, notice: models.ChangeNotice) -> ChangeEvent:
        return cls(
            type=ChangeType(notice.kind.value),
            cursor=notice.cursor,
            at=AWSDateTime(notice.at),
            post_id=strawberry.ID(notice.post_id),
            comment_id=strawberry.ID(notice.comment_id) if notice.comment_id else None,
            _notice=notice,
        )

    @strawberry.field(description="The post as it is now; null once it is deleted.")
    async def post(self, info: Ctx) -> Post | None:
        found = await resolvers.changes.event_post(info.context, self._notice, {})
        return Post.from_domain(found) if found else None

    @strawberry.field(description="The comment a COMMENT_ADDED event is about.")
    async def comment(self, info: Ctx) -> Comment | None:
        found = await resolvers.changes.event_comment(info.context, self._notice, {})
        return Comment.from_domain(found) if found else None


@strawberry.type(description="Events after your cursor, oldest first, and where to poll next.")
class ChangeBatch:
    items: list[ChangeEvent]
    cursor: str = strawberry.field(
        description="Send it as `after` next time (also when `items` is empty)."
    )

    @classmethod
    def from_domain(cls, batch: models.PollResult) -> ChangeBatch:
        return cls(items=[ChangeEvent.from_domain(n) for n in batch.items], cursor=batch.cursor)


@strawberry.type
class Subscription(NotificationSubscriptions):
    @strawberry.subscription(
        description="Post events (in one category, or all) as they settle; over graphql-ws."
    )
    async def on_post_event(
        self, info: Ctx, category: str | None = None
    ) -> AsyncGenerator[ChangeEvent, None]:
        notices = resolvers.changes.on_post_event(info.context, None, {"category": category})
        async for notice in notices:
            yield ChangeEvent.from_domain(notice)

    @strawberry.subscription(description="Your home feed's events as they settle; over graphql-ws.")
    async def on_feed_update(self, info: Ctx) -> AsyncGenerator[ChangeEvent, None]:
        async for notice in resolvers.changes.on_feed_update(info.context, None, {}):
            yield ChangeEvent.from_domain(notice)
