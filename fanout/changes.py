"""What a DynamoDB stream record means for the fan-out, decoded from its images."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from core.models import LoggedChange
from store.change_items import change_from_item
from store.keys import author_topic


@dataclass(frozen=True, slots=True)
class PostRemoved:
    post_id: str


@dataclass(frozen=True, slots=True)
class Followed:
    follower_id: str
    followee_id: str
    created_at: str = ""


@dataclass(frozen=True, slots=True)
class Unfollowed:
    follower_id: str
    followee_id: str
    created_at: str = ""


@dataclass(frozen=True, slots=True)
class Liked:
    post_id: str
    user_id: str
    created_at: str


@dataclass(frozen=True, slots=True)
class Unliked:
    post_id: str
    user_id: str
    created_at: str


@dataclass(frozen=True, slots=True)
class Commented:
    post_id: str
    comment_id: str
    author_id: str
    created_at: str
    body: str = ""


@dataclass(frozen=True, slots=True)
class ChangeLogged:
    """A post event, seen through its author-topic entry: one per event, spread over shards."""

    event: LoggedChange


Change = PostRemoved | Followed | Unfollowed | ChangeLogged | Liked | Unliked | Commented


def change_of(record: Mapping[str, Any]) -> Change | None:
    """The change a record carries, or None for records the fan-out does not act on."""
    event = record.get("eventName")
    images = record.get("dynamodb") or {}
    image = images.get("NewImage") if event == "INSERT" else images.get("OldImage")
    if event not in ("INSERT", "REMOVE") or not image:
        return None
    kind = image.get("type", {}).get("S")
    if kind == "Post":
        # A new post reaches feeds through its POST_CREATED entry (ChangeLogged).
        return PostRemoved(image["id"]["S"]) if event == "REMOVE" else None
    if kind == "Change" and event == "INSERT":
        logged = change_from_item(image)
        if image["topic"]["S"] == author_topic(logged.author_id):
            return ChangeLogged(logged)
        return None
    if kind == "Follow":
        follower, followee = image["followerId"]["S"], image["followeeId"]["S"]
        at = image["createdAt"]["S"]
        if event == "INSERT":
            return Followed(follower, followee, at)
        return Unfollowed(follower, followee, at)
    if kind == "Like":
        like = image["postId"]["S"], image["userId"]["S"], image["createdAt"]["S"]
        return Liked(*like) if event == "INSERT" else Unliked(*like)
    if kind == "Comment" and event == "INSERT":
        ids = image["postId"]["S"], image["id"]["S"], image["authorId"]["S"]
        return Commented(*ids, image["createdAt"]["S"], image["body"]["S"])
    return None
