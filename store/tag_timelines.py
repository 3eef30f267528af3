"""A popular tag's read side: its write shards' entries compacted into shard 0 by the fan-out.

Once a tag is sharded (`grow`), new entries go to write shards 1..N, which no page reads. The
fan-out absorbs them, a stream batch at a time, into the tag's head (the newest entries, kept
in its shard-count item) and, as the head fills, into chunks of TIMELINE_CHUNK entries named by
their oldest. Shard 0 then sorts, newest first: head, chunks, the entries from before the tag
was sharded; so one Query of it pages the whole timeline (docs/DATA_MODEL.md, "Hashtags").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from core.errors import Throttled
from core.hashtags import TIMELINE_CHUNK, TagEntry
from store.codecs import attribute_values
from store.discovery_keys import (
    CHUNK_PREFIX,
    tag_chunk_key,
    tag_entry_key,
    tag_partition,
    tag_shards_key,
)
from store.errors import translated_errors
from store.keys import post_sort_key
from store.tables import Repository
from store.transactions import TransactionCancelled, transact

if TYPE_CHECKING:
    from store.items import Item

MAX_RACES = 8
#: Chunks one transaction may touch for late entries (a transaction takes 100 items).
LATE_PER_TRANSACTION = 80


def sort_key(entry: TagEntry) -> str:
    return post_sort_key(entry.created_at, entry.post_id)


def entry_code(entry: TagEntry) -> str:
    """An entry inside a head or a chunk: `<createdAt>#<postId>#<authorId>`."""
    return f"{sort_key(entry)}#{entry.author_id}"


def entry_of_code(code: str) -> TagEntry:
    created_at, post_id, author_id = code.split("#", 2)
    return TagEntry(post_id, author_id, created_at)


def entries_of(item: Item, attribute: str) -> list[TagEntry]:
    """A head's or chunk's entries, newest first."""
    codes = [v["S"] for v in item.get(attribute, {}).get("L", [])]
    return sorted((entry_of_code(c) for c in codes), key=sort_key, reverse=True)


def codes_of(entries: Iterable[TagEntry]) -> dict[str, Any]:
    return {"L": [{"S": entry_code(e)} for e in entries]}


def entry_item(tag: str, shard: int, entry: TagEntry) -> Item:
    """A post's entry under a tag, in one of its shards."""
    return {
        **attribute_values(tag_entry_key(tag, shard, entry.created_at, entry.post_id)),
        "type": {"S": "TagEntry"},
        "tag": {"S": tag},
        "postId": {"S": entry.post_id},
        "authorId": {"S": entry.author_id},
        "createdAt": {"S": entry.created_at},
    }


def compacted(
    head: Sequence[TagEntry], arrivals: Iterable[TagEntry], chunk: int = TIMELINE_CHUNK
) -> tuple[list[TagEntry], list[list[TagEntry]]]:
    """The head with `arrivals` in (each entry once, newest first) and, while it holds more
    than two chunks' worth, its oldest `chunk` entries moved out: (head, chunks moved out)."""
    merged = sorted({sort_key(e): e for e in (*head, *arrivals)}.values(), key=sort_key)
    merged.reverse()
    moved: list[list[TagEntry]] = []
    while len(merged) > 2 * chunk:
        moved.append(merged[-chunk:])
        merged = merged[:-chunk]
    return merged, moved


@dataclass(frozen=True, slots=True)
class Timeline:
    """A popular tag's read side as its shard-count item holds it."""

    #: Entries older than this sort key are in shard 0 as plain entries (from before).
    start: str
    head: list[TagEntry]
    #: The newest sort key any chunk holds ("": none): every head entry is newer. Read from
    #: the newest chunk, not stored, so no item keeps a deleted post's id.
    chunked_to: str
    version: int


@dataclass(frozen=True, slots=True)
class TagEntryChange:
    """An entry written to a write shard (`present`) or deleted from it."""

    entry: TagEntry
    present: bool = True


