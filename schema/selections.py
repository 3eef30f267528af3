"""Reading a field's selection as execution will: through fragments, inline fragments and
aliases, and giving up where directives (`@skip`, `@include`) make it conditional."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from strawberry.types.nodes import FragmentSpread, InlineFragment, SelectedField


class Conditional(Exception):
    """A directive decides at execution whether part of the selection applies."""


def fields_named(selections: Sequence[Any], name: str) -> Iterator[SelectedField]:
    """Every selection of field `name`, however it is spelled; raises Conditional."""
    for selection in selections:
        if getattr(selection, "directives", None):
            raise Conditional()
        if isinstance(selection, SelectedField):
            if selection.name == name:
                yield selection
        elif isinstance(selection, FragmentSpread | InlineFragment):
            yield from fields_named(selection.selections, name)


def only_field_named(selections: Sequence[Any], name: str) -> SelectedField | None:
    """The one selection of field `name`; None when there is none, several, or a directive."""
    try:
        found = list(fields_named(selections, name))
    except Conditional:
        return None
    return found[0] if len(found) == 1 else None
