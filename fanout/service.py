"""Applies changes to home feeds. Every step is idempotent, so a retried batch is harmless."""

from __future__ import annotations

import logging
from itertools import chain
from typing import TYPE_CHECKING

from core.models import FeedEntry
from fanout.changes import (
    Added,
    AvatarReplaced,
    Change,
    ChangeLogged,
    Follow,
    PostRemoved,
    Removed,
    UploadCompleted,
)
from fanout.notify import Notifier

if TYPE_CHECKING:
    from collections.abc import Iterator

    from fanout.media import MediaProcessing
    from store.repository import Store

log = logging.getLogger("agora.fanout")

#: How many of an author's recent posts a new follower's feed receives.
BACKFILL_POSTS = 20


class FanOut:
    def __init__(self, store: Store, media: MediaProcessing | None = None) -> None:
        self._store = store
        self._notifier = Notifier(store)
        self._media_processing = media

    @property
    def _media(self) -> MediaProcessing:
        if self._media_processing is None:
            raise RuntimeError("this fan-out was built without media storage")
        return self._media_processing

    def apply(self, change: Change) -> None:
        self._notifier.apply(change)
        match change:
            case Added(Follow(follower, followee)):
                self._backfill(follower, followee)
            case Removed(Follow(follower, followee)):
                removed = self._store.feeds.remove_author(follower, followee)
                log.info("unfollow %s -> %s: %d feed entries removed", follower, followee, removed)
            case ChangeLogged(event):
                owners = self._audience(event.author_id)
                # ⌈(followers + 1) / 25⌉ batch writes; a new post's copies are its feed entries.
                requests = self._store.feed_copies.copy_to_feeds(event, owners)
                log.info("event %s: fanned out in %d batch writes", event.id, requests)
            case PostRemoved(post_id, author_id, media):
                # Feeds and bookmark lists filter deleted posts at read; here the post's
                # comments, likes, edits and bookmarks go, and its media: objects, variants
                # and upload records.
                for owned in media:
                    self._media.remove(author_id, owned, f"post:{post_id}")
                self._store.posts.purge_collection(post_id)
                self._store.bookmarks.purge_post(post_id)
            case UploadCompleted(owner_id, upload_id):
                self._media.process(owner_id, upload_id)
            case AvatarReplaced(user_id, old):
                self._media.remove(user_id, old, f"avatar:{user_id}")

    def _audience(self, author_id: str) -> Iterator[str]:
        """Whose home feed an author's posts reach: the author's own, then each follower's."""
        followers = chain.from_iterable(self._store.follows.all_follower_ids(author_id))
        return chain([author_id], followers)

    def _backfill(self, follower_id: str, followee_id: str) -> None:
        recent = self._store.posts.by_author(followee_id, BACKFILL_POSTS, None)
        self._store.feeds.add(
            FeedEntry(
                owner_id=follower_id, post_id=p.id, author_id=p.author_id, created_at=p.created_at
            )
            for p in recent.items
        )
