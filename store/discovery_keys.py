"""Pure key builders of hashtag timelines, trends and the people index (docs/DATA_MODEL.md)."""

from __future__ import annotations

from typing import Final

from store.keys import Key, post_sort_key

#: Sorts after every timestamp and every chunk, so a newest-first Query of shard 0 returns it
#: first; a popular tag's item also holds its newest entries (the head).
SHARDS_SK: Final = "~SHARDS"
#: A popular tag's compacted entries, between its head and its entries from before it was
#: sharded: "~C#" sorts after every timestamp and before SHARDS_SK.
CHUNK_PREFIX: Final = "~C#"
TAGGED_SK: Final = "TAGGED"
TRENDING_PK: Final = "TRENDING"
#: Below every character a term may hold (the text policy refuses control characters), so a
#: term sorts before its longer completions: "jose" < "jose maria" < "josefina".
TERM_END: Final = "\x1f"


def tag_partition(tag: str, shard: int) -> str:
    """One shard of a tag's timeline; shard 0 also holds the tag's shard count."""
    return f"TAG#{tag}#{shard}"


def tag_entry_key(tag: str, shard: int, created_at: str, post_id: str) -> Key:
    """Deterministic: a post's entry under a tag is one item however often it is written."""
    return {"PK": tag_partition(tag, shard), "SK": post_sort_key(created_at, post_id)}


def tag_shards_key(tag: str) -> Key:
    return {"PK": tag_partition(tag, 0), "SK": SHARDS_SK}


def tag_chunk_key(tag: str, oldest: str) -> Key:
    """A chunk of a popular tag's timeline, named by its oldest entry's sort key."""
    return {"PK": tag_partition(tag, 0), "SK": f"{CHUNK_PREFIX}{oldest}"}


def tag_shard_of_partition(partition: str) -> int | None:
    """The shard a timeline partition is of (`TAG#<tag>#<shard>`); None for another."""
    if not partition.startswith("TAG#"):
        return None
    shard = partition.rpartition("#")[2]
    return int(shard) if shard.isdigit() else None


def tagged_key(post_id: str) -> Key:
    """Which tags a post has entries under, and in which shard: what an edit or delete undoes."""
    return {"PK": f"TAGGED#{post_id}", "SK": TAGGED_SK}


def tag_use_partition(tag: str) -> str:
    return f"TAGUSE#{tag}"


def tag_use_key(tag: str, hour: str, shard: int) -> Key:
    """A tag's posts created in one hour, counted per shard (no single hot counter)."""
    return {"PK": tag_use_partition(tag), "SK": f"{hour}#{shard}"}


def trending_key() -> Key:
    return {"PK": TRENDING_PK, "SK": TRENDING_PK}


def people_partition(term: str) -> str:
    """The people index, one partition per first character of a term."""
    return f"PEOPLE#{term[:1]}"


def person_term_sort_key(term: str, rank: int, user_id: str) -> str:
    return f"{term}{TERM_END}{rank}{TERM_END}{user_id}"


def person_term_key(term: str, rank: int, user_id: str) -> Key:
    return {"PK": people_partition(term), "SK": person_term_sort_key(term, rank, user_id)}
