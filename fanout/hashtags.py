"""Hashtag timelines and trends from the stream: a post's entries follow its current text.

Every event of a post (created, edited, deleted) makes its entries match what the post says
now, in one transaction with the post's tag record and the tags' hourly use counts; a retried
event finds the record already matching and changes nothing. Then each tag it touched gets
its trend refreshed and, past a rate, more shards (docs/DATA_MODEL.md, "Hashtags").
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from core.entities import distinct_tags
from core.hashtags import (
    HASHTAGS_PER_POST,
    POSTS_PER_SHARD_HOUR,
    TagEntry,
    Tagged,
    shard_of,
    shards_for,
)
from core.models import ChangeKind
from fanout.changes import Change, ChangeLogged, TagEntryWritten
from store.repository import TaggedChanged
from store.tag_timelines import TagEntryChange

if TYPE_CHECKING:
    from store.repository import Store

log = logging.getLogger("agora.fanout")

#: Post events after which a post's entries may differ from its text.
RETAGGING = frozenset({ChangeKind.POST_CREATED, ChangeKind.POST_UPDATED, ChangeKind.POST_DELETED})
MAX_RACES = 8


class HashtagIndexer:
    def __init__(self, store: Store, posts_per_shard_hour: int = POSTS_PER_SHARD_HOUR) -> None:
        self._store = store
        self._per_shard = posts_per_shard_hour
        #: Changes of popular tags' write shards, absorbed once per stream batch (`flush`).
        self._arrivals: dict[str, list[TagEntryChange]] = {}

    def apply(self, change: Change) -> None:
        if isinstance(change, ChangeLogged) and change.event.kind in RETAGGING:
            created = change.event.kind is ChangeKind.POST_CREATED
            self.retag(change.event.post_id, created=created)
        elif isinstance(change, TagEntryWritten):
            entry = TagEntryChange(change.entry, change.present)
            self._arrivals.setdefault(change.tag, []).append(entry)

    def flush(self) -> None:
        """Compact what the batch brought to write shards into each tag's read side: one head
        write per tag per batch, not one per post (the head would be a hot item)."""
        while self._arrivals:
            tag, entries = next(iter(self._arrivals.items()))
            self._store.tag_timelines.absorb(tag, entries)
            del self._arrivals[tag]

    def retag(self, post_id: str, *, created: bool = False) -> None:
        """Make the post's entries match its text (none once it is gone). `created`: the
        post's first event, so an untagged post needs no look at a record it cannot have."""
        for _ in range(MAX_RACES):
            try:
                touched = self._retag_once(post_id, created)
            except TaggedChanged:
                continue
            for tag in touched:
                self._follow_up(tag)
            return
        raise TaggedChanged(post_id)

    def _retag_once(self, post_id: str, created: bool) -> set[str]:
        hashtags = self._store.hashtags
        post = self._store.posts.get(post_id, consistent=True)
        wanted = distinct_tags(post.body)[:HASHTAGS_PER_POST] if post else []
        if created and not wanted:
            return set()
        before = hashtags.tagged(post_id)
        kept = before.shards if before else {}
        shards = {
            tag: kept[tag] if tag in kept else shard_of(post_id, hashtags.shard_count(tag))
            for tag in wanted
        }
        if shards == kept:
            return set()
        if post is not None:
            after = Tagged(TagEntry(post.id, post.author_id, post.created_at), shards)
        elif before is not None:
            after = Tagged(before.post, {})
        else:
            return set()  # gone, and never tagged
        hashtags.retag(before, after)
        touched = set(shards) ^ set(kept)
        log.info("post %s: tags now %s (%d changed)", post_id, sorted(shards), len(touched))
        return touched

    def _follow_up(self, tag: str) -> None:
        uses = self._store.trends.uses(tag)
        self._store.trends.refresh(tag, uses)
        this_hour = uses.get(self._store.trends.this_hour(), 0)
        needed = shards_for(this_hour, self._per_shard)
        if needed > self._store.hashtags.shard_count(tag):
            self._store.hashtags.grow(tag, needed)
            log.info("tag %s: %d shards from now on", tag, needed)
