"""Applies changes to home feeds. Every step is idempotent, so a retried batch is harmless."""

from __future__ import annotations

import logging
from itertools import chain
from typing import TYPE_CHECKING

from core.models import FeedEntry
from fanout.changes import Change, Followed, PostPublished, PostRemoved, Unfollowed

if TYPE_CHECKING:
    from store.repository import Store

log = logging.getLogger("agora.fanout")

#: How many of an author's recent posts a new follower's feed receives.
BACKFILL_POSTS = 20


class FanOut:
    def __init__(self, store: Store) -> None:
        self._store = store

    def apply(self, change: Change) -> None:
        match change:
            case PostPublished(post):
                self._publish(post.id, post.author_id, post.created_at)
            case Followed(follower, followee):
                self._backfill(follower, followee)
            case Unfollowed(follower, followee):
                removed = self._store.feeds.remove_author(follower, followee)
                log.info("unfollow %s -> %s: %d feed entries removed", follower, followee, removed)
            case PostRemoved(post_id):
                # Feeds filter deleted posts at read; here the post's comments and likes go.
                self._store.posts.purge_collection(post_id)

    def _publish(self, post_id: str, author_id: str, created_at: str) -> None:
        """The author's own feed and every follower's: ⌈(followers + 1) / 25⌉ batch writes."""
        followers = chain.from_iterable(self._store.follows.all_follower_ids(author_id))
        entries = (
            FeedEntry(owner_id=owner, post_id=post_id, author_id=author_id, created_at=created_at)
            for owner in chain([author_id], followers)
        )
        requests = self._store.feeds.add(entries)
        log.info("post %s: fanned out in %d batch writes", post_id, requests)

    def _backfill(self, follower_id: str, followee_id: str) -> None:
        recent = self._store.posts.by_author(followee_id, BACKFILL_POSTS, None)
        self._store.feeds.add(
            FeedEntry(
                owner_id=follower_id, post_id=p.id, author_id=p.author_id, created_at=p.created_at
            )
            for p in recent.items
        )
