"""Notifications: grouped entries kept exact by the fan-out, and each person's seen state.

A group ("alice and 3 others liked your post") is one item; each actor's part of it is a member
item written in the same transaction, with the group's count, the unread counter and an entry in
the recipient's change log. The member's key is deterministic, so a retried stream batch finds
it and changes nothing; the group's `version` guards against two fan-outs racing on one group.
"""

from __future__ import annotations

import random
import time
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from core.clock import aws_datetime
from core.errors import Throttled
from core.ids import new_id
from core.limits import NOTIFICATION_ACTORS
from core.notifications import (
    NotificationGroup,
    NotificationLogged,
    NotificationNotice,
    NotificationState,
)
from store.change_items import later_stamp
from store.changes import ChangeLog
from store.codecs import attribute_values
from store.errors import translated_errors
from store.keys import change_partition
from store.notification_items import (
    group_from_item,
    group_to_item,
    joined,
    logged_from_item,
    logged_to_item,
    member_to_item,
    state_from_item,
    state_item,
    version_of,
)
from store.notification_keys import (
    MEMBER_PREFIX,
    group_key,
    member_key,
    member_prefix,
    notification_partition,
    notification_state_key,
    notifications_index_partition,
    notify_topic,
)
from store.posts import MAX_RACES
from store.tables import OLD, Repository, Table
from store.transactions import Planned, TransactionCancelled, commit, transact

if TYPE_CHECKING:
    from datetime import timedelta

    from core.models import Page
    from core.notifications import Notice
    from store.items import Item

#: Fan-outs racing on one group retry this often (with jitter) before giving up.
GROUP_RACES = 30
#: The state's condition that a stamp is still unseen (seen state only moves forward).
UNSEEN = "attribute_not_exists(seenUpTo) OR seenUpTo < :at"


