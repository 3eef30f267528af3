"""Polling the change log (`postEvents`, `feedUpdates`) and subscriptions driven by it."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

from core.models import ChangeKind, ChangeNotice, PollResult
from resolvers.inputs import PollArgs, PostEventsArgs, PostSubscriptionArgs, parse
from resolvers.registry import resolver
from resolvers.visibility import visible_events
from store.repository import feed_topic, post_topic

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Mapping

    from core.models import Comment, LoggedChange, Post
    from resolvers.context import RequestContext

#: Events a subscription reads per request to the change log.
SUBSCRIPTION_BATCH = 100


async def _poll(
    ctx: RequestContext, topic: str, after: str | None, limit: int, wanted: tuple[str, ...]
) -> PollResult:
    changes = ctx.store.changes
    if after is None:
        return PollResult(items=[], cursor=changes.start(topic, ctx.settings.changes_settle))
    events, cursor = changes.poll(topic, after, limit, ctx.settings.changes_settle)
    # Hidden events are left out; the batch cursor still moves past them.
    shown = await visible_events(ctx, events, wanted)
    return PollResult(items=[_notice(ctx, topic, e) for e in shown], cursor=cursor)


def _notice(ctx: RequestContext, topic: str, event: LoggedChange) -> ChangeNotice:
    return ChangeNotice(
        kind=event.kind,
        post_id=event.post_id,
        at=event.at,
        cursor=ctx.store.changes.event_cursor(topic, event),
        comment_id=event.comment_id,
    )


@resolver("Query.postEvents")
async def post_events(
    ctx: RequestContext, _source: None, arguments: Mapping[str, Any]
) -> PollResult:
    args = parse(PostEventsArgs, arguments)
    topic = post_topic(args.category, args.author_id)
    return await _poll(ctx, topic, args.after, args.limit, args.prefetch)


@resolver("Query.feedUpdates")
async def feed_updates(
    ctx: RequestContext, _source: None, arguments: Mapping[str, Any]
) -> PollResult:
    viewer = ctx.require_viewer()
    args = parse(PollArgs, arguments)
    return await _poll(ctx, feed_topic(viewer.id), args.after, args.limit, args.prefetch)


@resolver("ChangeEvent.post")
async def event_post(
    ctx: RequestContext, source: ChangeNotice, _arguments: Mapping[str, Any]
) -> Post | None:
    """The post as it is now (null once deleted), batched with the rest of the poll."""
    if source.kind is ChangeKind.POST_DELETED:
        return None
    return await ctx.loaders.post(source.post_id)


@resolver("ChangeEvent.comment")
async def event_comment(
    ctx: RequestContext, source: ChangeNotice, _arguments: Mapping[str, Any]
) -> Comment | None:
    if source.comment_id is None:
        return None
    return await ctx.loaders.comment(source.post_id, source.comment_id)


async def _follow(ctx: RequestContext, topic: str) -> AsyncIterator[ChangeNotice]:
    """Poll the change log for as long as the subscriber stays, from the moment it came."""
    changes = ctx.store.changes
    cursor = changes.start(topic, ctx.settings.changes_settle)
    while True:
        events, cursor = await asyncio.to_thread(
            changes.poll, topic, cursor, SUBSCRIPTION_BATCH, ctx.settings.changes_settle
        )
        # Each batch reads posts and the visibility set afresh: a connection lives far longer
        # than one request, and a block made meanwhile applies from the next batch.
        ctx.renew_loaders()
        for event in await visible_events(ctx, events, ("post",)):
            yield _notice(ctx, topic, event)
        if len(events) < SUBSCRIPTION_BATCH:
            await asyncio.sleep(ctx.settings.subscription_poll_ms / 1000)


@resolver("Subscription.onPostEvent")
def on_post_event(
    ctx: RequestContext, _source: None, arguments: Mapping[str, Any]
) -> AsyncIterator[ChangeNotice]:
    args = parse(PostSubscriptionArgs, arguments)
    return _follow(ctx, post_topic(args.category, None))


@resolver("Subscription.onFeedUpdate")
def on_feed_update(
    ctx: RequestContext, _source: None, _arguments: Mapping[str, Any]
) -> AsyncIterator[ChangeNotice]:
    return _follow(ctx, feed_topic(ctx.require_viewer().id))
