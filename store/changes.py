"""The change log: what happened to posts, per topic, in an order every poller sees alike.

Post topics (all posts, a category, an author) are written in the same transaction as the change
itself; a home feed's topic is written by the stream fan-out. Polls read only below a settle
horizon, where no more writes can land (docs/POLLING.md gives the argument and its bounds).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from botocore.exceptions import ClientError

from core.clock import aws_datetime
from core.errors import BadUserInput, CursorExpired
from core.models import ChangeKind, FeedEntry, LoggedChange
from store.batch import BATCH_GET_LIMIT, BATCH_WRITE_LIMIT, backoff, batch_get
from store.codecs import attribute_values, feed_entry_to_item
from store.errors import error_code, translated_errors
from store.items import Item
from store.keys import (
    FEED_TOPIC_PREFIX,
    Key,
    change_key,
    change_partition,
    fanout_marker_key,
    feed_change_index_keys,
    feed_change_key,
    feed_key,
    feed_log_partition,
    feed_topic,
)
from store.table import INDEXES, TTL_ATTRIBUTE
from store.tables import Repository

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence


#: How long entries are kept (TTL) and how old a cursor may be.
RETENTION = timedelta(hours=24)
#: Feed entries (which double as POST_CREATED copies) live as long as feeds keep posts.
FEED_RETENTION = timedelta(days=30)
_STAMP_LENGTH = len("2026-01-01T00:00:00.000Z")


def later_stamp(now: datetime, after: str | None) -> str:
    """`now`, or 1 ms after `after` if that is not earlier: a post's events never go back."""
    stamp = aws_datetime(now)
    if after is None or stamp > after:
        return stamp
    return aws_datetime(datetime.fromisoformat(after) + timedelta(milliseconds=1))


def unchanged_since(changed_at: str | None) -> tuple[str, dict[str, Any]]:
    """A condition (using `#changedAt`) that the post's latest event is still the one read.

    Every logged change of a post moves `changedAt`, so this also pins its author and category,
    which decide the topics the event is logged under.
    """
    if changed_at is None:
        return "attribute_not_exists(#changedAt)", {}
    return "#changedAt = :readChangedAt", {":readChangedAt": {"S": changed_at}}


def change_to_item(event: LoggedChange, topic: str) -> Item:
    item: Item = {
        **attribute_values(change_key(topic, event.at, event.id)),
        "type": {"S": "Change"},
        "topic": {"S": topic},
        "eventId": {"S": event.id},
        "kind": {"S": event.kind.value},
        "postId": {"S": event.post_id},
        "authorId": {"S": event.author_id},
        "at": {"S": event.at},
        TTL_ATTRIBUTE: {"N": str(_expiry(event.at))},
    }
    if event.comment_id is not None:
        item["commentId"] = {"S": event.comment_id}
    return item


def change_from_item(item: Mapping[str, Any], position_attribute: str = "SK") -> LoggedChange:
    comment = item.get("commentId")
    return LoggedChange(
        id=item["eventId"]["S"],
        kind=ChangeKind(item["kind"]["S"]),
        post_id=item["postId"]["S"],
        author_id=item["authorId"]["S"],
        at=item["at"]["S"],
        position=item[position_attribute]["S"],
        comment_id=comment["S"] if comment else None,
    )


def change_puts(table: str, event: LoggedChange, topics: Iterable[str]) -> list[Item]:
    """Transaction items logging `event` under each topic; the caller adds the change itself."""
    return [
        {
            "Put": {
                "TableName": table,
                "Item": change_to_item(event, topic),
                "ConditionExpression": "attribute_not_exists(PK)",
            }
        }
        for topic in topics
    ]


