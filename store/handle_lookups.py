"""Handles by key for the per-request loader: who owns `@handle` (see store/lookups.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from store.keys import handle_key
from store.lookups import Lookup

if TYPE_CHECKING:
    from store.items import Item


def _owner(item: Item) -> str:
    return str(item["userId"]["S"])


def handle_owner(handle: str) -> Lookup[str]:
    """The id of the user who claimed `handle`."""
    key = handle_key(handle)
    return Lookup((key["PK"], key["SK"]), _owner)
