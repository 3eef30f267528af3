"""Notification items <-> domain values: groups, their members, the seen state, log entries."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from core.limits import NOTIFICATION_ACTORS
from core.notifications import (
    Notice,
    NotificationGroup,
    NotificationKind,
    NotificationLogged,
    NotificationState,
)
from store.change_items import expiry
from store.codecs import attribute_values
from store.keys import change_key
from store.notification_keys import (
    group_index_keys,
    group_key,
    member_key,
    notification_state_key,
    notify_topic,
)
from store.table import TTL_ATTRIBUTE

if TYPE_CHECKING:
    from collections.abc import Mapping

    from store.items import Item


def _optional(item: Mapping[str, Any], name: str) -> str | None:
    value = item.get(name)
    return str(value["S"]) if value else None


def group_to_item(group: NotificationGroup, version: int) -> Item:
    item: Item = {
        **attribute_values(group_key(group.recipient_id, group.group)),
        **attribute_values(group_index_keys(group.recipient_id, group.group, group.latest_at)),
        "type": {"S": "NotificationGroup"},
        "recipientId": {"S": group.recipient_id},
        "group": {"S": group.group},
        "kind": {"S": group.kind.value},
        "count": {"N": str(group.count)},
        "actors": {"L": [{"S": a} for a in group.actor_ids]},
        "latestAt": {"S": group.latest_at},
        "version": {"N": str(version)},
    }
    if group.post_id is not None:
        item["postId"] = {"S": group.post_id}
    if group.comment_id is not None:
        item["commentId"] = {"S": group.comment_id}
    return item


def group_from_item(item: Mapping[str, Any]) -> NotificationGroup:
    return NotificationGroup(
        recipient_id=item["recipientId"]["S"],
        group=item["group"]["S"],
        kind=NotificationKind(item["kind"]["S"]),
        count=int(item["count"]["N"]),
        actor_ids=tuple(a["S"] for a in item["actors"]["L"]),
        latest_at=item["latestAt"]["S"],
        post_id=_optional(item, "postId"),
        comment_id=_optional(item, "commentId"),
    )


def version_of(item: Mapping[str, Any] | None) -> int:
    return int(item["version"]["N"]) if item and "version" in item else 0


def member_to_item(notice: Notice, stamp: str, logged_at: str) -> Item:
    """`logged` is the key of its change-log entry, removed with it when a like is undone."""
    return {
        **attribute_values(member_key(notice.recipient_id, notice.group, notice.actor_id)),
        "type": {"S": "NotificationMember"},
        "actorId": {"S": notice.actor_id},
        "at": {"S": stamp},
        "logged": {"S": logged_at},
    }


def state_from_item(item: Mapping[str, Any] | None) -> NotificationState:
    if item is None:
        return NotificationState()
    return NotificationState(
        unread=max(0, int(item.get("unread", {"N": "0"})["N"])),
        seen_up_to=_optional(item, "seenUpTo"),
    )


def state_item(user_id: str, unread: int, seen_up_to: str, version: int) -> Item:
    return {
        **attribute_values(notification_state_key(user_id)),
        "type": {"S": "NotificationState"},
        "unread": {"N": str(unread)},
        "seenUpTo": {"S": seen_up_to},
        "version": {"N": str(version)},
    }


def logged_to_item(logged: NotificationLogged) -> Item:
    topic = notify_topic(logged.recipient_id)
    return {
        **attribute_values(change_key(topic, logged.at, logged.id)),
        "type": {"S": "NotificationChange"},
        "topic": {"S": topic},
        "eventId": {"S": logged.id},
        "recipientId": {"S": logged.recipient_id},
        "group": {"S": logged.group},
        "actorId": {"S": logged.actor_id},
        "kind": {"S": logged.kind.value},
        "at": {"S": logged.at},
        TTL_ATTRIBUTE: {"N": str(expiry(logged.at))},
    }


def logged_from_item(position: str, item: Mapping[str, Any]) -> NotificationLogged:
    return NotificationLogged(
        id=item["eventId"]["S"],
        recipient_id=item["recipientId"]["S"],
        group=item["group"]["S"],
        actor_id=item["actorId"]["S"],
        kind=NotificationKind(item["kind"]["S"]),
        at=item["at"]["S"],
        position=position,
    )


def joined(found: Item | None, notice: Notice, stamp: str) -> NotificationGroup:
    """The group with `notice` counted in: its actor first among the names, its stamp latest."""
    if found is None:
        return NotificationGroup(
            recipient_id=notice.recipient_id,
            group=notice.group,
            kind=notice.kind,
            count=1,
            actor_ids=(notice.actor_id,),
            latest_at=stamp,
            post_id=notice.post_id,
            comment_id=notice.comment_id,
        )
    group = group_from_item(found)
    actors = (notice.actor_id, *(a for a in group.actor_ids if a != notice.actor_id))
    return replace(
        group,
        count=group.count + 1,
        actor_ids=actors[:NOTIFICATION_ACTORS],
        latest_at=max(stamp, group.latest_at),
    )
