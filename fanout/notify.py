"""Notifications from the stream: likes, reposts, comments, follows and mentions.

Each step is idempotent (store/notifications.py keys every notice by what it is about and who
did it), so a retried stream batch neither loses nor doubles one.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from core.entities import mentions
from core.limits import MENTIONS_PER_TEXT
from core.models import ChangeKind, Repost
from core.notifications import Notice, NotificationKind
from fanout.changes import (
    Added,
    Change,
    ChangeLogged,
    Commented,
    CommentLike,
    Follow,
    Like,
    Removed,
)

if TYPE_CHECKING:
    from store.repository import Store

log = logging.getLogger("agora.fanout")

#: Post events whose mentions notify: a new post's only, since an edit notifies nobody (a
#: mention an edit adds still links, but tells no one).
MENTIONING = frozenset({ChangeKind.POST_CREATED})


class Notifier:
    def __init__(self, store: Store) -> None:
        self._store = store

    def apply(self, change: Change) -> None:
        match change:
            case Added(Follow(follower, followee, at)):
                self._notify(Notice(followee, NotificationKind.FOLLOW, follower, at))
            case Removed(Follow(follower, followee, at)):
                self._withdraw(Notice(followee, NotificationKind.FOLLOW, follower, at))
            case Added(Like(post_id, user_id, at)):
                self._about_post(post_id, NotificationKind.LIKE, user_id, at, None)
            case Removed(Like(post_id, user_id, at)):
                author = self._author_of(post_id)
                if author is not None:
                    notice = Notice(author, NotificationKind.LIKE, user_id, at, post_id)
                    self._withdraw(notice)
            case Added(CommentLike(post_id, comment_id, user_id, author, at)):
                kind = NotificationKind.COMMENT_LIKE
                self._notify(Notice(author, kind, user_id, at, post_id, comment_id))
            case Removed(CommentLike(post_id, comment_id, user_id, author, at)):
                kind = NotificationKind.COMMENT_LIKE
                self._withdraw(Notice(author, kind, user_id, at, post_id, comment_id))
            case Added(Repost() as r):
                self._notify(
                    Notice(r.author_id, NotificationKind.REPOST, r.user_id, r.at, r.post_id)
                )
            case Removed(Repost() as r):
                self._withdraw(
                    Notice(r.author_id, NotificationKind.REPOST, r.user_id, r.at, r.post_id)
                )
            case Commented(post_id, comment_id, author_id, at, body, replied_to):
                told = replied_to
                if replied_to is not None:
                    kind = NotificationKind.REPLY
                    self._notify(Notice(replied_to, kind, author_id, at, post_id, comment_id))
                if replied_to is None or self._author_of(post_id) != replied_to:
                    # The post's author hears of every comment, unless it replies to them.
                    told = self._about_post(
                        post_id, NotificationKind.COMMENT, author_id, at, comment_id
                    )
                self._mentions(body, author_id, at, post_id, comment_id, told=told)
            case ChangeLogged(event) if event.kind in MENTIONING:
                post = self._store.posts.get(event.post_id, consistent=True)
                if post is not None:
                    self._mentions(post.body, post.author_id, event.at, post.id, None)

    def _about_post(
        self,
        post_id: str,
        kind: NotificationKind,
        actor_id: str,
        at: str,
        comment_id: str | None,
    ) -> str | None:
        """Tells the post's author; returns who that is (None: the post is gone)."""
        author = self._author_of(post_id)
        if author is not None:
            self._notify(Notice(author, kind, actor_id, at, post_id, comment_id))
        return author

    def _mentions(
        self,
        text: str,
        actor_id: str,
        at: str,
        post_id: str,
        comment_id: str | None,
        told: str | None = None,
    ) -> None:
        """A MENTION for each existing person the text names (keyed by its post, comment and
        actor, so a stream record delivered twice tells nobody twice)."""
        handles = dict.fromkeys(m.handle for m in mentions(text)[:MENTIONS_PER_TEXT])
        for handle in handles:
            person = self._store.users.get_by_handle(handle)
            if person is not None and person.id != told:  # the author has the COMMENT already
                notice = Notice(
                    person.id, NotificationKind.MENTION, actor_id, at, post_id, comment_id
                )
                self._notify(notice)

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
        return self._store.blocks.visibility(notice.recipient_id).hides(notice.actor_id)