class NotificationRepository(Repository):
    def __init__(self, table: Table) -> None:
        super().__init__(table)
        self._log = ChangeLog(table)

    def start(self, user_id: str, settle: timedelta) -> str:
        """A cursor of the person's notification log at the settle horizon."""
        return self._log.start(notify_topic(user_id), settle)

    def poll(
        self, user_id: str, after: str, limit: int, settle: timedelta
    ) -> tuple[list[NotificationNotice], str]:
        """New notifications after the cursor, exactly once, oldest first: ONE Query."""
        topic = notify_topic(user_id)
        entries, cursor = self._log.poll_entries(topic, after, limit, settle)
        notices = [
            NotificationNotice(logged_from_item(p, i), self._log.position_cursor(topic, p))
            for p, i in entries
        ]
        return notices, cursor

    def add(self, notice: Notice) -> bool:
        """Count `notice` in its group; False if it was already counted (a retried batch)."""
        floor: str | None = None
        for attempt in range(GROUP_RACES):
            found = self._get(group_key(notice.recipient_id, notice.group), consistent=True)

            def build(found: Item | None = found, floor: str | None = floor) -> Planned[None]:
                # Stamped as the transaction is built, so the log entry is not late for pollers.
                stamp = later_stamp(self._clock(), floor)
                event = NotificationLogged(
                    new_id(), notice.recipient_id, notice.group, notice.actor_id, notice.kind, stamp
                )
                entry = logged_to_item(event)
                member = member_to_item(notice, stamp, entry["SK"]["S"])
                group = joined(found, notice, stamp)
                return Planned(
                    None,
                    [
                        self._put_new(member),
                        self._put_versioned(group_to_item(group, version_of(found) + 1), found),
                        self._count_unread(notice.recipient_id, 1, stamp),
                        self._put_new(entry),
                    ],
                )

            with translated_errors():
                try:
                    commit(self._writes, build)
                    return True
                except TransactionCancelled as exc:
                    if exc.failed(0):
                        return False
                    if exc.failed(2):  # seen past our stamp (another clock): stamp after it
                        floor = state_from_item(exc.old_items[2]).seen_up_to
            # Another fan-out changed the group first (rare: a post's likes share a stream
            # shard, so one fan-out takes them in order): read it again after a pause.
            time.sleep(random.uniform(0, 0.05 * attempt))  # noqa: S311 (jitter)
        raise Throttled("This notification is changing too often right now; retry")

    def stands(self, logged: NotificationLogged) -> bool:
        """Whether a logged notification still counts (not withdrawn since: a like undone)."""
        member = self._get(
            member_key(logged.recipient_id, logged.group, logged.actor_id), consistent=True
        )
        return member is not None

    def withdraw(self, recipient_id: str, group: str, actor_id: str) -> bool:
        """Undo an actor's part of a group if the recipient has not seen it yet; False if
        there is none or it was seen (then it stays, as it was seen)."""
        for _ in range(MAX_RACES):
            member = self._get(member_key(recipient_id, group, actor_id), consistent=True)
            state = state_from_item(
                self._get(notification_state_key(recipient_id), consistent=True)
            )
            if member is None or state.has_seen(member["at"]["S"]):
                return False
            found = self._get(group_key(recipient_id, group), consistent=True)
            if found is None:
                return False
            at = member["at"]["S"]
            remove_member = self._delete_existing(member_key(recipient_id, group, actor_id))
            remove_entry = self._delete_existing(
                {"PK": change_partition(notify_topic(recipient_id)), "SK": member["logged"]["S"]}
            )
            items = [
                remove_member,
                self._group_without(found, actor_id),
                self._count_unread(recipient_id, -1, at),
                remove_entry,
            ]
            with translated_errors():
                try:
                    transact(self._writes, items)
                    return True
                except TransactionCancelled as exc:
                    if exc.failed(0) or exc.failed(2):
                        return False  # withdrawn by a retry, or seen meanwhile
        raise Throttled("This notification is changing too often right now; retry")

    def page(self, recipient_id: str, limit: int, after: str | None) -> Page[NotificationGroup]:
        """Groups by their latest activity, newest first: ONE Query."""
        partition = notifications_index_partition(recipient_id)
        return self._query_page(partition, limit, after, group_from_item, index="GSI1")

    def state(self, user_id: str) -> NotificationState:
        """The unread count and how far the person has seen: ONE GetItem."""
        return state_from_item(self._get(notification_state_key(user_id), consistent=True))

    def mark_seen(self, user_id: str, up_to: str | None) -> NotificationState:
        """Everything up to `up_to` (default and at most: now) is seen; seen never goes back."""
        for _ in range(MAX_RACES):
            now = aws_datetime(self._clock())
            mark = now if up_to is None or up_to > now else up_to
            found = self._get(notification_state_key(user_id), consistent=True)
            state = state_from_item(found)
            if state.has_seen(mark):
                return state
            # Up to now, nothing stays unread; a notification stamped earlier that commits
            # after this finds the new mark in its condition and restamps after it.
            unread = 0 if mark == now else self._count_after(user_id, mark)
            put = state_item(user_id, unread, mark, version_of(found) + 1)
            with translated_errors():
                try:
                    transact(self._client, [self._put_versioned(put, found)], self._charge(user_id))
                    return NotificationState(unread=unread, seen_up_to=mark)
                except TransactionCancelled:
                    continue  # a notification arrived meanwhile: count again
        raise Throttled("Notifications are changing too often right now; retry")

    def _count_after(self, user_id: str, mark: str) -> int:
        """Members stamped after `mark`: read only when marking seen up to a past moment."""
        query: dict[str, Any] = {
            "TableName": self._table,
            "KeyConditionExpression": "PK = :pk AND begins_with(SK, :members)",
            "FilterExpression": "#at > :mark",
            "ExpressionAttributeNames": {"#at": "at"},
            "ExpressionAttributeValues": {
                ":pk": {"S": notification_partition(user_id)},
                ":members": {"S": MEMBER_PREFIX},
                ":mark": {"S": mark},
            },
            "Select": "COUNT",
            "ConsistentRead": True,
        }
        total = 0
        while True:
            with translated_errors():
                response = self._client.query(**query)
            total += response.get("Count", 0)
            if "LastEvaluatedKey" not in response:
                return total
            query["ExclusiveStartKey"] = response["LastEvaluatedKey"]

    def _group_without(self, found: Item, actor_id: str) -> dict[str, Any]:
        group = group_from_item(found)
        if group.count <= 1:
            return self._delete_versioned(found)
        actors, latest = group.actor_ids, group.latest_at
        if actor_id in actors:  # one of the names shown: the next most recent takes its place
            others = sorted(
                (m for m in self._members(group) if m[0] != actor_id), key=lambda m: m[1]
            )[::-1]
            actors = tuple(a for a, _ in others[:NOTIFICATION_ACTORS])
            latest = others[0][1] if others else latest
        smaller = replace(group, count=group.count - 1, actor_ids=actors, latest_at=latest)
        return self._put_versioned(group_to_item(smaller, version_of(found) + 1), found)

    def _members(self, group: NotificationGroup) -> list[tuple[str, str]]:
        """(actor, stamp) of every member of a group, for the rare undo of a shown name."""
        query: dict[str, Any] = {
            "TableName": self._table,
            "KeyConditionExpression": "PK = :pk AND begins_with(SK, :prefix)",
            "ExpressionAttributeValues": {
                ":pk": {"S": notification_partition(group.recipient_id)},
                ":prefix": {"S": member_prefix(group.group)},
            },
            "ProjectionExpression": "actorId, #at",
            "ExpressionAttributeNames": {"#at": "at"},
            "ConsistentRead": True,
        }
        members: list[tuple[str, str]] = []
        while True:
            with translated_errors():
                response = self._client.query(**query)
            members += [(i["actorId"]["S"], i["at"]["S"]) for i in response.get("Items", [])]
            if "LastEvaluatedKey" not in response:
                return members
            query["ExclusiveStartKey"] = response["LastEvaluatedKey"]

    def _put_versioned(self, item: Item, found: Item | None) -> dict[str, Any]:
        """Put `item` only if what was read (`found`, None: nothing) is still there."""
        if found is None:
            return self._put_new(item)
        put = {
            "TableName": self._table,
            "Item": item,
            "ConditionExpression": "version = :read",
            "ExpressionAttributeValues": {":read": found["version"]},
        }
        return {"Put": put}

    def _delete_versioned(self, found: Item) -> dict[str, Any]:
        delete = {
            "TableName": self._table,
            "Key": {"PK": found["PK"], "SK": found["SK"]},
            "ConditionExpression": f"{OLD} AND version = :read",
            "ExpressionAttributeValues": {":read": found["version"]},
        }
        return {"Delete": delete}

    def _count_unread(self, user_id: str, delta: int, at: str) -> dict[str, Any]:
        """Moves the unread count (and the state's version) for a notice stamped `at`, only
        while `at` is unseen."""
        update = {
            "TableName": self._table,
            "Key": attribute_values(notification_state_key(user_id)),
            "UpdateExpression": "ADD unread :delta, version :one",
            "ConditionExpression": UNSEEN,
            "ExpressionAttributeValues": {
                ":delta": {"N": str(delta)},
                ":one": {"N": "1"},
                ":at": {"S": at},
            },
            "ReturnValuesOnConditionCheckFailure": "ALL_OLD",
        }
        return {"Update": update}
