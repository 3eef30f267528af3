"""Domain values passed between the store, the resolvers and the schema."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Generic, TypeVar

T = TypeVar("T")


class ChangeKind(StrEnum):
    """What happened to a post, as the change log records it."""

    POST_CREATED = "POST_CREATED"
    POST_UPDATED = "POST_UPDATED"
    POST_DELETED = "POST_DELETED"
    COMMENT_ADDED = "COMMENT_ADDED"


class UploadStatus(StrEnum):
    """Where an upload is in its life."""

    PENDING = "PENDING"
    #: Completed; the file is being verified and processed off the request path.
    PROCESSING = "PROCESSING"
    READY = "READY"
    REJECTED = "REJECTED"


@dataclass(frozen=True, slots=True)
class Focus:
    """The point to keep in view when an image is cropped: x and y in [-1, 1], centre 0, 0."""

    x: float
    y: float


@dataclass(frozen=True, slots=True)
class MediaVariant:
    """A smaller copy of an image for display (WebP)."""

    key: str
    width: int
    height: int
    content_type: str


@dataclass(frozen=True, slots=True)
class Media:
    """A verified upload as attached to a post or profile (copied there, so reads need no join)."""

    id: str
    content_type: str
    size: int
    key: str
    #: What the image shows, for screen readers; empty when the uploader gave none.
    alt_text: str = ""
    #: False while the upload is still being processed: nothing is served yet.
    ready: bool = True
    width: int | None = None
    height: int | None = None
    duration_seconds: float | None = None
    blurhash: str | None = None
    focus: Focus | None = None
    variants: tuple[MediaVariant, ...] = ()

    @property
    def keys(self) -> tuple[str, ...]:
        """Every stored object this media owns."""
        return (self.key, *(v.key for v in self.variants))


@dataclass(frozen=True, slots=True)
class Upload:
    id: str
    owner_id: str
    content_type: str
    size: int
    filename: str
    status: UploadStatus
    created_at: str
    #: When the upload form stops working.
    expires_at: str
    reason: str | None = None
    attached_to: str | None = None
    alt_text: str = ""
    focus: Focus | None = None
    #: What processing made of it (READY only): served type, size, dimensions, variants.
    processed: Media | None = None

    def media(self, key: str) -> Media:
        """As attached: what processing made of it, else as declared (not ready while it runs)."""
        if self.processed is not None:
            return self.processed
        return self.declared(key, ready=self.status is not UploadStatus.PROCESSING)

    def declared(self, key: str, *, ready: bool = True) -> Media:
        """The upload as its uploader declared it: type, size, alt text, focus."""
        return Media(
            id=self.id,
            content_type=self.content_type,
            size=self.size,
            key=key,
            alt_text=self.alt_text,
            ready=ready,
            focus=self.focus,
        )


@dataclass(frozen=True, slots=True)
class Post:
    id: str
    author_id: str
    title: str
    body: str
    category: str
    created_at: str
    updated_at: str
    version: int
    like_count: int = 0
    comment_count: int = 0
    media: tuple[Media, ...] = ()
    #: When the title or body was last changed; None if never.
    edited_at: str | None = None
    repost_count: int = 0


@dataclass(frozen=True, slots=True)
class Edit:
    """A previous version of a post's or comment's text, kept when an edit replaced it."""

    version: int
    body: str
    #: When this version was written (created, or edited into this text).
    written_at: str
    #: When the next edit replaced it.
    replaced_at: str
    #: Posts only.
    title: str | None = None


@dataclass(frozen=True, slots=True)
class PostChanges:
    """Fields an update sets; None leaves a field as it is."""

    title: str | None = None
    body: str | None = None
    category: str | None = None


@dataclass(frozen=True, slots=True)
class UserProfile:
    """A member as others see them; the counts are exact (moved in the follow's transaction)."""

    id: str
    handle: str
    display_name: str
    created_at: str
    bio: str = ""
    follower_count: int = 0
    following_count: int = 0
    avatar: Media | None = None


@dataclass(frozen=True, slots=True)
class Comment:
    """A comment in its post's item collection; its id sorts by time."""

    id: str
    post_id: str
    author_id: str
    body: str
    created_at: str
    #: Increments on every edit; comments written before edits existed read as 1.
    version: int = 1
    #: When the text was last changed; None if never.
    edited_at: str | None = None
    #: The comment this one replies to; None for a comment on the post itself.
    parent_id: str | None = None
    #: 0 on the post, parent's + 1 for a reply, at most THREAD_DEPTH (deeper replies attach
    #: to the deepest allowed ancestor).
    depth: int = 0
    #: Exact: direct replies, placeholders of deleted ones included.
    reply_count: int = 0
    #: The oldest direct replies (at most REPLY_PREVIEW), copied here so a page of comments
    #: reads its first replies by key, in the batch that reads its authors.
    first_replies: tuple[ReplyRef, ...] = ()
    like_count: int = 0
    #: Deleted while it had replies: kept, without its text, so the thread holds together.
    deleted: bool = False
    #: Whom a reply concerns and who owns the post: known from the comment alone.
    post_author_id: str | None = None
    parent_author_id: str | None = None


@dataclass(frozen=True, slots=True)
class ReplyRef:
    """A reply as its parent lists it among its first replies."""

    id: str
    author_id: str


class CommentOrder(StrEnum):
    """How a post's comments are sorted."""

    OLDEST = "OLDEST"
    NEWEST = "NEWEST"
    #: Most liked first, then newest.
    TOP = "TOP"


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One post in one user's home feed, written by the fan-out."""

    owner_id: str
    post_id: str
    author_id: str
    #: When it reached the feed: the post's creation, or the repost's time.
    created_at: str
    #: Who of the people the owner follows reposted it ("reposted by"); None: the post itself.
    reposted_by: str | None = None


@dataclass(frozen=True, slots=True)
class LoggedChange:
    """One entry of a topic's change log. `position` orders it within the topic."""

    id: str
    kind: ChangeKind
    post_id: str
    author_id: str
    at: str
    position: str = ""
    comment_id: str | None = None


@dataclass(frozen=True, slots=True)
class ChangeNotice:
    """An event as a poller receives it: with the cursor that resumes right after it."""

    kind: ChangeKind
    post_id: str
    at: str
    cursor: str
    comment_id: str | None = None


@dataclass(frozen=True, slots=True)
class PollResult:
    items: list[ChangeNotice]
    #: Resumes after the last item, or at the settle horizon when nothing more is final.
    cursor: str


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    items: list[T]
    next_token: str | None


@dataclass(frozen=True, slots=True)
class PullAccount:
    """An account followed by pull: its posts since `since` are read at feed time."""

    author_id: str
    since: str


@dataclass(frozen=True, slots=True)
class FeedPage:
    """A page of a home feed, newest first: pushed entries and pull accounts' posts merged."""

    entries: list[FeedEntry]
    #: Posts of pull accounts on this page, by id: read with the page, no batch needed.
    pulled: dict[str, Post]
    next_token: str | None


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One post of a home feed page, and who brought it there if it came by a repost."""

    post: Post
    reposted_by: str | None = None


@dataclass(frozen=True, slots=True)
class Repost:
    """Someone shared a post with their followers."""

    post_id: str
    user_id: str
    #: The post's author and creation time: where the post's own feed entries are.
    author_id: str
    post_created_at: str
    at: str
