"""Change-log entries as items, and the helpers every write that logs a change uses.

An event is logged under each of its topics in the same transaction as the change itself
(`change_puts`); `changedAt` on the post orders its events and guards against races.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from core.clock import aws_datetime
from core.models import ChangeKind, LoggedChange
from store.codecs import attribute_values
from store.keys import change_key
from store.table import TTL_ATTRIBUTE
from store.tables import NEW

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from store.items import Item

#: How long entries are kept (TTL) and how old a cursor may be.
RETENTION = timedelta(hours=24)
#: Feed entries (which double as POST_CREATED copies) live as long as feeds keep posts.
FEED_RETENTION = timedelta(days=30)


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
        TTL_ATTRIBUTE: {"N": str(expiry(event.at))},
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
                "ConditionExpression": NEW,
            }
        }
        for topic in topics
    ]


def expiry(stamp: str, kept: timedelta = RETENTION) -> int:
    return int((datetime.fromisoformat(stamp) + kept).timestamp())
