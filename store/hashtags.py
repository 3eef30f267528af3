"""Hashtag timelines: entries written by the fan-out over a tag's shards, pages merged exactly.

A page reads every shard of the tag (one Query each, in parallel) and merges them newest
first; its token is the sort key of the page's last entry, which bounds every shard's next
Query (`SK < bound`), so no entry is skipped or repeated whatever the shards hold. Shard 0
also holds the tag's shard count (`~SHARDS`, sorted first): the first page of an ordinary
tag is one Query. See docs/DATA_MODEL.md ("Hashtags").
"""

from __future__ import annotations

import contextlib
import contextvars
import time
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

from core.hashtags import TagEntry, Tagged, hour_of
from core.models import Page
from store.codecs import attribute_values
from store.discovery_keys import (
    SHARDS_SK,
    tag_entry_key,
    tag_partition,
    tag_shards_key,
    tag_use_key,
    tagged_key,
)
from store.errors import translated_errors
from store.table import TTL_ATTRIBUTE
from store.tables import Repository
from store.transactions import TransactionCancelled, transact

if TYPE_CHECKING:
    from store.items import Item

#: Hourly use counters outlive the trends window by a day, then expire.
USE_RETENTION_SECONDS = 2 * 24 * 3600


class TaggedChanged(Exception):
    """Another fan-out changed the post's tag record since it was read: read it again."""


def _entry(item: Item) -> TagEntry:
    return TagEntry(item["postId"]["S"], item["authorId"]["S"], item["createdAt"]["S"])


def _post_attributes(post: TagEntry) -> Item:
    return {
        "postId": {"S": post.post_id},
        "authorId": {"S": post.author_id},
        "createdAt": {"S": post.created_at},
    }


