"""Pure key builders for the single table. See docs/DATA_MODEL.md for the layout."""

from __future__ import annotations

from typing import Final

Key = dict[str, str]

PROFILE: Final = "PROFILE"
POST: Final = "POST"
HANDLE: Final = "HANDLE"
REQUEST_TOKEN: Final = "TOKEN"

#: GSI3's single partition listing every post newest first (see DATA_MODEL.md on its limits).
ALL_POSTS_PARTITION: Final = "POSTS"


def user_key(user_id: str) -> Key:
    return {"PK": f"USER#{user_id}", "SK": PROFILE}


def handle_key(handle: str) -> Key:
    return {"PK": f"HANDLE#{handle.lower()}", "SK": HANDLE}


def post_key(post_id: str) -> Key:
    return {"PK": f"POST#{post_id}", "SK": POST}


def request_token_key(user_id: str, token: str) -> Key:
    """Remembers which post a client request token created, per user."""
    return {"PK": f"TOKEN#{user_id}#{token}", "SK": REQUEST_TOKEN}


def post_sort_key(created_at: str, post_id: str) -> str:
    """Index sort key: creation time first so pages come newest first, id to break ties."""
    return f"{created_at}#{post_id}"


def category_partition(category: str) -> str:
    return f"CAT#{category}"


def author_partition(user_id: str) -> str:
    return f"AUTHOR#{user_id}"


def post_index_keys(post_id: str, author_id: str, category: str, created_at: str) -> Key:
    """GSI1 (by category), GSI2 (by author) and GSI3 (all posts) keys of a post."""
    sort = post_sort_key(created_at, post_id)
    return {
        "GSI1PK": category_partition(category),
        "GSI1SK": sort,
        "GSI2PK": author_partition(author_id),
        "GSI2SK": sort,
        "GSI3PK": ALL_POSTS_PARTITION,
        "GSI3SK": sort,
    }
