"""Keys and items of the hybrid feed: pull markers in a follower's feed partition."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from store.keys import feed_partition

if TYPE_CHECKING:
    from core.models import PullAccount
    from store.items import Item

#: Above every entry's `<createdAt>#<pid>`, so a newest-first Query returns markers first.
PULL_PREFIX: Final = "PULL#"


def pull_marker_key(owner_id: str, author_id: str) -> dict[str, str]:
    return {"PK": feed_partition(owner_id), "SK": f"{PULL_PREFIX}{author_id}"}


def pull_marker_item(owner_id: str, pull: PullAccount) -> Item:
    """No TTL: it lasts as long as the follow (an unfollow removes it with the entries)."""
    key = pull_marker_key(owner_id, pull.author_id)
    return {
        "PK": {"S": key["PK"]},
        "SK": {"S": key["SK"]},
        "type": {"S": "PullMarker"},
        "authorId": {"S": pull.author_id},
        "since": {"S": pull.since},
    }
