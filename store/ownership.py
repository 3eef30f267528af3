"""Everything a person owns and where to find it: the ONE registry that account deletion and
export read (docs/ACCOUNTS.md, docs/DATA_MODEL.md).

A new kind of item a person owns is declared here once: a `Source` saying where a person's
items of that kind are (their own partition, a per-person index partition, or `owned_index_keys`
for items under someone else's key), and, when deleting it must move a counter or another item,
its `type` in `COUNTED_TYPES` (store/accounts.py removes those through their repository).
Everything else a source finds is deleted as it is.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from store.keys import (
    author_partition,
    author_topic,
    change_partition,
    feed_partition,
    feed_topic,
    followers_partition,
    following_partition,
    incoming_object_key,
    media_object_key,
)
from store.limit_keys import limit_partition
from store.notification_keys import notification_partition, notify_topic
from store.owner_keys import export_object_key, owned_partition
from store.repost_keys import feed_seen_key
from store.safety_keys import blocking_partition, muting_partition, reporter_partition


@dataclass(frozen=True, slots=True)
class Source:
    """Where one kind of a person's items is: a table partition or an index partition."""

    name: str
    partition: Callable[[str], str]
    #: None: the table's own partition key; else "GSI1" / "GSI2" / "GSI3".
    index: str | None = None
    #: Only items whose sort key starts so (a partition shared with other kinds).
    sort_prefix: str | None = None
    #: Whether the person's export carries these items.
    exported: bool = True


def _owned(kind: str) -> Callable[[str], str]:
    return lambda user_id: owned_partition(kind, user_id)


#: In deletion order. Reposts first: a removed repost's stream record takes it out of the
#: feeds of the reposter's followers, so those must still be there. Then followers: with them
#: gone, deleting posts reaches nobody's feed, and each removed follow's stream record empties
#: that follower's feed of the person's posts.
#: The person's own partition last: its suspension marker refuses their writes until the end.
SOURCES: Final[tuple[Source, ...]] = (
    Source("reposts", _owned("repost"), index="GSI2"),
    # Who follows them, and who did what to their posts, are others' doings: not exported.
    Source("followers", followers_partition, index="GSI1", exported=False),
    Source("following", following_partition, index="GSI2"),
    Source("posts", author_partition, index="GSI2"),
    Source("comment likes", _owned("comment like"), index="GSI3"),
    Source("comments", _owned("comment"), index="GSI3"),
    Source("likes", _owned("like"), index="GSI2"),
    Source("blocks", blocking_partition, index="GSI2"),
    Source("mutes", muting_partition, index="GSI2"),
    Source("reports filed", reporter_partition, index="GSI2"),
    Source("request tokens", _owned("token"), index="GSI2", exported=False),
    Source("home feed", feed_partition, exported=False),  # entries and pull markers
    Source("posts seen through reposts", lambda u: feed_seen_key(u, "")["PK"], exported=False),
    Source("home feed log", lambda u: change_partition(feed_topic(u)), exported=False),
    Source("post log", lambda u: change_partition(author_topic(u)), exported=False),
    Source("notifications", notification_partition, exported=False),
    Source("notification log", lambda u: change_partition(notify_topic(u)), exported=False),
    Source("write limits", limit_partition, exported=False),
    Source("account", lambda u: f"USER#{u}"),
)

#: Item types whose deletion moves something else (a count, a visibility set, a handle).
COUNTED_TYPES: Final = frozenset(
    {
        "Follow",
        "Post",
        "Comment",
        "CommentLike",
        "Like",
        "Repost",
        "Block",
        "Mute",
        "Report",
        "User",
    }
)

#: Object key prefixes of a person's files in the media bucket (store/keys.py).
OBJECT_PREFIXES: Final[tuple[Callable[[str], str], ...]] = (
    lambda u: incoming_object_key(u, ""),
    lambda u: media_object_key(u, ""),
    lambda u: export_object_key(u, "").removesuffix(".zip"),
)
