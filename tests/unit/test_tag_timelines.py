"""A popular tag's read side, the pure part: entry codes, compaction, shard names."""

from __future__ import annotations

import pytest

from core.hashtags import TagEntry
from store.discovery_keys import (
    CHUNK_PREFIX,
    SHARDS_SK,
    tag_chunk_key,
    tag_partition,
    tag_shard_of_partition,
)
from store.tag_timelines import compacted, entry_code, entry_of_code, sort_key


def entry(n: int) -> TagEntry:
    return TagEntry(
        f"01POST{n:020d}", f"author{n % 3}", f"2026-12-02T10:{n // 60:02d}:{n % 60:02d}.000Z"
    )


def test_an_entry_survives_its_code() -> None:
    one = entry(7)
    assert entry_of_code(entry_code(one)) == one
    assert entry_code(one).startswith(sort_key(one) + "#")


def test_shard_zero_sorts_head_then_chunks_then_entries() -> None:
    chunk = tag_chunk_key("busy", sort_key(entry(59)))["SK"]
    assert sort_key(entry(3599)) < chunk < SHARDS_SK
    assert chunk.startswith(CHUNK_PREFIX)
    assert tag_chunk_key("busy", "x")["PK"] == tag_partition("busy", 0)


@pytest.mark.parametrize(
    ("partition", "shard"),
    [("TAG#busy#0", 0), ("TAG#busy#12", 12), ("TAGGED#p1", None), ("USER#u", None)],
)
def test_the_shard_of_a_partition(partition: str, shard: int | None) -> None:
    assert tag_shard_of_partition(partition) == shard


def test_compaction_keeps_each_entry_once_newest_first() -> None:
    head, moved = compacted([entry(5), entry(3)], [entry(4), entry(5), entry(9)], chunk=3)
    assert head == [entry(9), entry(5), entry(4), entry(3)]
    assert moved == []


def test_a_full_head_moves_its_oldest_out_a_chunk_at_a_time() -> None:
    # Given a head of 6 (twice a chunk of 3) and 5 arrivals
    head, moved = compacted([entry(n) for n in range(6)], [entry(n) for n in range(6, 11)], 3)
    # Then two chunks of the oldest went out, oldest last in each, and the head kept 5
    assert moved == [[entry(2), entry(1), entry(0)], [entry(5), entry(4), entry(3)]]
    assert head == [entry(n) for n in range(10, 5, -1)]
    # And head and chunks do not overlap: every chunk entry is older than the head's oldest
    assert all(sort_key(e) < sort_key(head[-1]) for c in moved for e in c)
