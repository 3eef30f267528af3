"""Hashtag timelines: entries written by the fan-out, every page one Query of shard 0.

An ordinary tag's entries are all in its shard 0. A popular one's new entries go to write
shards, and the fan-out compacts them back into shard 0 (store/tag_timelines.py), which then
sorts newest first as: the head (in the shard-count item), chunks, entries from before. A page
reads that partition newest first and flattens what it finds; its token is the sort key of the
page's last entry and of the item it came from, where the next page's Query starts (`SK <=`),
taking only entries older than the last: exact whatever moved from head to chunk meanwhile.
See docs/DATA_MODEL.md ("Hashtags").
"""

from __future__ import annotations

import contextlib
import time
from typing import TYPE_CHECKING, Any

from core.clock import aws_datetime
from core.hashtags import TagEntry, Tagged, hour_of
from core.models import Page
from store.codecs import attribute_values
from store.discovery_keys import (
    CHUNK_PREFIX,
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
from store.tag_timelines import entries_of, entry_item, sort_key
from store.transactions import TransactionCancelled, transact

if TYPE_CHECKING:
    from collections.abc import Iterator

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


def _flattened(items: list[Item]) -> Iterator[tuple[TagEntry, str]]:
    """Each entry of shard 0's items, newest first, with the sort key of the item holding it."""
    for item in items:
        name = item["SK"]["S"]
        if name == SHARDS_SK:
            yield from ((e, name) for e in entries_of(item, "head"))
        elif name.startswith(CHUNK_PREFIX):
            yield from ((e, name) for e in entries_of(item, "entries"))
        else:
            yield _entry(item), name


class HashtagRepository(Repository):
    def page(self, tag: str, limit: int, after: str | None) -> Page[TagEntry]:
        """Newest first: one Query of shard 0 whatever the tag's shards."""
        scope = f"hashtag:{tag}"
        start: str | None = None
        bound: str | None = None
        if after is not None:
            state = self._cursors.decode(after, scope)
            bound = str(state["b"])
            start = str(state.get("k") or bound)
        # Every item holds an entry or more: limit + 2 of them fill the page and tell if more.
        items = self._timeline_query(tag, start, limit + 2)
        found = [(e, name) for e, name in _flattened(items) if bound is None or sort_key(e) < bound]
        page, rest = found[:limit], found[limit:]
        token = None
        if page and (rest or len(items) == limit + 2):
            last, holder = page[-1]
            token = self._cursors.encode({"b": sort_key(last), "k": holder}, scope)
        return Page(items=[e for e, _ in page], next_token=token)

    def _timeline_query(self, tag: str, start: str | None, limit: int) -> list[Item]:
        condition = "PK = :pk"
        values: dict[str, Any] = {":pk": {"S": tag_partition(tag, 0)}}
        if start is not None:
            condition += " AND SK <= :start"
            values[":start"] = {"S": start}
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
        """Spread the tag's new entries over `shards` write shards from now on; the count only
        grows. The first growth starts its compacted read side: entries older than now stay
        where they are, in shard 0 (store/tag_timelines.py)."""
        # A refused condition: as many shards or more already, nothing to do.
        refused = self._client.exceptions.ConditionalCheckFailedException
        now = aws_datetime(self._clock())
        with translated_errors(), contextlib.suppress(refused):
            self._client.update_item(
                TableName=self._table,
                Key=attribute_values(tag_shards_key(tag)),
                UpdateExpression=(
                    "SET shards = :n, #start = if_not_exists(#start, :now),"
                    " head = if_not_exists(head, :none), version = if_not_exists(version, :zero)"
                ),
                ConditionExpression="attribute_not_exists(PK) OR shards < :n",
                ExpressionAttributeNames={"#start": "start"},
                ExpressionAttributeValues={
                    ":n": {"N": str(shards)},
                    ":now": {"S": now},
                    ":none": {"L": []},
                    ":zero": {"N": "0"},
                },
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
                items.append(
                    {"Put": {"TableName": self._table, "Item": entry_item(tag, shard, post)}}
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
