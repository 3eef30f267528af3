"""What a DynamoDB stream record means for the fan-out, decoded from its images."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from core.models import Post
from store.codecs import post_from_item


@dataclass(frozen=True, slots=True)
class PostPublished:
    post: Post


@dataclass(frozen=True, slots=True)
class PostRemoved:
    post_id: str


@dataclass(frozen=True, slots=True)
class Followed:
    follower_id: str
    followee_id: str


@dataclass(frozen=True, slots=True)
class Unfollowed:
    follower_id: str
    followee_id: str


Change = PostPublished | PostRemoved | Followed | Unfollowed


def change_of(record: Mapping[str, Any]) -> Change | None:
    """The change a record carries, or None for records the fan-out does not act on."""
    event = record.get("eventName")
    images = record.get("dynamodb") or {}
    image = images.get("NewImage") if event == "INSERT" else images.get("OldImage")
    if event not in ("INSERT", "REMOVE") or not image:
        return None
    kind = image.get("type", {}).get("S")
    if kind == "Post":
        if event == "INSERT":
            return PostPublished(post_from_item(image))
        return PostRemoved(image["id"]["S"])
    if kind == "Follow":
        follower, followee = image["followerId"]["S"], image["followeeId"]["S"]
        return Followed(follower, followee) if event == "INSERT" else Unfollowed(follower, followee)
    return None
