"""Polling the change log (`postEvents`, `feedUpdates`) and subscriptions driven by it."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from core.models import ChangeKind, ChangeNotice, PollResult
from resolvers.inputs import PollArgs, PostEventsArgs, PostSubscriptionArgs, parse
from resolvers.log_reads import poll_once, tail
from resolvers.registry import resolver
from resolvers.visibility import visible_events
from store.repository import feed_topic, post_topic

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Mapping, Sequence

    from core.models import Comment, LoggedChange, Post
    from resolvers.context import RequestContext


async def _notices(
    ctx: RequestContext, topic: str, wanted: tuple[str, ...], events: Sequence[LoggedChange]
) -> list[ChangeNotice]:
    return [_notice(ctx, topic, e) for e in await visible_events(ctx, events, wanted)]


async def _poll(
    ctx: RequestContext, topic: str, after: str | None, limit: int, wanted: tuple[str, ...]
) -> PollResult:
    show = partial(_notices, ctx, topic, wanted)
    items, cursor = await poll_once(ctx, ctx.store.changes, topic, after, limit, show)
    return PollResult(items=items, cursor=cursor)


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


def _follow(ctx: RequestContext, topic: str) -> AsyncIterator[ChangeNotice]:
    """The topic's events as they settle, for as long as the subscriber stays."""
    return tail(ctx, ctx.store.changes, topic, partial(_notices, ctx, topic, ("post",)))


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
