"""The notifications tab: grouped entries, the unread count, seen state and live updates.

A page reads its groups (ONE Query), then the seen state, the actors, posts and comments in
ONE batch; the unread count is ONE GetItem. The entries are written by the fan-out.
"""

from __future__ import annotations

import asyncio
from contextlib import aclosing
from functools import partial
from typing import TYPE_CHECKING, Any

from core.clock import aws_datetime
from core.models import Page
from core.notifications import NotificationEntry, NotificationNotice, NotificationPoll
from resolvers.inputs import PageArgs, PollArgs, parse
from resolvers.log_reads import poll_once, tail
from resolvers.notification_inputs import MarkSeenArgs
from resolvers.registry import resolver
from resolvers.visibility import visibility
from store.repository import lookups, notification_lookups

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Mapping, Sequence

    from core.models import UserProfile
    from core.notifications import NotificationGroup
    from resolvers.context import RequestContext
    from store.repository import Lookup


#: The selection hint (`PollArgs.prefetch`) that a poll's items show their actor.
ACTOR = "actor"


async def _load(ctx: RequestContext, lookup: Lookup[Any]) -> Any:
    item = await ctx.loaders.items.load(lookup.key)
    return lookup.decode(item) if item else None


async def entries(
    ctx: RequestContext, user_id: str, groups: Sequence[NotificationGroup]
) -> list[NotificationEntry]:
    """Groups with their seen state, actors, post and comment, read together in one batch."""
    state = _load(ctx, notification_lookups.state(user_id))
    actors = [asyncio.gather(*(_load(ctx, lookups.user(a)) for a in g.actor_ids)) for g in groups]
    posts = [_load(ctx, lookups.post(g.post_id)) if g.post_id else _none() for g in groups]
    comments = [
        _load(ctx, lookups.comment(g.post_id, g.comment_id))
        if g.post_id and g.comment_id
        else _none()
        for g in groups
    ]
    seen_state, hidden, found_actors, found_posts, found_comments = await asyncio.gather(
        state,
        visibility(ctx),
        asyncio.gather(*actors),
        asyncio.gather(*posts),
        asyncio.gather(*comments),
    )
    shown: list[NotificationEntry] = []
    for group, people, post, comment in zip(
        groups, found_actors, found_posts, found_comments, strict=True
    ):
        # Notices written before a block or mute lose their hidden actors at read.
        visible = tuple(p for p in people if p is not None and not hidden.hides(p.id))
        if not visible or (group.post_id is not None and post is None):
            continue  # about a deleted post, or by nobody left to show
        if group.comment_id is not None and comment is None:
            continue
        seen = seen_state is not None and seen_state.has_seen(group.latest_at)
        shown.append(NotificationEntry(group, seen, visible, post, comment))
    return shown


async def _none() -> None:
    return None


@resolver("Query.notifications")
async def notifications(
    ctx: RequestContext, _source: None, arguments: Mapping[str, Any]
) -> Page[NotificationEntry]:
    viewer = ctx.require_viewer()
    args = parse(PageArgs, arguments)
    page = ctx.store.notifications.page(viewer.id, args.limit, args.next_token)
    return Page(items=await entries(ctx, viewer.id, page.items), next_token=page.next_token)


@resolver("Query.unreadNotificationCount")
def unread_notification_count(
    ctx: RequestContext, _source: None, _arguments: Mapping[str, Any]
) -> int:
    return ctx.store.notifications.state(ctx.require_viewer().id).unread


@resolver("Mutation.markNotificationsSeen")
def mark_notifications_seen(
    ctx: RequestContext, _source: None, arguments: Mapping[str, Any]
) -> int:
    """Returns what is still unread (notifications after `upTo`)."""
    viewer = ctx.require_viewer()
    moment = parse(MarkSeenArgs, arguments).moment()
    up_to = aws_datetime(moment) if moment is not None else None
    return ctx.store.notifications.mark_seen(viewer.id, up_to).unread


@resolver("Query.notificationUpdates")
async def notification_updates(
    ctx: RequestContext, _source: None, arguments: Mapping[str, Any]
) -> NotificationPoll:
    viewer = ctx.require_viewer()
    args = parse(PollArgs, arguments)
    log, show = ctx.store.notifications, partial(_standing, ctx, args.prefetch)
    items, cursor = await poll_once(ctx, log, viewer.id, args.after, args.limit, show)
    return NotificationPoll(items=items, cursor=cursor)


async def _standing(
    ctx: RequestContext, wanted: Sequence[str], notices: Sequence[NotificationNotice]
) -> list[NotificationNotice]:
    """Without the notices undone since, or by someone the viewer has blocked or muted since.

    The fan-out writes no notice from a hidden actor; these two changes come after the write
    (a like taken back before it was seen, a block made before the poll). The visibility set,
    and the actors when the items select them (`wanted`), join the batch that reads the
    members; an empty poll reads none of them.
    """
    if not notices:
        return []
    if ACTOR in wanted:
        ctx.loaders.prime_users(n.logged.actor_id for n in notices)
    members = asyncio.gather(
        *(
            _load(
                ctx,
                notification_lookups.member(
                    n.logged.recipient_id, n.logged.group, n.logged.actor_id
                ),
            )
            for n in notices
        )
    )
    hidden, found = await asyncio.gather(visibility(ctx), members)
    return [
        n
        for n, present in zip(notices, found, strict=True)
        if present and not hidden.hides(n.logged.actor_id)
    ]


@resolver("NotificationEvent.notification")
async def event_notification(
    ctx: RequestContext, source: NotificationNotice, _arguments: Mapping[str, Any]
) -> NotificationEntry | None:
    """The group the notification is part of, as it is now."""
    logged = source.logged
    group = await _load(ctx, notification_lookups.group(logged.recipient_id, logged.group))
    if group is None:
        return None
    shown = await entries(ctx, logged.recipient_id, [group])
    return shown[0] if shown else None


@resolver("NotificationEvent.actor")
async def event_actor(
    ctx: RequestContext, source: NotificationNotice, _arguments: Mapping[str, Any]
) -> UserProfile | None:
    return await ctx.loaders.user(source.logged.actor_id)


@resolver("Subscription.onNotification")
async def on_notification(
    ctx: RequestContext, _source: None, _arguments: Mapping[str, Any]
) -> AsyncIterator[NotificationNotice]:
    """Your notifications as they settle, from the same log as `notificationUpdates`."""
    viewer = ctx.require_viewer()
    notices = tail(ctx, ctx.store.notifications, viewer.id, partial(_standing, ctx, ()))
    async with aclosing(notices):
        async for notice in notices:
            yield notice
