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


def item_fields(info: Info[Any, Any], *, under: str = "items") -> tuple[str, ...]:
    """Names selected on each item of this field's result (`items { author }` -> author), and
    one level further as dotted names (`items { post { author } }` -> post, post.author)."""
    names: dict[str, None] = {}
    for field in _fields(info.selected_fields[0].selections):
        if field.name == under:
            for item_field in _fields(field.selections):
                names[item_field.name] = None
                names.update(
                    dict.fromkeys(
                        f"{item_field.name}.{f.name}" for f in _fields(item_field.selections)
                    )
                )
    return tuple(names)
