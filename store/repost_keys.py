"""Keys of reposts and of their feed entries."""

from __future__ import annotations

from typing import Final

from store.keys import Key

REPOST_PREFIX: Final = "REPOST#"


def repost_key(post_id: str, user_id: str) -> Key:
    """In the post's collection, after its comments: `begins_with(SK, "POST")` never reads it."""
    return {"PK": f"POST#{post_id}", "SK": f"{REPOST_PREFIX}{user_id}"}


def feed_seen_key(owner_id: str, post_id: str) -> Key:
    """Written with a repost's feed entry: the post already reached this feed by a repost, so
    another repost of it is not added (a post shows once per feed)."""
    return {"PK": f"FEEDSEEN#{owner_id}", "SK": post_id}