class HashtagRepository(Repository):
    def page(self, tag: str, limit: int, after: str | None) -> Page[TagEntry]:
        """Newest first over every shard; one Query per shard (in parallel after the first)."""
        scope = f"hashtag:{tag}"
        if after is None:
            first = self._shard_query(tag, 0, None, limit + 2)
            shards = (
                int(first[0]["shards"]["N"]) if first and first[0]["SK"]["S"] == SHARDS_SK else 1
            )
            found = {0: [i for i in first if i["SK"]["S"] != SHARDS_SK][: limit + 1]}
            found |= self._shard_queries(tag, range(1, shards), None, limit + 1)
        else:
            state = self._cursors.decode(after, scope)
            shards, bound = int(state["n"]), str(state["b"])
            found = self._shard_queries(tag, range(shards), bound, limit + 1)
        merged = sorted(
            (item for items in found.values() for item in items),
            key=lambda item: item["SK"]["S"],
            reverse=True,
        )
        page, rest = merged[:limit], merged[limit:]
        token = None
        if rest and page:
            token = self._cursors.encode({"n": shards, "b": page[-1]["SK"]["S"]}, scope)
        return Page(items=[_entry(item) for item in page], next_token=token)

    def _shard_queries(
        self, tag: str, shards: range, bound: str | None, limit: int
    ) -> dict[int, list[Item]]:
        if len(shards) <= 1:
            return {s: self._shard_query(tag, s, bound, limit) for s in shards}
        with ThreadPoolExecutor(max_workers=len(shards)) as pool:
            # Each thread counts its requests into this request's metering context.
            futures = {
                s: pool.submit(
                    contextvars.copy_context().run, self._shard_query, tag, s, bound, limit
                )
                for s in shards
            }
            return {s: f.result() for s, f in futures.items()}

    def _shard_query(self, tag: str, shard: int, bound: str | None, limit: int) -> list[Item]:
        condition = "PK = :pk"
        values: dict[str, Any] = {":pk": {"S": tag_partition(tag, shard)}}
        if bound is not None:
            condition += " AND SK < :bound"
            values[":bound"] = {"S": bound}
        with translated_errors():
            response = self._client.query(
                TableName=self._table,
                KeyConditionExpression=condition,
                ExpressionAttributeValues=values,
                ScanIndexForward=False,
                Limit=limit,
            )
        return list(response.get("Items", []))

    def shard_count(self, tag: str) -> int:
        item = self._get(tag_shards_key(tag), consistent=True)
        return int(item["shards"]["N"]) if item else 1

    def grow(self, tag: str, shards: int) -> None:
        """Spread the tag over `shards` from now on; the count only grows (readers read all)."""
        # A refused condition: as many shards or more already, nothing to do.
        refused = self._client.exceptions.ConditionalCheckFailedException
        with translated_errors(), contextlib.suppress(refused):
            self._client.put_item(
                TableName=self._table,
                Item={**attribute_values(tag_shards_key(tag)), "shards": {"N": str(shards)}},
                ConditionExpression="attribute_not_exists(PK) OR shards < :n",
                ExpressionAttributeValues={":n": {"N": str(shards)}},
            )

    def tagged(self, post_id: str) -> Tagged | None:
        item = self._get(tagged_key(post_id), consistent=True)
        if item is None:
            return None
        shards = {tag: int(v["N"]) for tag, v in item["shards"]["M"].items()}
        return Tagged(_entry(item), shards, int(item["version"]["N"]))

    def retag(self, before: Tagged | None, after: Tagged) -> None:
        """Entries and use counts from `before` to `after`, with the record, in one transaction.

        The record's version guards it: a concurrent retag raises TaggedChanged, and a retried
        one finds the record already as `after` and changes nothing.
        """
        old = before.shards if before else {}
        items: list[dict[str, Any]] = [self._record(before, after)]
        expires = {"N": str(int(time.time()) + USE_RETENTION_SECONDS)}
        post = after.post
        hour = hour_of(post.created_at)
        for tag, shard in after.shards.items():
            if tag not in old:
                entry = tag_entry_key(tag, shard, post.created_at, post.post_id)
                items.append(
                    {"Put": {"TableName": self._table, "Item": self._entry_item(entry, after, tag)}}
                )
                items.append(self._count(tag_use_key(tag, hour, shard), 1, expires))
        for tag, shard in old.items():
            if tag not in after.shards:
                entry = tag_entry_key(tag, shard, post.created_at, post.post_id)
                items.append({"Delete": {"TableName": self._table, "Key": attribute_values(entry)}})
                items.append(self._count(tag_use_key(tag, hour, shard), -1, expires))
        with translated_errors():
            try:
                transact(self._client, items)
            except TransactionCancelled as exc:
                if exc.failed(0):
                    raise TaggedChanged(post.post_id) from exc
                raise

    def _record(self, before: Tagged | None, after: Tagged) -> dict[str, Any]:
        key = attribute_values(tagged_key(after.post.post_id))
        if before is None:
            guard: dict[str, Any] = {"ConditionExpression": "attribute_not_exists(PK)"}
        else:
            guard = {
                "ConditionExpression": "version = :v",
                "ExpressionAttributeValues": {":v": {"N": str(before.version)}},
            }
        if not after.shards:
            return {"Delete": {"TableName": self._table, "Key": key, **guard}}
        item = {
            **key,
            "type": {"S": "Tagged"},
            **_post_attributes(after.post),
            "shards": {"M": {tag: {"N": str(s)} for tag, s in after.shards.items()}},
            "version": {"N": str((before.version if before else 0) + 1)},
        }
        return {"Put": {"TableName": self._table, "Item": item, **guard}}

    @staticmethod
    def _entry_item(key: dict[str, str], tagged: Tagged, tag: str) -> Item:
        return {
            **attribute_values(key),
            "type": {"S": "TagEntry"},
            "tag": {"S": tag},
            **_post_attributes(tagged.post),
        }

    def _count(self, key: dict[str, str], delta: int, expires: dict[str, str]) -> dict[str, Any]:
        return {
            "Update": {
                "TableName": self._table,
                "Key": attribute_values(key),
                "UpdateExpression": "ADD uses :d SET #ttl = :exp",
                "ExpressionAttributeNames": {"#ttl": TTL_ATTRIBUTE},
                "ExpressionAttributeValues": {":d": {"N": str(delta)}, ":exp": expires},
            }
        }
