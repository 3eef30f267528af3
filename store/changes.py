"""The change log: what happened to posts, per topic, in an order every poller sees alike.

Post topics (all posts, a category, an author) are written in the same transaction as the change
itself (store/change_items.py); a home feed's topic is written by the stream fan-out
(store/feed_copies.py). Polls read only below a settle horizon, where no more writes can land
(docs/POLLING.md gives the argument and its bounds).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from core.clock import aws_datetime
from core.errors import BadUserInput, CursorExpired, InvalidCursor
from store.change_items import RETENTION, change_from_item
from store.errors import translated_errors
from store.keys import FEED_TOPIC_PREFIX, change_partition, feed_log_partition
from store.table import INDEXES
from store.tables import Repository

if TYPE_CHECKING:
    from datetime import timedelta

    from core.models import LoggedChange
    from store.items import Item

_STAMP_LENGTH = len("2026-01-01T00:00:00.000Z")


class ChangeLog(Repository):
    def start(self, topic: str, settle: timedelta) -> str:
        """A cursor at the settle horizon: the next poll reports what commits from now on."""
        return self._seal(topic, aws_datetime(self._clock() - settle))

    def poll(
        self, topic: str, after: str, limit: int, settle: timedelta
    ) -> tuple[list[LoggedChange], str]:
        """Events after the cursor and below the settle horizon, oldest first; ONE Query.

        The returned cursor is the last event's position or, when fewer than `limit` remain,
        the horizon itself, so the next poll starts where this one's certainty ended.
        """
        entries, cursor = self.poll_entries(topic, after, limit, settle)
        # Every entry has an SK; its position may be another attribute's (a feed's GSI1SK).
        return [replace(change_from_item(item), position=p) for p, item in entries], cursor

    def poll_entries(
        self, topic: str, after: str, limit: int, settle: timedelta
    ) -> tuple[list[tuple[str, Item]], str]:
        """`poll` for logs of other entries than post events: (position, item) pairs."""
        now = self._clock()
        position = self._open(topic, after)
        if position[:_STAMP_LENGTH] < aws_datetime(now - RETENTION):
            raise CursorExpired()
        horizon = aws_datetime(now - settle)
        if position >= horizon:
            return [], after  # a cursor from a clock ahead of ours: nothing is final yet
        index, partition_name, sort_name, partition = self._where(topic)
        query: dict[str, Any] = {
            "TableName": self._table,
            "KeyConditionExpression": "#pk = :pk AND #sk BETWEEN :after AND :horizon",
            "ExpressionAttributeNames": {"#pk": partition_name, "#sk": sort_name},
            "ExpressionAttributeValues": {
                ":pk": {"S": partition},
                ":after": {"S": position},
                # A bare stamp sorts before "<stamp>#<id>": events AT the horizon wait.
                ":horizon": {"S": horizon},
            },
            # +1 for the item at the cursor itself (BETWEEN is inclusive), +1 to see if more.
            "Limit": limit + 2,
        }
        if index is None:
            query["ConsistentRead"] = True
        else:
            query["IndexName"] = index
        with translated_errors():
            response = self._client.query(**query)
        items = [i for i in response.get("Items", []) if i[sort_name]["S"] != position]
        entries = [(i[sort_name]["S"], i) for i in items[:limit]]
        if len(items) > limit:
            end = entries[-1][0]
        elif "LastEvaluatedKey" in response:  # cut short by the 1 MB page size
            end = entries[-1][0] if entries else position
        else:
            end = horizon
        return entries, self._seal(topic, end)

    def event_cursor(self, topic: str, event: LoggedChange) -> str:
        """Resumes right after `event`."""
        return self._seal(topic, event.position)

    def position_cursor(self, topic: str, position: str) -> str:
        """Resumes right after the entry at `position`."""
        return self._seal(topic, position)

    def _seal(self, topic: str, position: str) -> str:
        return self._cursors.encode({"p": position}, _scope(topic))

    def _open(self, topic: str, cursor: str) -> str:
        try:
            position = self._cursors.decode(cursor, _scope(topic)).get("p")
        except InvalidCursor:
            raise InvalidCursor("after") from None  # a poll's cursor is its `after`
        if not isinstance(position, str) or len(position) < _STAMP_LENGTH:
            raise BadUserInput("after: not a change-log cursor")
        return position

    @staticmethod
    def _where(topic: str) -> tuple[str | None, str, str, str]:
        """(index, partition attribute, sort attribute, partition value) of a topic's log."""
        if topic.startswith(FEED_TOPIC_PREFIX):
            owner = topic.removeprefix(FEED_TOPIC_PREFIX)
            return "GSI1", *INDEXES["GSI1"], feed_log_partition(owner)
        return None, "PK", "SK", change_partition(topic)


def _scope(topic: str) -> str:
    return f"changes:{topic}"
