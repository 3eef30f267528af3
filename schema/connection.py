"""A page of a list as GraphQL answers it: its items, and the token of the next page."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, Self, TypeVar

import strawberry

from core.models import Page

Node = TypeVar("Node")
Value = TypeVar("Value")


@strawberry.type
class Connection(Generic[Node]):
    """Named by subclassing it per item type: `class PostConnection(Connection[Post])`."""

    items: list[Node]
    next_token: str | None

    @classmethod
    def of(cls, page: Page[Value], node: Callable[[Value], Node]) -> Self:
        """The page, each item mapped by `node` (its type's `from_domain`)."""
        return cls(items=[node(value) for value in page.items], next_token=page.next_token)
