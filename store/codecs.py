"""Item <-> domain codecs. Items are low-level AttributeValue maps (no boto3 resource layer)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core.models import Post, UserProfile
from store.keys import Key, post_index_keys, post_key, user_key

if TYPE_CHECKING:
    from collections.abc import Mapping

Item = dict[str, Any]

POST_TYPE = "Post"
USER_TYPE = "User"


def attribute_values(key: Key) -> Item:
    return {name: {"S": value} for name, value in key.items()}


def post_to_item(post: Post) -> Item:
    return {
        **attribute_values(post_key(post.id)),
        **attribute_values(
            post_index_keys(post.id, post.author_id, post.category, post.created_at)
        ),
        "type": {"S": POST_TYPE},
        "id": {"S": post.id},
        "authorId": {"S": post.author_id},
        "title": {"S": post.title},
        "body": {"S": post.body},
        "category": {"S": post.category},
        "createdAt": {"S": post.created_at},
        "updatedAt": {"S": post.updated_at},
        "version": {"N": str(post.version)},
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
        version=int(item["version"]["N"]),
    )


def user_to_item(user: UserProfile) -> Item:
    return {
        **attribute_values(user_key(user.id)),
        "type": {"S": USER_TYPE},
        "id": {"S": user.id},
        "handle": {"S": user.handle},
        "displayName": {"S": user.display_name},
        "createdAt": {"S": user.created_at},
    }


def user_from_item(item: Mapping[str, Any]) -> UserProfile:
    return UserProfile(
        id=item["id"]["S"],
        handle=item["handle"]["S"],
        display_name=item["displayName"]["S"],
        created_at=item["createdAt"]["S"],
    )