class TagTimelineRepository(Repository):
    def timeline(self, tag: str) -> Timeline | None:
        """None for a tag that was never sharded (its entries are all in shard 0)."""
        item = self._get(tag_shards_key(tag), consistent=True)
        if item is None or "start" not in item:
            return None
        return Timeline(
            start=item["start"]["S"],
            head=entries_of(item, "head"),
            chunked_to=self._chunked_to(tag),
            version=int(item.get("version", {}).get("N", "0")),
        )

    def _chunked_to(self, tag: str) -> str:
        """The newest entry any chunk holds: the newest chunk's (chunks do not overlap)."""
        chunk = self._newest_chunk(tag)
        held = entries_of(chunk, "entries") if chunk else []
        return sort_key(held[0]) if held else ""

    def absorb(self, tag: str, changes: Sequence[TagEntryChange]) -> None:
        """Bring the read side in line with the write shards' changes, the last of each entry
        winning; a redelivered stream batch changes nothing."""
        last = {sort_key(c.entry): c for c in changes}
        pending = list(last.values())
        for _ in range(MAX_RACES + len(pending) // LATE_PER_TRANSACTION):
            timeline = self.timeline(tag)
            if timeline is None:
                return  # not sharded: nothing reaches a write shard
            pending = self._absorb_once(tag, timeline, pending)
            if not pending:
                return
        raise Throttled(f"The timeline of #{tag} is changing too often right now; retry")

    def _absorb_once(
        self, tag: str, timeline: Timeline, changes: Sequence[TagEntryChange]
    ) -> list[TagEntryChange]:
        """What is left to do: all of it if another fan-out moved the head meanwhile.

        Entries older than the head go into (or out of) their chunks in the head's own
        transaction, under its version: a chunk moved out of the head concurrently cannot then
        overlap one a late entry went into.
        """
        arrived: list[TagEntry] = []
        departed: set[str] = set()
        chunked: dict[str, tuple[Item | None, list[TagEntryChange]]] = {}
        left: list[TagEntryChange] = []
        for change in changes:
            key = sort_key(change.entry)
            if key < timeline.start:
                self._before(tag, change)  # created before the tag was sharded
            elif key > timeline.chunked_to:
                if change.present:
                    arrived.append(change.entry)
                else:
                    departed.add(key)
            else:
                chunk = self._newest_chunk(tag, up_to=key)
                name = chunk["SK"]["S"] if chunk else f"{CHUNK_PREFIX}{key}"
                if name not in chunked and len(chunked) == LATE_PER_TRANSACTION:
                    left.append(change)
                    continue
                chunked.setdefault(name, (chunk, []))[1].append(change)
        kept = [e for e in timeline.head if sort_key(e) not in departed]
        head, moved = compacted(kept, arrived)
        writes = [self._chunk_write(tag, chunk, c) for chunk, c in chunked.values()]
        to_chunks = [w for w in writes if w is not None]
        if head == timeline.head and not moved and not to_chunks:
            return left
        update = {
            "Update": {
                "TableName": self._table,
                "Key": attribute_values(tag_shards_key(tag)),
                "UpdateExpression": "SET head = :h, version = :next",
                "ConditionExpression": "version = :v",
                "ExpressionAttributeValues": {
                    ":h": codes_of(head),
                    ":v": {"N": str(timeline.version)},
                    ":next": {"N": str(timeline.version + 1)},
                },
            }
        }
        new_chunks = [self._put_new(self._chunk_item(tag, entries)) for entries in moved]
        with translated_errors():
            try:
                transact(self._client, [update, *new_chunks, *to_chunks])
            except TransactionCancelled:
                return list(changes)  # the head or a chunk moved: read again, all of it
        return left

    def _newest_chunk(self, tag: str, up_to: str | None = None) -> Item | None:
        """The newest chunk, or with `up_to` the one whose range holds that entry key: the
        newest named no later than it."""
        condition, values = "PK = :pk AND begins_with(SK, :low)", {}
        if up_to is not None:
            condition = "PK = :pk AND SK BETWEEN :low AND :high"
            values = {":high": {"S": f"{CHUNK_PREFIX}{up_to}"}}
        with translated_errors():
            found = self._client.query(
                TableName=self._table,
                KeyConditionExpression=condition,
                ExpressionAttributeValues={
                    ":pk": {"S": tag_partition(tag, 0)},
                    ":low": {"S": CHUNK_PREFIX},
                    **values,
                },
                ScanIndexForward=False,
                Limit=1,
                ConsistentRead=True,
            ).get("Items", [])
        return found[0] if found else None

    def _chunk_write(
        self, tag: str, chunk: Item | None, changes: list[TagEntryChange]
    ) -> dict[str, Any] | None:
        """Entries into or out of their chunk (version-guarded; an emptied chunk goes), or a
        chunk of their own below every other; None if nothing changes (a redelivery)."""
        held = {sort_key(e): e for e in (entries_of(chunk, "entries") if chunk else [])}
        before = dict(held)
        for change in changes:
            if change.present:
                held[sort_key(change.entry)] = change.entry
            else:
                held.pop(sort_key(change.entry), None)
        if held == before:
            return None
        entries = sorted(held.values(), key=sort_key, reverse=True)
        if chunk is None:
            return self._put_new(self._chunk_item(tag, entries))
        version = int(chunk["version"]["N"])
        key = {"PK": chunk["PK"], "SK": chunk["SK"]}
        at_version = {":v": {"N": str(version)}}
        if not entries:
            return {
                "Delete": {
                    "TableName": self._table,
                    "Key": key,
                    "ConditionExpression": "version = :v",
                    "ExpressionAttributeValues": at_version,
                }
            }
        values = {**at_version, ":e": codes_of(entries), ":next": {"N": str(version + 1)}}
        return {
            "Update": {
                "TableName": self._table,
                "Key": key,
                "UpdateExpression": "SET entries = :e, version = :next",
                "ConditionExpression": "version = :v",
                "ExpressionAttributeValues": values,
            }
        }

    def _chunk_item(self, tag: str, entries: Sequence[TagEntry]) -> Item:
        key = tag_chunk_key(tag, sort_key(entries[-1]))
        return {
            **attribute_values(key),
            "type": {"S": "TagChunk"},
            "entries": codes_of(entries),
            "version": {"N": "1"},
        }

    def _before(self, tag: str, change: TagEntryChange) -> None:
        """An entry from before the tag was sharded: a plain entry of shard 0, put or deleted."""
        item = entry_item(tag, 0, change.entry)
        with translated_errors():
            if change.present:
                self._client.put_item(TableName=self._table, Item=item)
            else:
                key = {"PK": item["PK"], "SK": item["SK"]}
                self._client.delete_item(TableName=self._table, Key=key)
