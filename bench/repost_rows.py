"""The feed-with-reposts row of `make bench`: a page of 20, every other post there by a repost.

`seed_reposted_feed` writes the entries the fan-out would have written for a reposter's
follower; `RepostFeedFloor` reads them with the same two round trips in plain boto3 (the
entries, then one batch of posts, authors, reposters, the viewer's likes, reposts and
visibility set) and builds the same JSON by hand.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from bench.measure import Row
from bench.plain import (
    Item,
    attributes,
    feed_items,
    get_many,
    next_token,
    number,
    respond,
    string,
)
from store.keys import feed_partition, like_key, post_key, user_key
from store.repost_keys import repost_key
from store.safety_keys import visibility_key

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

    from bench.fixture import World
    from store.cursors import CursorCodec

WITH_REPOSTS = """query Feed($limit: Int!) { feed(limit: $limit) { entries { post { id title body
  likeCount commentCount viewerHasLiked viewerHasReposted repostCount author { id handle } }
  repostedBy { id handle } } nextToken } }"""
REPOST_VIEWER = "01HZBENCHREP0STS0000000000"
REPOSTERS = 5


def seed_reposted_feed(world: World, owner: str = REPOST_VIEWER) -> None:
    """The viewer's feed again for `owner`, every other post reposted by one of 5 people."""
    from bench import fixture
    from core.models import FeedEntry

    posts = world.store.feeds.page(fixture.VIEWER, 100, None, 0).entries
    world.store.feeds.add(
        FeedEntry(
            owner,
            e.post_id,
            e.author_id,
            e.created_at,
            fixture.AUTHORS[n % REPOSTERS] if n % 2 else None,
        )
        for n, e in enumerate(posts)
    )


def _person(item: Item | None) -> dict[str, Any] | None:
    return None if item is None else {"id": string(item, "id"), "handle": string(item, "handle")}


class RepostFeedFloor:
    def __init__(self, dynamodb: DynamoDBClient, table: str, cursors: CursorCodec) -> None:
        self.db, self.table, self.cursors = dynamodb, table, cursors

    def feed(self, event: dict[str, Any]) -> dict[str, Any]:
        viewer = event["requestContext"]["authorizer"]["jwt"]["claims"]["sub"]
        limit = int(json.loads(event["body"])["variables"]["limit"])
        page = {"Items": feed_items(self.db, self.table, viewer, limit)}
        entries = page["Items"][:limit]
        ids = [string(e, "postId") for e in entries]
        people = {string(e, "authorId") for e in entries}
        people |= {string(e, "repostedBy") for e in entries if "repostedBy" in e}
        keys = [post_key(p) for p in ids] + [user_key(u) for u in people]
        keys += [like_key(p, viewer) for p in ids] + [repost_key(p, viewer) for p in ids]
        keys.append(visibility_key(viewer))
        found = get_many(self.db, self.table, [attributes(k) for k in keys])
        items = []
        for entry in entries:
            post = found.get((f"POST#{string(entry, 'postId')}", "POST"))
            if post is None:
                continue
            reposter = string(entry, "repostedBy") if "repostedBy" in entry else None
            items.append(
                {
                    "post": {
                        "id": string(post, "id"),
                        "title": string(post, "title"),
                        "body": string(post, "body"),
                        "likeCount": number(post, "likeCount"),
                        "commentCount": number(post, "commentCount"),
                        "viewerHasLiked": _found(found, like_key(string(post, "id"), viewer)),
                        "viewerHasReposted": _found(found, repost_key(string(post, "id"), viewer)),
                        "repostCount": number(post, "repostCount"),
                        "author": _person(found.get(_at(user_key(string(post, "authorId"))))),
                    },
                    "repostedBy": _person(found.get(_at(user_key(reposter)))) if reposter else None,
                }
            )
        token = next_token(self.cursors, page["Items"], limit, f"table:{feed_partition(viewer)}:")
        return respond({"feed": {"entries": items, "nextToken": token}})


def _at(key: dict[str, str]) -> tuple[str, str]:
    return key["PK"], key["SK"]


def _found(found: dict[tuple[str, str], Item], key: dict[str, str]) -> bool:
    return _at(key) in found


def repost_rows(world: World, cursors: CursorCodec) -> list[Row]:
    from bench import fixture

    seed_reposted_feed(world)
    floor = RepostFeedFloor(world.dynamodb, fixture.TABLE, cursors)
    return [
        Row(
            "feed with reposts, page of 20",
            lambda: iter(
                lambda: fixture.api_event(WITH_REPOSTS, {"limit": 20}, REPOST_VIEWER), None
            ),
            floor.feed,
            "2 round trips: 1 Query, then 1 BatchGetItem per 100 keys (posts, authors, "
            "reposters, the viewer's likes and reposts)",
            1 + 5 * 20,
        )
    ]
