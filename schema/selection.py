"""What a field's selection asks of its items: hints that let loads share one batch."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from strawberry.types.nodes import FragmentSpread, InlineFragment, SelectedField

if TYPE_CHECKING:
    from strawberry.types import Info
    from strawberry.types.nodes import Selection


def _fields(selections: Iterable[Selection]) -> Iterator[SelectedField]:
    """Fields at this level, looking through fragments."""
    for selection in selections:
        if isinstance(selection, SelectedField):
            yield selection
        elif isinstance(selection, FragmentSpread | InlineFragment):
            yield from _fields(selection.selections)


def _items(selections: Iterable[Selection], under: str) -> Iterator[SelectedField]:
    for field in _fields(selections):
        if field.name == under:
            yield from _fields(field.selections)


def connection_item_fields(selections: Iterable[Selection]) -> tuple[str, ...]:
    """Names selected on each item of a connection, and, for comments, on each of their
    first replies as `replies/<name>` (`items { replies { items { author } } }`)."""
    names: dict[str, None] = {}
    for field in _items(selections, "items"):
        names[field.name] = None
        if field.name == "replies":
            names.update(
                dict.fromkeys(f"replies/{f.name}" for f in _items(field.selections, "items"))
            )
    return tuple(names)


def item_fields(info: Info[Any, Any]) -> tuple[str, ...]:
    """Names selected on each item of this field's result (`items { author }` -> author)."""
    return connection_item_fields(info.selected_fields[0].selections)
