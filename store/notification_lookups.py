"""Notification items by key for the per-request loader (see store/lookups.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from store.lookups import Lookup
from store.notification_items import group_from_item, state_from_item
from store.notification_keys import group_key, member_key, notification_state_key

if TYPE_CHECKING:
    from core.notifications import NotificationGroup, NotificationState
    from store.items import Item


def _present(_item: Item) -> bool:
    return True


def state(user_id: str) -> Lookup[NotificationState]:
    """A person's seen state, read with a page of their notifications in one batch."""
    key = notification_state_key(user_id)
    return Lookup((key["PK"], key["SK"]), state_from_item)


def group(user_id: str, group_name: str) -> Lookup[NotificationGroup]:
    key = group_key(user_id, group_name)
    return Lookup((key["PK"], key["SK"]), group_from_item)


def member(user_id: str, group_name: str, actor_id: str) -> Lookup[bool]:
    """Whether the actor's part of the group still stands (an undone like's does not)."""
    key = member_key(user_id, group_name, actor_id)
    return Lookup((key["PK"], key["SK"]), _present)
