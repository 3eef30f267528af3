"""Hashtag timelines and trends, the pure part: tags as queried, shards, hours, totals.

See docs/DATA_MODEL.md ("Hashtags"): a popular tag's entries are spread over shards so no
partition takes all of its writes; the fan-out grows a tag's shard count with its use.
"""

from __future__ import annotations

import hashlib
import math
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from core.entities import TAG_CHARACTERS, normalize_tag

#: Hashtags of one post that get timeline entries; more are plain text.
HASHTAGS_PER_POST = 10
#: At most this many shards per tag (a power of two).
MAX_TAG_SHARDS = 16
#: A shard takes at most this many new posts per hour before the tag gets more shards:
#: ~3 writes per second, far below a partition's 1,000, leaving room for edits and deletes.
POSTS_PER_SHARD_HOUR = 10_000
#: Entries per compacted chunk of a popular tag; its head holds at most twice as many, so the
#: tag's shard-count item stays under one 4 KB read unit.
TIMELINE_CHUNK = 20
#: The window of trendingHashtags, in hours.
TRENDING_HOURS = 24
#: Tags the precomputed trends item keeps (the most `trendingHashtags(limit)` can ask).
TRENDING_KEPT = 100


def tag_argument(value: str) -> str:
    """A tag as a client names it (`#Café` or `café`), normalized; ValueError if it is none."""
    raw = value[1:] if value.startswith("#") else value
    tag = normalize_tag(raw)
    if not tag or len(tag) > TAG_CHARACTERS:
        raise ValueError(f"a tag is 1 to {TAG_CHARACTERS} letters, digits, marks or _")
    if not all(ch.isalnum() or ch == "_" or _is_mark(ch) for ch in tag):
        raise ValueError("a tag is letters, digits, marks or _")
    if not any(ch.isalpha() for ch in tag):
        raise ValueError("a tag needs a letter")
    return tag


def _is_mark(ch: str) -> bool:
    return unicodedata.category(ch).startswith("M")


def shard_of(post_id: str, shards: int) -> int:
    """Which shard takes a post's entry: 0 for an ordinary tag; for a popular tag one of its
    write shards 1..N, spread evenly, the same on every retry (shard 0 is then its read side:
    the fan-out compacts the write shards' entries into it)."""
    if shards <= 1:
        return 0
    digest = hashlib.sha256(post_id.encode()).digest()
    return 1 + int.from_bytes(digest[:4], "big") % shards


def shards_for(posts_this_hour: int, per_shard: int = POSTS_PER_SHARD_HOUR) -> int:
    """The shard count a tag needs at this rate: the next power of two, capped."""
    needed = max(1, math.ceil(posts_this_hour / per_shard))
    return min(MAX_TAG_SHARDS, 1 << (needed - 1).bit_length())


def hour_of(stamp: str) -> str:
    """The hour bucket of an AWSDateTime (`2026-12-01T22`): string order is time order."""
    return stamp[:13]


def window_hours(now: datetime, hours: int = TRENDING_HOURS) -> set[str]:
    """The hour buckets of the last `hours` hours, the current one included."""
    return {(now - timedelta(hours=h)).strftime("%Y-%m-%dT%H") for h in range(hours)}


def totals(counts: dict[str, dict[str, int]], hours: set[str]) -> dict[str, int]:
    """Each tag's uses within `hours`, tags with none left out."""
    summed = {
        tag: sum(n for h, n in by_hour.items() if h in hours) for tag, by_hour in counts.items()
    }
    return {tag: n for tag, n in summed.items() if n > 0}


def ranked(counts: dict[str, int], limit: int) -> list[tuple[str, int]]:
    """Most used first; ties in tag order, so every reader sees the same list."""
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]


@dataclass(frozen=True, slots=True)
class HashtagRef:
    """A tag as normalized; its timeline is read when asked for."""

    tag: str


@dataclass(frozen=True, slots=True)
class TagEntry:
    """A post on a tag's timeline: enough to load it and its author in one batch."""

    post_id: str
    author_id: str
    created_at: str


@dataclass(frozen=True, slots=True)
class Tagged:
    """Which tags a post has timeline entries under, each in its shard, as last written."""

    post: TagEntry
    shards: dict[str, int] = field(default_factory=dict)
    version: int = 0


@dataclass(frozen=True, slots=True)
class Trend:
    tag: str
    count: int
