"""The floor: each benchmarked operation written by hand with plain boto3, no GraphQL.

Each function takes the same API Gateway event as `handler.handler`, makes the same DynamoDB
calls (the benchmark checks the counts match), and returns the same JSON response. It is what a
GraphQL layer could at best add nothing to: anything ours spends above it is the price of
Strawberry, Mangum, Starlette, validation and the resolver layers.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any

from bench.plain import (
    Item,
    attributes,
    feed_items,
    log_entries,
    next_token,
    number,
    respond,
    string,
)
from bench.write_floor import WriteFloor
from core.clock import aws_datetime, utc_now
from store.cursors import CursorCodec
from store.keys import (
    ALL_TOPIC,
    feed_partition,
    like_key,
    post_key,
    user_key,
)

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient


class Floor(WriteFloor):
    def __init__(self, dynamodb: DynamoDBClient, table: str, secret: bytes) -> None:
        super().__init__(dynamodb, table)
        self.cursors = CursorCodec(secret)

    @staticmethod
    def _author(item: Item | None) -> dict[str, Any] | None:
        if item is None:
            return None
        return {
            "id": string(item, "id"),
            "handle": string(item, "handle"),
            "displayName": string(item, "displayName"),
        }

    def feed(self, event: dict[str, Any], limit: int = 20) -> dict[str, Any]:
        viewer, _ = self._request(event)
        page = {"Items": feed_items(self.db, self.table, viewer, limit)}
        entries = page["Items"][:limit]
        # Entries carry their author: posts, authors and likes go out in one batch
        related = self._get_many(
            [attributes(post_key(string(e, "postId"))) for e in entries]
            + [attributes(user_key(string(e, "authorId"))) for e in entries]
            + [attributes(like_key(string(e, "postId"), viewer)) for e in entries]
        )
        found = [related[(f"POST#{string(e, 'postId')}", "POST")] for e in entries]
        items = []
        for post in found:
            author = related.get((f"USER#{string(post, 'authorId')}", "PROFILE"))
            items.append(
                {
                    "id": string(post, "id"),
                    "title": string(post, "title"),
                    "body": string(post, "body"),
                    "likeCount": number(post, "likeCount"),
                    "commentCount": number(post, "commentCount"),
                    "viewerHasLiked": (f"POST#{string(post, 'id')}", f"LIKE#{viewer}") in related,
                    "createdAt": string(post, "createdAt"),
                    "author": self._author(author),
                }
            )
        token = next_token(self.cursors, page["Items"], limit, f"table:{feed_partition(viewer)}:")
        return respond({"feed": {"items": items, "nextToken": token}})

    def post_with_comments(self, event: dict[str, Any]) -> dict[str, Any]:
        _, variables = self._request(event)
        post_id = variables["id"]
        page = self.db.query(
            TableName=self.table,
            IndexName="GSI1",
            KeyConditionExpression="GSI1PK = :pk",
            ExpressionAttributeValues={":pk": {"S": f"COMMENTS#{post_id}"}},
            Limit=21,
        )
        comments = page["Items"][:20]
        owner = {"authorId": comments[0]["postAuthorId"]}  # each comment names the post's author
        keys = [attributes(post_key(post_id))]
        keys += [attributes(user_key(string(i, "authorId"))) for i in [owner, *comments]]
        authors = self._get_many(keys)
        post = authors[(f"POST#{post_id}", "POST")]

        def author(item: Item) -> dict[str, Any] | None:
            found = authors.get((f"USER#{string(item, 'authorId')}", "PROFILE"))
            if found is None:
                return None
            return {"handle": string(found, "handle"), "displayName": string(found, "displayName")}

        token = None
        if len(page["Items"]) > 20:
            last = comments[-1]
            names = ("PK", "SK", "GSI1PK", "GSI1SK")
            token = self.cursors.encode({k: last[k] for k in names}, f"GSI1:COMMENTS#{post_id}:")
        return respond(
            {
                "post": {
                    "id": post_id,
                    "title": string(post, "title"),
                    "body": string(post, "body"),
                    "likeCount": number(post, "likeCount"),
                    "commentCount": number(post, "commentCount"),
                    "author": author(post),
                    "comments": {
                        "items": [
                            {
                                "id": string(c, "id"),
                                "body": string(c, "body"),
                                "createdAt": string(c, "createdAt"),
                                "author": author(c),
                            }
                            for c in comments
                        ],
                        "nextToken": token,
                    },
                }
            }
        )

    def poll(self, event: dict[str, Any], settle: timedelta) -> dict[str, Any]:
        _, variables = self._request(event)
        scope = f"changes:{ALL_TOPIC}"
        horizon = aws_datetime(utc_now() - settle)
        after = variables.get("after")
        # No cursor yet (bench/load.py's first poll): from now on, in the same one Query.
        position = self.cursors.decode(after, scope)["p"] if after else horizon
        items = log_entries(self.db, self.table, ALL_TOPIC, position, horizon, 25)
        cursor = self.cursors.encode({"p": horizon}, scope)
        return respond(
            {
                "postEvents": {
                    "items": [
                        {"type": string(i, "kind"), "postId": string(i, "postId"), "post": None}
                        for i in items
                    ],
                    "cursor": cursor,
                }
            }
        )
