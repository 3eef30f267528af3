"""Pure key builders of notifications. See docs/DATA_MODEL.md ("Notifications")."""

from __future__ import annotations

from typing import Final

from store.keys import Key

STATE: Final = "NOTIFY-STATE"
GROUP_PREFIX: Final = "GROUP#"
MEMBER_PREFIX: Final = "MEMBER#"
NOTIFY_TOPIC_PREFIX: Final = "notify:"


def notification_partition(user_id: str) -> str:
    """A person's notifications, members and seen state: one item collection."""
    return f"NOTIFY#{user_id}"


def notification_state_key(user_id: str) -> Key:
    return {"PK": notification_partition(user_id), "SK": STATE}


def group_key(user_id: str, group: str) -> Key:
    return {"PK": notification_partition(user_id), "SK": f"{GROUP_PREFIX}{group}"}


def member_prefix(group: str) -> str:
    return f"{MEMBER_PREFIX}{group}#"


def member_key(user_id: str, group: str, actor_id: str) -> Key:
    """One actor's part of a group: deterministic, so a retried fan-out cannot count it twice."""
    return {"PK": notification_partition(user_id), "SK": f"{member_prefix(group)}{actor_id}"}


def notifications_index_partition(user_id: str) -> str:
    """GSI1: a person's groups, ordered by their latest activity."""
    return f"NOTIFICATIONS#{user_id}"


def group_index_keys(user_id: str, group: str, latest_at: str) -> Key:
    """GSI1 keys of a group; they move with each new actor, so the group rises to the top."""
    return {
        "GSI1PK": notifications_index_partition(user_id),
        "GSI1SK": f"{latest_at}#{group}",
    }


def notify_topic(user_id: str) -> str:
    """The change-log topic `notificationUpdates` reads (a table partition, written in the
    notification's own transaction)."""
    return f"{NOTIFY_TOPIC_PREFIX}{user_id}"
