"""Domain resolvers: plain functions of (context, source, arguments) -> domain values.

Importing this package registers every resolver in `resolvers.registry`.
"""

from resolvers import (
    blocks,
    bookmarks,
    changes,
    comment_likes,
    comments,
    discovery,
    edits,
    entities,
    feed,
    meta,
    moderation,
    notifications,
    posts,
    reports,
    social,
    uploads,
    users,
)

__all__ = [
    "blocks",
    "bookmarks",
    "changes",
    "comment_likes",
    "comments",
    "discovery",
    "edits",
    "entities",
    "feed",
    "meta",
    "moderation",
    "notifications",
    "posts",
    "reports",
    "social",
    "uploads",
    "users",
]
