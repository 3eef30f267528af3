"""Pure key builders for the single table. See docs/DATA_MODEL.md for the layout."""

from __future__ import annotations

from typing import Final

Key = dict[str, str]

PROFILE: Final = "PROFILE"
POST: Final = "POST"
HANDLE: Final = "HANDLE"
REQUEST_TOKEN: Final = "TOKEN"
#: Comments sort right after their post (SK "POST" < "POST#COMMENT#..."), likes before it, so one
#: Query with begins_with(SK, "POST") reads a post and its oldest comments.
COMMENT_PREFIX: Final = "POST#COMMENT#"
LIKE_PREFIX: Final = "LIKE#"
FOLLOWS_PREFIX: Final = "FOLLOWS#"

#: GSI3's single partition listing every post newest first (see DATA_MODEL.md on its limits).
ALL_POSTS_PARTITION: Final = "POSTS"


def user_key(user_id: str) -> Key:
    return {"PK": f"USER#{user_id}", "SK": PROFILE}


def handle_key(handle: str) -> Key:
    return {"PK": f"HANDLE#{handle.lower()}", "SK": HANDLE}


def post_key(post_id: str) -> Key:
    return {"PK": f"POST#{post_id}", "SK": POST}


def comment_key(post_id: str, comment_id: str) -> Key:
    return {"PK": f"POST#{post_id}", "SK": f"{COMMENT_PREFIX}{comment_id}"}


def like_key(post_id: str, user_id: str) -> Key:
    return {"PK": f"POST#{post_id}", "SK": f"{LIKE_PREFIX}{user_id}"}


def follow_key(follower_id: str, followee_id: str) -> Key:
    return {"PK": f"USER#{follower_id}", "SK": f"{FOLLOWS_PREFIX}{followee_id}"}


def upload_key(user_id: str, upload_id: str) -> Key:
    return {"PK": f"USER#{user_id}", "SK": f"UPLOAD#{upload_id}"}


def incoming_object_key(user_id: str, upload_id: str) -> str:
    """Where the browser's POST lands; a lifecycle rule expires what is never completed."""
    return f"uploads/{user_id}/{upload_id}"


def media_object_key(user_id: str, upload_id: str) -> str:
    """Where a verified upload lives once completed (re-encoded, for images)."""
    return f"media/{user_id}/{upload_id}"


def media_variant_key(user_id: str, upload_id: str, width: int) -> str:
    """A display variant of an image, beside its original."""
    return f"media/{user_id}/{upload_id}/w{width}"


def feed_partition(owner_id: str) -> str:
    return f"FEED#{owner_id}"


def feed_key(owner_id: str, created_at: str, post_id: str) -> Key:
    """Deterministic, so writing the same entry twice (a retried fan-out) changes nothing."""
    return {"PK": feed_partition(owner_id), "SK": post_sort_key(created_at, post_id)}


def request_token_key(user_id: str, token: str) -> Key:
    """Remembers which post a client request token created, per user."""
    return {"PK": f"TOKEN#{user_id}#{token}", "SK": REQUEST_TOKEN}


def post_sort_key(created_at: str, post_id: str) -> str:
    """Index sort key: creation time first so pages come newest first, id to break ties."""
    return f"{created_at}#{post_id}"


def category_partition(category: str) -> str:
    """GSI1: a category's posts."""
    return f"CAT#{category}"


def author_partition(user_id: str) -> str:
    """GSI2: an author's posts."""
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


def followers_partition(user_id: str) -> str:
    """GSI1: who follows a user."""
    return f"FOLLOWERS#{user_id}"


def following_partition(user_id: str) -> str:
    """GSI2: whom a user follows."""
    return f"FOLLOWING#{user_id}"


def follow_index_keys(follower_id: str, followee_id: str, created_at: str) -> Key:
    """GSI1: a user's followers; GSI2: whom a user follows; both newest first."""
    return {
        "GSI1PK": followers_partition(followee_id),
        "GSI1SK": f"{created_at}#{follower_id}",
        "GSI2PK": following_partition(follower_id),
        "GSI2SK": f"{created_at}#{followee_id}",
    }


#: The change log's topic of every post event; `postEvents` without a filter reads it.
ALL_TOPIC: Final = "all"
FEED_TOPIC_PREFIX: Final = "feed:"


CATEGORY_TOPIC_PREFIX: Final = "cat:"


def category_topic(category: str) -> str:
    return f"{CATEGORY_TOPIC_PREFIX}{category}"


def topic_category(topic: str) -> str | None:
    """The category a category topic is of; None for any other topic."""
    if not topic.startswith(CATEGORY_TOPIC_PREFIX):
        return None
    return topic.removeprefix(CATEGORY_TOPIC_PREFIX)


def author_topic(user_id: str) -> str:
    return f"author:{user_id}"


def post_topic(category: str | None, author_id: str | None) -> str:
    """The topic a poll of post events reads: one category, one author, or every post."""
    if category is not None:
        return category_topic(category)
    if author_id is not None:
        return author_topic(author_id)
    return ALL_TOPIC


def feed_topic(owner_id: str) -> str:
    return f"{FEED_TOPIC_PREFIX}{owner_id}"


def feed_log_partition(owner_id: str) -> str:
    return f"FEEDLOG#{owner_id}"


def post_topics(author_id: str, category: str) -> tuple[str, ...]:
    """Every topic an event of a post is logged under, in the post's own transaction."""
    return ALL_TOPIC, category_topic(category), author_topic(author_id)


def change_partition(topic: str) -> str:
    return f"CHANGES#{topic}"


def change_position(stamp: str, event_id: str) -> str:
    """Sort key within a topic: time first, the event id to break ties and make it unique."""
    return f"{stamp}#{event_id}"


def change_key(topic: str, stamp: str, event_id: str) -> Key:
    return {"PK": change_partition(topic), "SK": change_position(stamp, event_id)}


def feed_change_key(owner_id: str, event_id: str) -> Key:
    """A feed's copy of an event: keyed by the event, so a retried fan-out rewrites, not adds."""
    return {"PK": change_partition(feed_topic(owner_id)), "SK": f"EVENT#{event_id}"}


def feed_change_index_keys(owner_id: str, stamp: str, event_id: str) -> Key:
    """GSI1 orders a feed's events by the time the fan-out wrote them."""
    return {
        "GSI1PK": feed_log_partition(owner_id),
        "GSI1SK": change_position(stamp, event_id),
    }


def fanout_marker_key(event_id: str, part: int = 0) -> Key:
    """Written when the fan-out first takes a part of an event (the first invocation's part 0,
    each continuation's next); its presence marks a retry of that part."""
    return {"PK": f"FANOUT#{event_id}", "SK": "FANOUT" if part == 0 else f"PART#{part}"}


def fanout_part_done_key(run: str, part: int) -> Key:
    """Written once a part of a multi-part fan-out made its writes and queued its successor:
    a later delivery of that part (a duplicate message, a retried stream record) stops there."""
    return {"PK": f"FANOUT#{run}", "SK": f"DONE#{part}"}
