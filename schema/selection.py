"""Reading a field's selection as execution will: through fragments and inline fragments.

Two readers with different stakes: `item_fields` gives hints that let loads share one batch, so
it reads every field whatever directives say (a hint too many costs nothing); `only_field_named`
decides what a resolver returns, so it gives up where directives (`@skip`, `@include`) make the
selection conditional.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from strawberry.types.nodes import FragmentSpread, InlineFragment, SelectedField

if TYPE_CHECKING:
    from strawberry.types import Info
    from strawberry.types.nodes import Selection


class Conditional(Exception):
    """A directive decides at execution whether part of the selection applies."""


def _fields(selections: Iterable[Selection], *, strict: bool = False) -> Iterator[SelectedField]:
    """Fields at this level, looking through fragments; strict: raises Conditional."""
    for selection in selections:
        if strict and getattr(selection, "directives", None):
            raise Conditional()
        if isinstance(selection, SelectedField):
            yield selection
        elif isinstance(selection, FragmentSpread | InlineFragment):
            yield from _fields(selection.selections, strict=strict)


def _items(selections: Iterable[Selection], under: str) -> Iterator[SelectedField]:
    for field in _fields(selections):
        if field.name == under:
            yield from _fields(field.selections)


def connection_item_fields(
    selections: Iterable[Selection], *, under: str = "items"
) -> tuple[str, ...]:
    """Names selected on each item of a connection (`items { author }` -> author), one level
    further as dotted names (`items { post { author } }` -> post, post.author), and, for
    comments, on each of their first replies as `replies/<name>`
    (`items { replies { items { author } } }` -> replies/author)."""
    names: dict[str, None] = {}
    for field in _items(selections, under):
        names[field.name] = None
        names.update(dict.fromkeys(f"{field.name}.{f.name}" for f in _fields(field.selections)))
        if field.name == "replies":
            names.update(
                dict.fromkeys(f"replies/{f.name}" for f in _items(field.selections, "items"))
            )
    return tuple(names)


def item_fields(info: Info[Any, Any], *, under: str = "items") -> tuple[str, ...]:
    """Names selected on each item of this field's result: see `connection_item_fields`."""
    return connection_item_fields(info.selected_fields[0].selections, under=under)


def fields_named(selections: Iterable[Selection], name: str) -> Iterator[SelectedField]:
    """Every selection of field `name`, however it is spelled; raises Conditional."""
    return (field for field in _fields(selections, strict=True) if field.name == name)


def only_field_named(selections: Iterable[Selection], name: str) -> SelectedField | None:
    """The one selection of field `name`; None when there is none, several, or a directive."""
    try:
        found = list(fields_named(selections, name))
    except Conditional:
        return None
    return found[0] if len(found) == 1 else None