def _expiry(stamp: str, kept: timedelta = RETENTION) -> int:
    return int((datetime.fromisoformat(stamp) + kept).timestamp())


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
        events = [change_from_item(i, sort_name) for i in items[:limit]]
        if len(items) > limit:
            end = events[-1].position
        elif "LastEvaluatedKey" in response:  # cut short by the 1 MB page size
            end = events[-1].position if events else position
        else:
            end = horizon
        return events, self._seal(topic, end)

    def event_cursor(self, topic: str, event: LoggedChange) -> str:
        """Resumes right after `event`."""
        return self._seal(topic, event.position)

    def _seal(self, topic: str, position: str) -> str:
        return self._cursors.encode({"p": position}, _scope(topic))

    def _open(self, topic: str, cursor: str) -> str:
        position = self._cursors.decode(cursor, _scope(topic)).get("p")
        if not isinstance(position, str) or len(position) < _STAMP_LENGTH:
            raise BadUserInput("after is not a change-log cursor")
        return position

    @staticmethod
    def _where(topic: str) -> tuple[str | None, str, str, str]:
        """(index, partition attribute, sort attribute, partition value) of a topic's log."""
        if topic.startswith(FEED_TOPIC_PREFIX):
            owner = topic.removeprefix(FEED_TOPIC_PREFIX)
            return "GSI1", *INDEXES["GSI1"], feed_log_partition(owner)
        return None, "PK", "SK", change_partition(topic)

    def copy_to_feeds(self, event: LoggedChange, owners: Iterable[str]) -> int:
        """Log `event` in each owner's feed topic; returns the batch write requests made.

        A POST_CREATED copy is the owner's feed entry itself, so publishing costs one write per
        feed, not two. Each copy is stamped when its batch is built (so it is not late for
        pollers) and keyed by the event (so rewriting it adds nothing). A retried event would
        re-stamp copies pollers may have seen, so a retry first reads which copies exist.
        """
        retry = not self._claim(event.id)
        requests = 0
        for chunk in _chunks(owners, BATCH_GET_LIMIT):
            if retry:
                keys = [attribute_values(_copy_key(event, owner)) for owner in chunk]
                done = {item["PK"]["S"] for item in batch_get(self._client, self._table, keys)}
                chunk = [o for o in chunk if _copy_key(event, o)["PK"] not in done]
            for start in range(0, len(chunk), BATCH_WRITE_LIMIT):
                requests += self._write_copies(event, chunk[start : start + BATCH_WRITE_LIMIT])
        return requests

    def _write_copies(self, event: LoggedChange, owners: Sequence[str]) -> int:
        """One BatchWriteItem; what DynamoDB leaves unprocessed was not written, so it is sent
        again restamped rather than late."""
        requests, attempt = 0, 0
        while owners:
            copies = {_copy_key(event, o)["PK"]: (o, self._feed_copy(event, o)) for o in owners}
            request: dict[str, Any] = {
                self._table: [{"PutRequest": {"Item": item}} for _, item in copies.values()]
            }
            with translated_errors():
                response = self._writes.batch_write_item(RequestItems=request)
            requests += 1
            unprocessed = (response.get("UnprocessedItems") or {}).get(self._table, [])
            owners = [copies[w["PutRequest"]["Item"]["PK"]["S"]][0] for w in unprocessed]
            if owners:
                attempt += 1
                backoff(attempt)
        return requests

    def _feed_copy(self, event: LoggedChange, owner: str) -> Item:
        # Stamped as the batch is built: `batch_write` consumes this generator 25 at a time.
        stamp = aws_datetime(self._clock())
        item = change_to_item(event, feed_topic(owner))
        item.update(attribute_values(_copy_key(event, owner)))
        item.update(attribute_values(feed_change_index_keys(owner, stamp, event.id)))
        if event.kind is ChangeKind.POST_CREATED:
            entry = FeedEntry(owner, event.post_id, event.author_id, created_at=event.at)
            item.update(feed_entry_to_item(entry, _expiry(event.at, FEED_RETENTION)))
        else:
            item["type"] = {"S": "FeedChange"}
        return item

    def _claim(self, event_id: str) -> bool:
        """True the first time the fan-out takes this event; False on a retry."""
        expires = int((self._clock() + RETENTION).timestamp())
        with translated_errors():
            try:
                self._client.put_item(
                    TableName=self._table,
                    Item={
                        **attribute_values(fanout_marker_key(event_id)),
                        TTL_ATTRIBUTE: {"N": str(expires)},
                    },
                    ConditionExpression="attribute_not_exists(PK)",
                )
            except ClientError as exc:
                if error_code(exc) == "ConditionalCheckFailedException":
                    return False
                raise
        return True


def _copy_key(event: LoggedChange, owner: str) -> Key:
    if event.kind is ChangeKind.POST_CREATED:
        return feed_key(owner, event.at, event.post_id)
    return feed_change_key(owner, event.id)


def _scope(topic: str) -> str:
    return f"changes:{topic}"


def _chunks(values: Iterable[str], size: int) -> Iterable[Sequence[str]]:
    chunk: list[str] = []
    for value in values:
        chunk.append(value)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
