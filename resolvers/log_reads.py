"""Reading a log by cursor: one poll (`feedUpdates`, `notificationUpdates`) or a subscription."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Protocol, TypeVar

if TYPE_CHECKING:
    from collections.abc import AsyncGenerator, Awaitable, Callable, Sequence
    from datetime import timedelta

    from resolvers.context import RequestContext

#: Entries a subscription reads per request to its log.
SUBSCRIPTION_BATCH = 100

Entry = TypeVar("Entry")
Entry_co = TypeVar("Entry_co", covariant=True)
Shown = TypeVar("Shown")


class PolledLog(Protocol[Entry_co]):
    """A log read by cursor: the change log of a topic, a person's notifications."""

    def start(self, key: str, settle: timedelta, /) -> str: ...

    def poll(
        self, key: str, after: str, limit: int, settle: timedelta, /
    ) -> tuple[Sequence[Entry_co], str]: ...


async def poll_once(
    ctx: RequestContext,
    log: PolledLog[Entry],
    key: str,
    after: str | None,
    limit: int,
    show: Callable[[Sequence[Entry]], Awaitable[list[Shown]]],
) -> tuple[list[Shown], str]:
    """One poll; without a cursor, none of the past but a cursor the next poll starts from.

    `show` keeps what the viewer may see, in the form it answers; the cursor still moves past
    what it leaves out.
    """
    settle = ctx.settings.changes_settle
    if after is None:
        return [], log.start(key, settle)
    batch, cursor = log.poll(key, after, limit, settle)
    return await show(batch), cursor


async def tail(
    ctx: RequestContext,
    log: PolledLog[Entry],
    key: str,
    show: Callable[[Sequence[Entry]], Awaitable[list[Shown]]],
) -> AsyncGenerator[Shown, None]:
    """What `show` keeps of each batch, from the moment the subscriber came."""
    settle = ctx.settings.changes_settle
    cursor = log.start(key, settle)
    while True:
        batch, cursor = await asyncio.to_thread(log.poll, key, cursor, SUBSCRIPTION_BATCH, settle)
        # Each batch reads posts and the visibility set afresh: a connection lives far longer
        # than one request, and a block made meanwhile applies from the next batch.
        ctx.renew_loaders()
        for shown in await show(batch):
            yield shown
        if len(batch) < SUBSCRIPTION_BATCH:
            await asyncio.sleep(ctx.settings.subscription_poll_ms / 1000)
