"""Item <-> domain codecs. Items are low-level AttributeValue maps (no boto3 resource layer)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core.models import FeedEntry, Post, Upload, UploadStatus, UserProfile
from store.items import Item
from store.keys import (
    Key,
    feed_key,
    follow_index_keys,
    follow_key,
    like_key,
    post_index_keys,
    post_key,
    upload_key,
    user_key,
)
from store.media_codecs import focus_from_value, focus_to_value

# Re-exported: posts and profiles carry media (their home is store/media_codecs.py).
from store.media_codecs import media_from_value as media_from_value
from store.media_codecs import media_to_value as media_to_value
from store.owner_keys import owned_index_keys
from store.table import TTL_ATTRIBUTE

if TYPE_CHECKING:
    from collections.abc import Mapping


def attribute_values(key: Key) -> Item:
    return {name: {"S": value} for name, value in key.items()}


def key_of(item: Mapping[str, Any]) -> tuple[str, str]:
    return item["PK"]["S"], item["SK"]["S"]


def _count(item: Mapping[str, Any], name: str) -> int:
    return int(item[name]["N"]) if name in item else 0


def post_to_item(post: Post) -> Item:
    return {
        **attribute_values(post_key(post.id)),
        **attribute_values(
            post_index_keys(post.id, post.author_id, post.category, post.created_at)
        ),
        "type": {"S": "Post"},
        "id": {"S": post.id},
        "authorId": {"S": post.author_id},
        "title": {"S": post.title},
        "body": {"S": post.body},
        "category": {"S": post.category},
        "createdAt": {"S": post.created_at},
        "updatedAt": {"S": post.updated_at},
        # The stamp of the post's latest change-log event (see store/change_items.py).
        "changedAt": {"S": post.updated_at},
        "version": {"N": str(post.version)},
        "likeCount": {"N": str(post.like_count)},
        "commentCount": {"N": str(post.comment_count)},
        "repostCount": {"N": str(post.repost_count)},
        "media": {"L": [media_to_value(m) for m in post.media]},
    }


def post_from_item(item: Mapping[str, Any]) -> Post:
    return Post(
        id=item["id"]["S"],
        author_id=item["authorId"]["S"],
        title=item["title"]["S"],
        body=item["body"]["S"],
        category=item["category"]["S"],
        created_at=item["createdAt"]["S"],
        updated_at=item["updatedAt"]["S"],
        edited_at=item["editedAt"]["S"] if "editedAt" in item else None,
        version=int(item["version"]["N"]),
        like_count=_count(item, "likeCount"),
        comment_count=_count(item, "commentCount"),
        media=tuple(media_from_value(v) for v in item.get("media", {}).get("L", [])),
        repost_count=_count(item, "repostCount"),
    )


def user_to_item(user: UserProfile) -> Item:
    return {
        **attribute_values(user_key(user.id)),
        "type": {"S": "User"},
        "id": {"S": user.id},
        "handle": {"S": user.handle},
        "displayName": {"S": user.display_name},
        "bio": {"S": user.bio},
        "createdAt": {"S": user.created_at},
        "followerCount": {"N": str(user.follower_count)},
        "followingCount": {"N": str(user.following_count)},
        **({"avatar": media_to_value(user.avatar)} if user.avatar else {}),
    }


def user_from_item(item: Mapping[str, Any]) -> UserProfile:
    return UserProfile(
        id=item["id"]["S"],
        handle=item["handle"]["S"],
        display_name=item["displayName"]["S"],
        created_at=item["createdAt"]["S"],
        bio=item.get("bio", {}).get("S", ""),
        follower_count=_count(item, "followerCount"),
        following_count=_count(item, "followingCount"),
        avatar=media_from_value(item["avatar"]) if "avatar" in item else None,
    )


def like_to_item(post_id: str, user_id: str, created_at: str) -> Item:
    return {
        **attribute_values(like_key(post_id, user_id)),
        **attribute_values(owned_index_keys("like", user_id, f"{created_at}#{post_id}")),
        "type": {"S": "Like"},
        "postId": {"S": post_id},
        "userId": {"S": user_id},
        "createdAt": {"S": created_at},
    }


def follow_to_item(follower_id: str, followee_id: str, created_at: str) -> Item:
    return {
        **attribute_values(follow_key(follower_id, followee_id)),
        **attribute_values(follow_index_keys(follower_id, followee_id, created_at)),
        "type": {"S": "Follow"},
        "followerId": {"S": follower_id},
        "followeeId": {"S": followee_id},
        "createdAt": {"S": created_at},
    }


def feed_entry_to_item(entry: FeedEntry, expires_at: int) -> Item:
    item: Item = {
        **attribute_values(feed_key(entry.owner_id, entry.created_at, entry.post_id)),
        "type": {"S": "FeedEntry"},
        "postId": {"S": entry.post_id},
        "authorId": {"S": entry.author_id},
        "createdAt": {"S": entry.created_at},
        TTL_ATTRIBUTE: {"N": str(expires_at)},
    }
    if entry.reposted_by is not None:
        item["repostedBy"] = {"S": entry.reposted_by}
    return item


def feed_entry_from_item(item: Mapping[str, Any]) -> FeedEntry:
    return FeedEntry(
        owner_id=item["PK"]["S"].removeprefix("FEED#"),
        post_id=item["postId"]["S"],
        # Entries written before feeds carried the author read as "" (unknown until the post
        # is loaded): the feed then loads their authors one round trip later.
        author_id=item.get("authorId", {}).get("S", ""),
        created_at=item["createdAt"]["S"],
        reposted_by=item["repostedBy"]["S"] if "repostedBy" in item else None,
    )


def upload_to_item(upload: Upload, expires_at_epoch: int) -> Item:
    item: Item = {
        **attribute_values(upload_key(upload.owner_id, upload.id)),
        "type": {"S": "Upload"},
        "id": {"S": upload.id},
        "ownerId": {"S": upload.owner_id},
        "contentType": {"S": upload.content_type},
        "size": {"N": str(upload.size)},
        "filename": {"S": upload.filename},
        "status": {"S": upload.status},
        "createdAt": {"S": upload.created_at},
        "uploadExpiresAt": {"S": upload.expires_at},
        TTL_ATTRIBUTE: {"N": str(expires_at_epoch)},
    }
    if upload.alt_text:
        item["altText"] = {"S": upload.alt_text}
    if upload.focus is not None:
        item["focus"] = focus_to_value(upload.focus)
    if upload.processed is not None:
        item["processed"] = media_to_value(upload.processed)
    return item


def upload_from_item(item: Mapping[str, Any]) -> Upload:
    return Upload(
        id=item["id"]["S"],
        owner_id=item["ownerId"]["S"],
        content_type=item["contentType"]["S"],
        size=int(item["size"]["N"]),
        filename=item["filename"]["S"],
        status=UploadStatus(item["status"]["S"]),
        created_at=item["createdAt"]["S"],
        expires_at=item["uploadExpiresAt"]["S"],
        reason=item.get("reason", {}).get("S"),
        attached_to=item.get("attachedTo", {}).get("S"),
        alt_text=item.get("altText", {}).get("S", ""),
        focus=focus_from_value(item["focus"]) if "focus" in item else None,
        processed=media_from_value(item["processed"]) if "processed" in item else None,
    )
