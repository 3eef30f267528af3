"""The discovery rows: a hashtag page and a people search, beside their plain-boto3 floors."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from bench.measure import Row
from bench.plain import Item, attributes, next_token, number, respond, string
from core.hashtags import TagEntry
from core.search import fold
from fanout.hashtags import HashtagIndexer
from store.discovery_keys import people_partition, tag_partition
from store.keys import like_key, post_key, user_key
from store.safety_keys import visibility_key
from store.tag_timelines import TagEntryChange

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

    from bench.fixture import World
    from store.cursors import CursorCodec

TAG = "bench"
POPULAR_TAG = "benchbusy"
#: Matches user1 and user10 to user19 of the fixture: 11 people.
PEOPLE_QUERY = "user1"
HASHTAG = """query Hashtag($tag: String!, $limit: Int!) { hashtag(tag: $tag) {
  posts(limit: $limit) { items { id title likeCount viewerHasLiked createdAt
  author { id handle displayName } } nextToken } } }"""
SEARCH = """query Search($q: String!, $limit: Int!) { searchUsers(query: $q, limit: $limit) {
  items { id handle displayName } nextToken } }"""


def seed(world: World, posts: int = 40) -> None:
    """Posts under one tag, and as many under a popular one spread over 4 write shards
    (head and a chunk on its read side), indexed as the stream fan-out indexes them."""
    from bench.fixture import AUTHORS

    indexer = HashtagIndexer(world.store)
    world.store.hashtags.grow(POPULAR_TAG, 4)
    for n in range(posts):
        post = world.store.posts.create(
            author_id=AUTHORS[n % len(AUTHORS)],
            title=f"Tagged {n}",
            body=f"#{TAG} #{POPULAR_TAG} " + "x" * 200,
            category="tech",
        )
        indexer.retag(post.id)
        # What the fan-out absorbs from the write shard's stream record, once per batch.
        entry = TagEntry(post.id, post.author_id, post.created_at)
        world.store.tag_timelines.absorb(POPULAR_TAG, [TagEntryChange(entry)])


def _request(event: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    viewer = event["requestContext"]["authorizer"]["jwt"]["claims"]["sub"]
    variables: dict[str, Any] = json.loads(event["body"]).get("variables") or {}
    return viewer, variables


def _entries(item: Item) -> list[Item]:
    """A shard-0 item's entries as plain entry items, with the key of the item holding them."""
    name = string(item, "SK")
    if "postId" in item:
        return [{**item, "holder": {"S": name}}]
    codes = [v["S"] for v in item.get("head" if name == "~SHARDS" else "entries", {}).get("L", [])]
    entries = []
    for code in sorted(codes, reverse=True):
        created_at, post_id, author_id = code.split("#", 2)
        entries.append(
            {
                "SK": {"S": f"{created_at}#{post_id}"},
                "postId": {"S": post_id},
                "authorId": {"S": author_id},
                "holder": {"S": name},
            }
        )
    return entries


def _person(item: Item) -> dict[str, Any]:
    return {
        "id": string(item, "id"),
        "handle": string(item, "handle"),
        "displayName": string(item, "displayName"),
    }


