"""Reposts in home feeds: an entry at the repost's time with `repostedBy`, written where the
post is not already (its own entry, or another repost's), so a post shows once per feed."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from core.models import FeedEntry
from store.batch import BATCH_GET_LIMIT, batch_get, batch_write
from store.codecs import attribute_values, feed_entry_to_item
from store.feeds import FEED_RETENTION_SECONDS
from store.keys import feed_key
from store.repost_keys import feed_seen_key
from store.table import TTL_ATTRIBUTE
from store.tables import Repository

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from core.models import Repost
    from store.items import Item


class RepostFeeds(Repository):
    def add(self, repost: Repost, owners: Iterable[str]) -> int:
        """The repost's entry in each owner's feed that has not the post yet; returns how many
        entries were written. Rewriting one (a retried batch) changes nothing."""
        written = 0
        for chunk in _chunks(owners, BATCH_GET_LIMIT // 2):
            keys = [
                attribute_values(k)
                for owner in chunk
                for k in (
                    feed_key(owner, repost.post_created_at, repost.post_id),
                    feed_seen_key(owner, repost.post_id),
                )
            ]
            found = {_owner(item) for item in batch_get(self._client, self._table, keys)}
            fresh = [o for o in chunk if o not in found]
            batch_write(self._writes, self._table, puts=self._items(repost, fresh))
            written += len(fresh)
        return written

    def remove(self, repost: Repost, owners: Iterable[str]) -> None:
        """Take the repost's entries back out (deleting one that is not there is harmless)."""
        deletes = (
            attribute_values(k)
            for owner in owners
            for k in (
                feed_key(owner, repost.at, repost.post_id),
                feed_seen_key(owner, repost.post_id),
            )
        )
        batch_write(self._writes, self._table, deletes=deletes)

    def _items(self, repost: Repost, owners: Sequence[str]) -> Iterable[Item]:
        expires = int(time.time()) + FEED_RETENTION_SECONDS
        for owner in owners:
            entry = FeedEntry(owner, repost.post_id, repost.author_id, repost.at, repost.user_id)
            yield feed_entry_to_item(entry, expires)
            yield {
                **attribute_values(feed_seen_key(owner, repost.post_id)),
                "repostedBy": {"S": repost.user_id},
                TTL_ATTRIBUTE: {"N": str(expires)},
            }


def _owner(item: Item) -> str:
    """Whose feed a found entry or seen-marker is in (`FEED#<o>` / `FEEDSEEN#<o>`)."""
    return str(item["PK"]["S"]).partition("#")[2]


def _chunks(values: Iterable[str], size: int) -> Iterable[list[str]]:
    chunk: list[str] = []
    for value in values:
        chunk.append(value)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
