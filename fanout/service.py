"""Applies changes to home feeds. Every step is idempotent, so a retried batch is harmless."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from core.config import FanOutSettings
from core.models import FeedEntry, PullAccount, Repost
from fanout.changes import (
    Added,
    AvatarReplaced,
    CategoryLogged,
    Change,
    ChangeLogged,
    DeletionDue,
    Follow,
    NotificationAdded,
    PostRemoved,
    Removed,
    UploadCompleted,
)
from fanout.continuations import Continuation, InlineQueue, RepostPart, continuation_of
from fanout.hashtags import HashtagIndexer
from fanout.notify import Notifier
from fanout.publish import Publisher
from fanout.reposts import RepostSharing
from fanout.signals import NoSignals

if TYPE_CHECKING:
    from core.notifications import NotificationLogged
    from fanout.continuations import Queue
    from fanout.media import MediaProcessing
    from fanout.signals import Signals
    from store.repository import Store

log = logging.getLogger("agora.fanout")

#: How many of an author's recent posts a new follower's feed receives.
BACKFILL_POSTS = 20


class FanOut:
    def __init__(
        self,
        store: Store,
        media: MediaProcessing | None = None,
        settings: FanOutSettings | None = None,
        queue: Queue | None = None,
        signals: Signals | None = None,
    ) -> None:
        self._store = store
        self._signals = signals or NoSignals()
        self._notifier = Notifier(store)
        self._hashtags = HashtagIndexer(store)
        self._media_processing = media
        #: Without a queue, continuations run here, right after the part that queued them.
        self._inline: InlineQueue | None = None
        if queue is None:
            queue = self._inline = InlineQueue()
        settings = settings or FanOutSettings()
        self._publisher = Publisher(store, settings, queue)
        self._reposts = RepostSharing(store, settings, queue)

    @property
    def _media(self) -> MediaProcessing:
        if self._media_processing is None:
            raise RuntimeError("this fan-out was built without media storage")
        return self._media_processing

    def apply(self, change: Change) -> None:
        self._notifier.apply(change)
        self._hashtags.apply(change)
        match change:
            case Added(Follow(follower, followee)):
                self._backfill(follower, followee)
            case Removed(Follow(follower, followee)):
                removed = self._store.feeds.remove_author(follower, followee)
                log.info("unfollow %s -> %s: %d feed entries removed", follower, followee, removed)
            case ChangeLogged(event):
                # ⌈(followers + 1) / 25⌉ batch writes; a new post's copies are its feed entries.
                self._publisher.publish(event)
                self._run_inline()
            case Added(Repost() as repost):
                # The reposter's own feed and their followers', but not the author's (the post
                # is there), nor any that has the post already: once per feed.
                self._reposts.added(repost)
                self._run_inline()
            case Removed(Repost() as repost):
                self._reposts.removed(repost)
                self._run_inline()
            case PostRemoved(post_id, author_id, media):
                # Feeds and bookmark lists filter deleted posts at read; here the post's
                # comments, likes, edits and bookmarks go, and its media: objects, variants
                # and upload records.
                for owned in media:
                    self._media.remove(author_id, owned, f"post:{post_id}")
                self._store.posts.purge_collection(post_id)
                self._store.bookmarks.purge_post(post_id)
            case CategoryLogged(category, event):
                self._signals.post_event(category, event)
            case NotificationAdded(logged):
                self._signal_notification(logged)
            case UploadCompleted(owner_id, upload_id):
                self._media.process(owner_id, upload_id)
            case AvatarReplaced(user_id, old):
                self._media.remove(user_id, old, f"avatar:{user_id}")
            case DeletionDue(deletion):
                # One bounded step; advancing the record hands the next step to the stream.
                advanced = self._store.accounts.step(deletion, self._media.remove_files)
                log.info("account deletion %s: %s", deletion.user_id, advanced)

    def flush(self) -> None:
        """The work a batch's records defer to its end (fanout/door.py calls it)."""
        self._hashtags.flush()

    def resume(self, message: str) -> None:
        """A continuation from the queue: the next part of a fan-out cut short at its bound."""
        self._run(message)
        self._run_inline()

    def _signal_notification(self, logged: NotificationLogged) -> None:
        """The stream may lag: a block, mute or undo since the notice was written stops it."""
        if not self._store.notifications.stands(logged):
            return
        if self._store.blocks.visibility(logged.recipient_id, consistent=True).hides(
            logged.actor_id
        ):
            return
        self._signals.notification(logged)

    def _run(self, message: str) -> None:
        match continuation_of(message):
            case RepostPart() as part:
                self._reposts.run(part)
            case Continuation() as part:
                self._publisher.run(part)

    def _run_inline(self) -> None:
        while self._inline is not None and (pending := self._inline.take()):
            for message in pending:
                self._run(message)

    def _backfill(self, follower_id: str, followee_id: str) -> None:
        """The followee's recent posts into the new follower's feed; a pull account's posts
        since it became one are read at feed time instead, so its marker goes in."""
        _followers, since = self._store.pull_accounts.state(followee_id)
        recent = self._store.posts.by_author(followee_id, BACKFILL_POSTS, None)
        self._store.feeds.add(
            FeedEntry(
                owner_id=follower_id, post_id=p.id, author_id=p.author_id, created_at=p.created_at
            )
            for p in recent.items
            if since is None or p.created_at < since
        )
        if since is not None:
            self._store.pull_accounts.mark_followers([follower_id], PullAccount(followee_id, since))
