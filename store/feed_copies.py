"""The fan-out's writes of a change into home feeds, read back by `feedUpdates` and `feed`.

A POST_CREATED copy is the owner's feed entry itself (store/feeds.py reads it), so publishing
costs one write per feed, not two; other events are copies in the feed's change-log topic.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

from botocore.exceptions import ClientError

from core.clock import aws_datetime
from core.models import ChangeKind, FeedEntry
from store.batch import BATCH_WRITE_LIMIT, backoff, batch_get, in_threads
from store.change_items import FEED_RETENTION, RETENTION, change_to_item, expiry
from store.codecs import attribute_values, feed_entry_to_item
from store.errors import error_code, translated_errors
from store.keys import (
    Key,
    fanout_marker_key,
    feed_change_index_keys,
    feed_change_key,
    feed_key,
    feed_topic,
)
from store.table import TTL_ATTRIBUTE
from store.tables import NEW, Repository

if TYPE_CHECKING:
    from collections.abc import Sequence

    from core.models import LoggedChange
    from store.items import Item


class FeedCopies(Repository):
    def copy_to_feeds(
        self, event: LoggedChange, owners: Sequence[str], *, part: int = 0, parallel: int = 1
    ) -> int:
        """Log `event` in each owner's feed topic; returns the batch write requests made.

        A POST_CREATED copy is the owner's feed entry itself, so publishing costs one write per
        feed, not two. Each copy is stamped when its batch is built (so it is not late for
        pollers) and keyed by the event (so rewriting it adds nothing). A retried part of an
        event would re-stamp copies pollers may have seen, so a retry first reads which copies
        exist. Up to `parallel` batches are in flight at once.
        """
        if not owners:
            return 0
        if not self._claim(event.id, part):
            keys = [attribute_values(_copy_key(event, owner)) for owner in owners]
            done = {item["PK"]["S"] for item in batch_get(self._client, self._table, keys)}
            owners = [o for o in owners if _copy_key(event, o)["PK"] not in done]
        batches = [
            owners[s : s + BATCH_WRITE_LIMIT] for s in range(0, len(owners), BATCH_WRITE_LIMIT)
        ]
        if parallel <= 1 or len(batches) <= 1:
            return sum(self._write_copies(event, batch) for batch in batches)
        with ThreadPoolExecutor(min(parallel, len(batches)), thread_name_prefix="fanout") as pool:
            return sum(in_threads(pool, lambda batch: self._write_copies(event, batch), batches))

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
            item.update(feed_entry_to_item(entry, expiry(event.at, FEED_RETENTION)))
        else:
            item["type"] = {"S": "FeedChange"}
        return item

    def _claim(self, event_id: str, part: int) -> bool:
        """True the first time the fan-out takes this part of the event; False on a retry."""
        expires = int((self._clock() + RETENTION).timestamp())
        with translated_errors():
            try:
                self._client.put_item(
                    TableName=self._table,
                    Item={
                        **attribute_values(fanout_marker_key(event_id, part)),
                        TTL_ATTRIBUTE: {"N": str(expires)},
                    },
                    ConditionExpression=NEW,
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
