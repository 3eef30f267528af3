"""A field's value at once when its data is already read, else an awaitable of it.

graphql-core accepts either from a resolver. An `async def` field costs a coroutine, and
graphql-core a task, for every object on a page even when the DataLoader's batch is long done;
a plain value costs neither (docs/BENCHMARKS.md).
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable
from typing import TypeVar, cast

T = TypeVar("T")
R = TypeVar("R")


def now_or_later(found: T | Awaitable[T], convert: Callable[[T], R]) -> R:
    """`convert(found)`: a value for a value, an awaitable for an awaitable. (Typed as the
    value: Strawberry reads the field's GraphQL type from the resolver's annotation, and
    graphql-core awaits what is awaitable.)"""
    if inspect.isawaitable(found):
        return cast("R", _converted(found, convert))
    return convert(found)


async def _converted(found: Awaitable[T], convert: Callable[[T], R]) -> R:
    return convert(await found)
