"""Domain values of notifications: what happened to you, grouped as the tab shows it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from core.models import Comment, Post, UserProfile


class NotificationKind(StrEnum):
    LIKE = "LIKE"
    COMMENT = "COMMENT"
    #: A reply to your comment.
    REPLY = "REPLY"
    #: Likes of your comment, grouped per comment as likes of a post are per post.
    COMMENT_LIKE = "COMMENT_LIKE"
    FOLLOW = "FOLLOW"
    MENTION = "MENTION"
    REPOST = "REPOST"


@dataclass(frozen=True, slots=True)
class Notice:
    """One thing someone did that concerns `recipient_id`, as the fan-out learns of it."""

    recipient_id: str
    kind: NotificationKind
    actor_id: str
    #: When the actor did it; follows group by this time's day.
    done_at: str
    post_id: str | None = None
    comment_id: str | None = None

    @property
    def group(self) -> str:
        """Which entry it joins: likes and reposts per post, follows per day, the rest alone."""
        name = self.kind.value.lower().replace("_", "")  # COMMENT_LIKE: "commentlike"
        match self.kind:
            case NotificationKind.FOLLOW:
                return f"{name}:{self.done_at[:10]}"
            case NotificationKind.LIKE | NotificationKind.REPOST:
                return f"{name}:{self.post_id}"
            case _:
                return f"{name}:{self.post_id}:{self.comment_id or ''}"


@dataclass(frozen=True, slots=True)
class NotificationGroup:
    """One entry of the notifications tab: "alice and 3 others liked your post"."""

    recipient_id: str
    group: str
    kind: NotificationKind
    count: int
    #: The most recent actors, newest first (at most `NOTIFICATION_ACTORS`).
    actor_ids: tuple[str, ...]
    latest_at: str
    post_id: str | None = None
    comment_id: str | None = None


@dataclass(frozen=True, slots=True)
class NotificationState:
    """Per person, shared by their devices: how far they have seen, and how much is unread."""

    unread: int = 0
    seen_up_to: str | None = None

    def has_seen(self, stamp: str) -> bool:
        return self.seen_up_to is not None and stamp <= self.seen_up_to


@dataclass(frozen=True, slots=True)
class NotificationLogged:
    """A notification's entry in its recipient's change log."""

    id: str
    recipient_id: str
    group: str
    actor_id: str
    kind: NotificationKind
    at: str
    position: str = ""


@dataclass(frozen=True, slots=True)
class NotificationEntry:
    """A group as its recipient sees it: seen or not, with what it is about, loaded."""

    group: NotificationGroup
    seen: bool
    actors: tuple[UserProfile, ...]
    post: Post | None = None
    comment: Comment | None = None


@dataclass(frozen=True, slots=True)
class NotificationNotice:
    """A notification event as a poller receives it, with the cursor resuming right after it."""

    logged: NotificationLogged
    cursor: str


@dataclass(frozen=True, slots=True)
class NotificationPoll:
    """A poll of a person's notification log: what came, and where to poll next."""

    items: list[NotificationNotice]
    cursor: str
