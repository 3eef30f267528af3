"""The notifications tab's types and root fields (merged into Query, Mutation, Subscription)."""

from __future__ import annotations

from collections.abc import AsyncGenerator

import strawberry

import resolvers.notifications
from core import notifications as domain
from core.limits import NOTIFICATION_ACTORS, PAGE, POLL
from schema.arguments import (
    After,
    NextToken,
    PageLimit,
    PollLimit,
    page_arguments,
    poll_arguments,
)
from schema.connection import Connection
from schema.scalars import AWSDateTime
from schema.types import Comment, Ctx, Post, User

strawberry.enum(domain.NotificationKind, description="What someone did.")


@strawberry.type(
    description=(
        "One entry of your notifications: likes of a post and follows of a day are grouped "
        '("alice and 3 others liked your post"); comments and mentions stay single.'
    )
)
class Notification:
    id: strawberry.ID = strawberry.field(description="Stable while the entry grows.")
    kind: domain.NotificationKind
    count: int = strawberry.field(description="How many people did it.")
    actors: list[User] = strawberry.field(
        description=f"The {NOTIFICATION_ACTORS} most recent of them, newest first."
    )
    latest_at: AWSDateTime = strawberry.field(description="When the latest of them did it.")
    seen: bool = strawberry.field(description="Whether markNotificationsSeen covered it.")
    post: Post | None = strawberry.field(description="The post it is about (likes, comments).")
    comment: Comment | None = strawberry.field(description="The comment (comments).")

    @classmethod
    def from_domain(cls, entry: domain.NotificationEntry) -> Notification:
        group = entry.group
        return cls(
            id=strawberry.ID(group.group),
            kind=group.kind,
            count=group.count,
            actors=[User.from_domain(a) for a in entry.actors],
            latest_at=AWSDateTime(group.latest_at),
            seen=entry.seen,
            post=Post.from_domain(entry.post) if entry.post else None,
            comment=Comment.from_domain(entry.comment) if entry.comment else None,
        )


@strawberry.type(description="A page of notifications, newest first.")
class NotificationConnection(Connection[Notification]):
    pass


@strawberry.type(description="A new notification, in the order every poller sees.")
class NotificationEvent:
    cursor: str = strawberry.field(description="Poll with this to resume right after it.")
    at: AWSDateTime
    kind: domain.NotificationKind
    _notice: strawberry.Private[domain.NotificationNotice]

    @classmethod
    def from_domain(cls, notice: domain.NotificationNotice) -> NotificationEvent:
        logged = notice.logged
        return cls(
            cursor=notice.cursor, at=AWSDateTime(logged.at), kind=logged.kind, _notice=notice
        )

    @strawberry.field(description="Who did it.")
    async def actor(self, info: Ctx) -> User | None:
        return User.maybe(await resolvers.notifications.event_actor(info.context, self._notice, {}))

    @strawberry.field(description="The entry it is part of, as it is now.")
    async def notification(self, info: Ctx) -> Notification | None:
        found = await resolvers.notifications.event_notification(info.context, self._notice, {})
        return Notification.from_domain(found) if found else None


@strawberry.type(description="Notifications after your cursor, oldest first, and where next.")
class NotificationBatch:
    items: list[NotificationEvent]
    cursor: str = strawberry.field(description="Send it as `after` next time.")

    @classmethod
    def from_domain(cls, poll: domain.NotificationPoll) -> NotificationBatch:
        return cls(items=[NotificationEvent.from_domain(n) for n in poll.items], cursor=poll.cursor)


@strawberry.type
class NotificationQueries:
    @strawberry.field(description="Your notifications, newest first, grouped.")
    async def notifications(
        self, info: Ctx, limit: PageLimit = PAGE.default, next_token: NextToken = None
    ) -> NotificationConnection:
        arguments = page_arguments(limit, next_token)
        page = await resolvers.notifications.notifications(info.context, None, arguments)
        return NotificationConnection.from_domain(page)

    @strawberry.field(description="How many notifications you have not seen: one read.")
    def unread_notification_count(self, info: Ctx) -> int:
        return resolvers.notifications.unread_notification_count(info.context, None, {})

    @strawberry.field(description="Notifications you received after your cursor, exactly once.")
    async def notification_updates(
        self, info: Ctx, after: After = None, limit: PollLimit = POLL.default
    ) -> NotificationBatch:
        arguments = poll_arguments(after, limit, info)
        poll = await resolvers.notifications.notification_updates(info.context, None, arguments)
        return NotificationBatch.from_domain(poll)


@strawberry.type
class NotificationMutations:
    @strawberry.mutation(
        description=(
            "Mark your notifications seen up to `upTo` (default: now), on every device; "
            "returns how many stay unread."
        )
    )
    def mark_notifications_seen(self, info: Ctx, up_to: AWSDateTime | None = None) -> int:
        arguments = {"upTo": up_to}
        return resolvers.notifications.mark_notifications_seen(info.context, None, arguments)


@strawberry.type
class NotificationSubscriptions:
    @strawberry.subscription(description="Your notifications as they settle; over graphql-ws.")
    async def on_notification(self, info: Ctx) -> AsyncGenerator[NotificationEvent, None]:
        async for notice in resolvers.notifications.on_notification(info.context, None, {}):
            yield NotificationEvent.from_domain(notice)
