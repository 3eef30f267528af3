"""Domain resolvers: plain functions of (context, source, arguments) -> domain values.

Importing this package registers every resolver in `resolvers.registry`.
"""

from resolvers import (
    changes,
    comments,
    entities,
    feed,
    meta,
    notifications,
    posts,
    social,
    uploads,
    users,
)

__all__ = [
    "changes",
    "comments",
    "entities",
    "feed",
    "meta",
    "notifications",
    "posts",
    "social",
    "uploads",
    "users",
]
