"""Home feeds: FEED#<owner> entries written by the fan-out, newest first, expiring by TTL, merged
at read time with the recent posts of the pull accounts the owner follows (docs/DATA_MODEL.md)."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from core.models import FeedEntry, FeedPage, PullAccount
from store.batch import batch_write, delete_queried, side_by_side
from store.change_items import FEED_RETENTION
from store.codecs import feed_entry_from_item, feed_entry_to_item, post_from_item
from store.errors import translated_errors
from store.keys import author_partition, feed_partition, post_sort_key
from store.pages import page_scope
from store.pull_keys import PULL_PREFIX
from store.tables import Repository

if TYPE_CHECKING:
    from collections.abc import Iterable

    from core.models import Post
    from store.items import Item

#: Feeds keep 30 days; older entries expire (TTL) and the feed ends there.
FEED_RETENTION_SECONDS = int(FEED_RETENTION.total_seconds())
#: Above every sort key of the feed (`<createdAt>#<pid>`, `PULL#<uid>`): "from the newest".
TOP = "~"


class FeedRepository(Repository):
    def page(self, owner_id: str, limit: int, after: str | None, pull_most: int) -> FeedPage:
        """`limit` items strictly older than the cursor's position, from the feed's entries and
        from each followed pull account's posts since it became one, merged newest first.

        The cursor carries the position (one sort key orders both sources: `<createdAt>#<pid>`)
        and the pull accounts found on the first page, whose Query returns their markers first
        (`PULL#` sorts above every entry): one round trip, a second only if there are any.
        """
        # The scope of the plain feed Query's tokens, so tokens sealed before the merge read on.
        scope = page_scope(None, feed_partition(owner_id), None)
        state = self._cursors.decode(after, scope) if after else {}
        # Tokens sealed before the merge carried the last entry's key.
        position = state.get("at") or state.get("SK", {}).get("S") or TOP
        pulls = [PullAccount(a, s) for a, s in state.get("pulls", [])]
        first = after is None
        items = self._entries(owner_id, position, limit + 1 + (pull_most if first else 0))
        if first:
            markers = [i for i in items if i["SK"]["S"].startswith(PULL_PREFIX)]
            pulls = [PullAccount(m["authorId"]["S"], m["since"]["S"]) for m in markers][:pull_most]
            # Past the markers the Query read up to `pull_most` entries more than the page can
            # show: only the newest `limit + 1` can be shown or decide the next token.
            items = [i for i in items if not i["SK"]["S"].startswith(PULL_PREFIX)][: limit + 1]
        entries = [(i["SK"]["S"], feed_entry_from_item(i)) for i in items]
        pulled = {p.id: p for p in self._pulled(pulls, position, limit + 1)}
        candidates = entries + [
            (
                post_sort_key(p.created_at, p.id),
                FeedEntry(owner_id, p.id, p.author_id, p.created_at),
            )
            for p in pulled.values()
        ]
        candidates.sort(key=lambda c: c[0], reverse=True)
        shown = candidates[:limit]
        token = None
        if len(candidates) > limit:
            state = {"at": shown[-1][0], "pulls": [[p.author_id, p.since] for p in pulls]}
            token = self._cursors.encode(state, scope)
        ids = {e.post_id for _, e in shown}
        return FeedPage(
            entries=[e for _, e in shown],
            pulled={i: p for i, p in pulled.items() if i in ids},
            next_token=token,
        )

    def _entries(self, owner_id: str, below: str, most: int) -> list[Item]:
        with translated_errors():
            response = self._client.query(
                TableName=self._table,
                KeyConditionExpression="PK = :pk AND SK < :below",
                ExpressionAttributeValues={
                    ":pk": {"S": feed_partition(owner_id)},
                    ":below": {"S": below},
                },
                ScanIndexForward=False,
                Limit=most,
            )
        return list(response.get("Items", []))

    def _pulled(self, pulls: list[PullAccount], below: str, most: int) -> list[Post]:
        """Each pull account's newest posts since it became one and below `below`, the
        Queries side by side (one round trip)."""

        def recent(pull: PullAccount) -> list[Post]:
            if below <= pull.since:
                return []  # the page is past the moment the account became one
            with translated_errors():
                response = self._client.query(
                    TableName=self._table,
                    IndexName="GSI2",
                    KeyConditionExpression="GSI2PK = :pk AND GSI2SK BETWEEN :since AND :below",
                    ExpressionAttributeValues={
                        ":pk": {"S": author_partition(pull.author_id)},
                        ":since": {"S": pull.since},
                        ":below": {"S": below},
                    },
                    ScanIndexForward=False,
                    Limit=most + 1,  # BETWEEN includes `below` itself
                )
            items: list[dict[str, Any]] = response.get("Items", [])
            return [post_from_item(i) for i in items if i["GSI2SK"]["S"] != below]

        return [post for posts in side_by_side(recent, pulls) for post in posts]

    def add(self, entries: Iterable[FeedEntry]) -> int:
        """Write entries in batches of 25; rewriting an entry is harmless. Returns requests made."""
        expires_at = int(time.time()) + FEED_RETENTION_SECONDS
        return batch_write(
            self._client, self._table, puts=(feed_entry_to_item(e, expires_at) for e in entries)
        )

    def remove_author(self, owner_id: str, author_id: str) -> int:
        """Drop an author's posts (and pull marker) from a feed, after an unfollow. Returns
        entries removed."""
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
