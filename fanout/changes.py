"""What a DynamoDB stream record means for the fan-out, decoded from its images."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from core.accounts import AccountDeletion, DeletionStatus
from core.hashtags import TagEntry
from core.models import LoggedChange, Media, Repost, UploadStatus
from core.notifications import NotificationLogged
from store.accounts import deletion_from_item
from store.change_items import change_from_item
from store.discovery_keys import tag_shard_of_partition
from store.keys import author_topic, topic_category
from store.media_codecs import media_from_value
from store.notification_items import logged_from_item


@dataclass(frozen=True, slots=True)
class PostRemoved:
    post_id: str
    author_id: str = ""
    #: What the post owned in storage: deleted with it.
    media: tuple[Media, ...] = ()


@dataclass(frozen=True, slots=True)
class UploadCompleted:
    """An upload went PENDING -> PROCESSING: its file is to be verified and processed."""

    owner_id: str
    upload_id: str


@dataclass(frozen=True, slots=True)
class AvatarReplaced:
    """A profile's avatar changed or went: the old one's objects go."""

    user_id: str
    old: Media


@dataclass(frozen=True, slots=True)
class Follow:
    follower_id: str
    followee_id: str
    created_at: str = ""


@dataclass(frozen=True, slots=True)
class Like:
    post_id: str
    user_id: str
    created_at: str


@dataclass(frozen=True, slots=True)
class CommentLike:
    """A like of a comment; the item names the comment's author, whom it concerns."""

    post_id: str
    comment_id: str
    user_id: str
    comment_author_id: str
    created_at: str


Edge = Follow | Like | CommentLike | Repost


@dataclass(frozen=True, slots=True)
class Added:
    """A follow, a like or a repost was made (its item appeared)."""

    edge: Edge


@dataclass(frozen=True, slots=True)
class Removed:
    """A follow ended, or a like or repost was taken back (its item went)."""

    edge: Edge


@dataclass(frozen=True, slots=True)
class Commented:
    post_id: str
    comment_id: str
    author_id: str
    created_at: str
    body: str = ""
    #: Whose comment this replies to (None: a comment on the post itself).
    parent_author_id: str | None = None


@dataclass(frozen=True, slots=True)
class DeletionDue:
    """An account deletion was recorded or advanced and is still running: its next step."""

    deletion: AccountDeletion


@dataclass(frozen=True, slots=True)
class ChangeLogged:
    """A post event, seen through its author-topic entry: one per event, spread over shards."""

    event: LoggedChange


@dataclass(frozen=True, slots=True)
class CategoryLogged:
    """A post event, seen through its category-topic entry: what a category's live signal says."""

    category: str
    event: LoggedChange


@dataclass(frozen=True, slots=True)
class NotificationAdded:
    """A notification reached its recipient's log (blocks, mutes and self-actions applied)."""

    logged: NotificationLogged


@dataclass(frozen=True, slots=True)
class TagEntryWritten:
    """An entry reached (or left) one of a popular tag's write shards: for its read side."""

    tag: str
    entry: TagEntry
    present: bool = True


Change = (
    PostRemoved
    | Added
    | Removed
    | ChangeLogged
    | CategoryLogged
    | NotificationAdded
    | TagEntryWritten
    | Commented
    | UploadCompleted
    | AvatarReplaced
    | DeletionDue
)


def change_of(record: Mapping[str, Any]) -> Change | None:
    """The change a record carries, or None for records the fan-out does not act on."""
    event = record.get("eventName")
    images = record.get("dynamodb") or {}
    if event == "MODIFY":
        return _modified(images.get("OldImage") or {}, images.get("NewImage") or {})
    image = images.get("NewImage") if event == "INSERT" else images.get("OldImage")
    if event not in ("INSERT", "REMOVE") or not image:
        return None
    kind = image.get("type", {}).get("S")
    if kind == "AccountDeletion":
        return _deletion_due(image) if event == "INSERT" else None
    if kind == "Post":
        # A new post reaches feeds through its POST_CREATED entry (ChangeLogged).
        if event == "INSERT":
            return None
        media = tuple(media_from_value(v) for v in image.get("media", {}).get("L", []))
        return PostRemoved(image["id"]["S"], image["authorId"]["S"], media)
    if kind == "User" and event == "REMOVE" and "avatar" in image:
        return AvatarReplaced(image["id"]["S"], media_from_value(image["avatar"]))
    if kind == "Change" and event == "INSERT":
        logged = change_from_item(image)
        topic = image["topic"]["S"]
        if topic == author_topic(logged.author_id):
            return ChangeLogged(logged)
        category = topic_category(topic)
        return CategoryLogged(category, logged) if category is not None else None
    if kind == "TagEntry" and tag_shard_of_partition(image["PK"]["S"]):
        entry = TagEntry(image["postId"]["S"], image["authorId"]["S"], image["createdAt"]["S"])
        return TagEntryWritten(image["tag"]["S"], entry, present=event == "INSERT")
    if kind == "NotificationChange" and event == "INSERT":
        return NotificationAdded(logged_from_item(image["SK"]["S"], image))
    if kind in ("Follow", "Like", "CommentLike", "Repost"):
        edge = _edge(kind, image)
        return Added(edge) if event == "INSERT" else Removed(edge)
    if kind == "Comment" and event == "INSERT":
        ids = image["postId"]["S"], image["id"]["S"], image["authorId"]["S"]
        replied_to = image.get("parentAuthorId", {}).get("S")
        return Commented(*ids, image["createdAt"]["S"], image["body"]["S"], replied_to)
    return None


def _deletion_due(image: Mapping[str, Any]) -> DeletionDue | None:
    deletion = deletion_from_item(image)
    return DeletionDue(deletion) if deletion.status is DeletionStatus.RUNNING else None


def _edge(kind: str, image: Mapping[str, Any]) -> Edge:
    at = image["createdAt"]["S"]
    if kind == "Follow":
        return Follow(image["followerId"]["S"], image["followeeId"]["S"], at)
    if kind == "CommentLike":
        ids = image["postId"]["S"], image["commentId"]["S"], image["userId"]["S"]
        return CommentLike(*ids, image["commentAuthorId"]["S"], at)
    if kind == "Repost":
        by = image["postId"]["S"], image["userId"]["S"], image["authorId"]["S"]
        return Repost(*by, image["postCreatedAt"]["S"], at)
    return Like(image["postId"]["S"], image["userId"]["S"], at)


def _modified(old: Mapping[str, Any], new: Mapping[str, Any]) -> Change | None:
    kind = new.get("type", {}).get("S")
    if kind == "AccountDeletion":
        return _deletion_due(new)
    if kind == "Upload":
        before, after = old.get("status", {}).get("S"), new.get("status", {}).get("S")
        if before == UploadStatus.PENDING and after == UploadStatus.PROCESSING:
            return UploadCompleted(new["ownerId"]["S"], new["id"]["S"])
    elif kind == "User" and "avatar" in old:
        previous = media_from_value(old["avatar"])
        current = media_from_value(new["avatar"]).id if "avatar" in new else None
        if previous.id != current:
            return AvatarReplaced(new["id"]["S"], previous)
    return None