class DiscoveryFloor:
    def __init__(self, dynamodb: DynamoDBClient, table: str, cursors: CursorCodec) -> None:
        self.db, self.table, self.cursors = dynamodb, table, cursors

    def _get(self, keys: list[Item]) -> dict[tuple[str, str], Item]:
        unique = list({(string(k, "PK"), string(k, "SK")): k for k in keys}.values())
        response = self.db.batch_get_item(RequestItems={self.table: {"Keys": unique}})
        return {(string(i, "PK"), string(i, "SK")): i for i in response["Responses"][self.table]}

    def hashtag_page(self, event: dict[str, Any]) -> dict[str, Any]:
        """One Query of the tag's shard 0 (head, chunks, entries), then posts, authors, likes
        and the viewer's set."""
        viewer, variables = _request(event)
        limit, tag = variables["limit"], variables["tag"]
        page = self.db.query(
            TableName=self.table,
            KeyConditionExpression="PK = :pk",
            ExpressionAttributeValues={":pk": {"S": tag_partition(tag, 0)}},
            ScanIndexForward=False,
            Limit=limit + 2,
        )
        flat = [entry for item in page["Items"] for entry in _entries(item)]
        entries = flat[:limit]
        found = self._get(
            [attributes(visibility_key(viewer))]
            + [attributes(post_key(string(e, "postId"))) for e in entries]
            + [attributes(user_key(string(e, "authorId"))) for e in entries]
            + [attributes(like_key(string(e, "postId"), viewer)) for e in entries]
        )
        items = []
        for entry in entries:
            post = found[(f"POST#{string(entry, 'postId')}", "POST")]
            author = found[(f"USER#{string(post, 'authorId')}", "PROFILE")]
            items.append(
                {
                    "id": string(post, "id"),
                    "title": string(post, "title"),
                    "likeCount": number(post, "likeCount"),
                    "viewerHasLiked": (f"POST#{string(post, 'id')}", f"LIKE#{viewer}") in found,
                    "createdAt": string(post, "createdAt"),
                    "author": _person(author),
                }
            )
        token = None
        if len(flat) > limit:
            last = entries[-1]
            state = {"b": string(last, "SK"), "k": string(last, "holder")}
            token = self.cursors.encode(state, f"hashtag:{tag}")
        return respond({"hashtag": {"posts": {"items": items, "nextToken": token}}})

    def search(self, event: dict[str, Any]) -> dict[str, Any]:
        """One Query of the people index, then the profiles and the viewer's set."""
        viewer, variables = _request(event)
        limit, query = variables["limit"], fold(variables["q"])
        page = self.db.query(
            TableName=self.table,
            KeyConditionExpression="PK = :pk AND begins_with(SK, :q)",
            ExpressionAttributeValues={":pk": {"S": people_partition(query)}, ":q": {"S": query}},
            Limit=limit + 1,
        )
        rows = page["Items"][:limit]
        ids = [
            string(r, "userId")
            for r in rows
            if string(r, "SK") == min(sk for sk in r["sortKeys"]["SS"] if sk.startswith(query))
        ]
        found = self._get(
            [attributes(visibility_key(viewer))] + [attributes(user_key(u)) for u in ids]
        )
        items = [_person(found[(f"USER#{u}", "PROFILE")]) for u in ids]
        token = next_token(
            self.cursors, page["Items"], limit, f"table:{people_partition(query)}:{query}"
        )
        return respond({"searchUsers": {"items": items, "nextToken": token}})


def rows(dynamodb: DynamoDBClient, table: str, cursors: CursorCodec) -> list[Row]:
    from bench import fixture

    floor = DiscoveryFloor(dynamodb, table, cursors)
    return [
        Row(
            "hashtag page of 20",
            lambda: iter(lambda: fixture.api_event(HASHTAG, {"tag": TAG, "limit": 20}), None),
            floor.hashtag_page,
            "as posts(category): 1 Query + 1 BatchGetItem (posts, authors, likes, the set)",
            1 + 3 * 20,
        ),
        Row(
            "popular hashtag page of 20",
            lambda: iter(
                lambda: fixture.api_event(HASHTAG, {"tag": POPULAR_TAG, "limit": 20}), None
            ),
            floor.hashtag_page,
            "a tag over 4 write shards, read from its compacted shard 0: as posts(category)",
            1 + 3 * 20,
        ),
        Row(
            "user search",
            lambda: iter(lambda: fixture.api_event(SEARCH, {"q": PEOPLE_QUERY, "limit": 20}), None),
            floor.search,
            "1 Query of the people index + 1 BatchGetItem (profiles, the set)",
            1 + 11,
        ),
    ]
