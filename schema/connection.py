"""A page of a list as GraphQL answers it: its items, and the token of the next page."""

from __future__ import annotations

from typing import Any, Generic, Self, TypeVar, get_args

import strawberry

from core.models import Page

Node = TypeVar("Node")


@strawberry.type
class Connection(Generic[Node]):
    """Named by subclassing it per item type: `class PostConnection(Connection[Post])`."""

    items: list[Node]
    next_token: str | None

    @classmethod
    def from_domain(cls, page: Page[Any]) -> Self:
        """The page, each item mapped by the `from_domain` of the type the subclass names."""
        # `class PostConnection(Connection[Post])`: the subscripted base is its first.
        (node,) = get_args(cls.__orig_bases__[0])  # type: ignore[attr-defined]
        return cls(items=[node.from_domain(v) for v in page.items], next_token=page.next_token)
