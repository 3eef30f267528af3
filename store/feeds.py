"""Home feeds: FEED#<owner> entries written by the fan-out, newest first, expiring by TTL."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from store.batch import batch_write, delete_queried
from store.change_items import FEED_RETENTION
from store.codecs import feed_entry_from_item, feed_entry_to_item
from store.keys import feed_partition
from store.tables import Repository

if TYPE_CHECKING:
    from collections.abc import Iterable

    from core.models import FeedEntry, Page

#: Feeds keep 30 days; older entries expire (TTL) and the feed ends there.
FEED_RETENTION_SECONDS = int(FEED_RETENTION.total_seconds())


class FeedRepository(Repository):
    def page(self, owner_id: str, limit: int, after: str | None) -> Page[FeedEntry]:
        return self._query_page(feed_partition(owner_id), limit, after, feed_entry_from_item)

    def add(self, entries: Iterable[FeedEntry]) -> int:
        """Write entries in batches of 25; rewriting an entry is harmless. Returns requests made."""
        expires_at = int(time.time()) + FEED_RETENTION_SECONDS
        return batch_write(
            self._client, self._table, puts=(feed_entry_to_item(e, expires_at) for e in entries)
        )

    def remove_author(self, owner_id: str, author_id: str) -> int:
        """Drop an author's posts from a feed (after an unfollow). Returns entries removed."""
        return delete_queried(
            self._client,
            self._table,
            {
                "KeyConditionExpression": "PK = :pk",
                "FilterExpression": "authorId = :author",
                "ExpressionAttributeValues": {
                    ":pk": {"S": feed_partition(owner_id)},
                    ":author": {"S": author_id},
                },
            },
        )
