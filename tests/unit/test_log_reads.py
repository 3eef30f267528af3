"""Reading a log held in memory by cursor: one poll, and a subscription's batches and pauses."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING, Any, cast

from resolvers.log_reads import SUBSCRIPTION_BATCH, poll_once, tail

if TYPE_CHECKING:
    from collections.abc import Sequence

    from resolvers.context import RequestContext


@dataclass
class NumberLog:
    """Entries 0..size-1; a cursor is the next entry's number."""

    size: int
    polls: list[tuple[str, int, int]] = field(default_factory=list)

    def start(self, key: str, settle: timedelta, /) -> str:
        return "0"

    def poll(
        self, key: str, after: str, limit: int, settle: timedelta, /
    ) -> tuple[Sequence[int], str]:
        first = int(after)
        batch = list(range(first, min(first + limit, self.size)))
        self.polls.append((key, first, limit))
        return batch, str(first + len(batch))


@dataclass
class Settings:
    changes_settle: timedelta = timedelta(seconds=1)
    subscription_poll_ms: int = 10


@dataclass
class Context:
    settings: Settings = field(default_factory=Settings)
    renewed: int = 0

    def renew_loaders(self) -> None:
        self.renewed += 1


async def _even(batch: Sequence[int]) -> list[int]:
    return [n for n in batch if n % 2 == 0]


async def _first(count: int, log: NumberLog, ctx: Context) -> list[Any]:
    got: list[Any] = []
    stream = tail(cast("RequestContext", ctx), log, "topic", _even)
    async for entry in stream:
        got.append(entry)
        if len(got) == count:
            break
    await stream.aclose()
    return got


def test_a_first_poll_answers_no_past_only_where_to_start() -> None:
    # Given a log that already holds 30 entries
    log = NumberLog(size=30)
    ctx = cast("RequestContext", Context())
    # When a client polls without a cursor
    items, cursor = asyncio.run(poll_once(ctx, log, "topic", None, 25, _even))
    # Then it gets nothing of the past and reads nothing, but a cursor to poll from
    assert (items, cursor, log.polls) == ([], "0", [])


def test_a_poll_leaves_out_what_show_hides_and_still_moves_past_it() -> None:
    # Given a log of 30 entries
    log = NumberLog(size=30)
    ctx = cast("RequestContext", Context())
    # When a client polls 25 from entry 3
    items, cursor = asyncio.run(poll_once(ctx, log, "topic", "3", 25, _even))
    # Then it sees the even ones of 3..27, and its next poll starts after 27
    assert items == list(range(4, 28, 2))
    assert cursor == "28"
    assert log.polls == [("topic", 3, 25)]


def test_full_batches_are_read_back_to_back_and_each_renews_the_loaders() -> None:
    # Given a log of two and a half batches
    log = NumberLog(size=SUBSCRIPTION_BATCH * 2 + 50)
    ctx = Context()
    # When the subscriber takes every even entry of it
    got = asyncio.run(_first(SUBSCRIPTION_BATCH + 25, log, ctx))
    # Then it saw them in order, what `show` kept, read in three polls from where each ended
    assert got == list(range(0, SUBSCRIPTION_BATCH * 2 + 50, 2))
    assert log.polls == [
        ("topic", 0, SUBSCRIPTION_BATCH),
        ("topic", SUBSCRIPTION_BATCH, SUBSCRIPTION_BATCH),
        ("topic", SUBSCRIPTION_BATCH * 2, SUBSCRIPTION_BATCH),
    ]
    assert ctx.renewed == 3


def test_a_short_batch_waits_before_the_next_poll() -> None:
    # Given an empty log polled every 50 ms
    log = NumberLog(size=0)
    ctx = Context(settings=Settings(subscription_poll_ms=50))

    async def listen() -> None:
        stream = tail(cast("RequestContext", ctx), log, "topic", _even)
        waiting = asyncio.ensure_future(stream.__anext__())
        await asyncio.sleep(0.3)
        waiting.cancel()

    # When a subscriber listens for 0.3 s
    asyncio.run(listen())
    # Then it polled about every 50 ms, not in a busy loop
    assert 2 <= len(log.polls) <= 8
