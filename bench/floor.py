"""The floor: each benchmarked operation written by hand with plain boto3, no GraphQL.

Each function takes the same API Gateway event as `handler.handler`, makes the same DynamoDB
calls (the benchmark checks the counts match), and returns the same JSON response. It is what a
GraphQL layer could at best add nothing to: anything ours spends above it is the price of
Strawberry, Mangum, Starlette, validation and the resolver layers.
"""

from __future__ import annotations

import json
import os
import uuid
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from bench.plain import (
    Item,
    attributes,
    feed_items,
    get_many,
    number,
    respond,
    string,
    suspended,
    write_counter,
)
from core.clock import aws_datetime, utc_now
from core.ids import new_id
from store.cursors import CursorCodec
from store.keys import (
    ALL_TOPIC,
    change_key,
    change_partition,
    feed_partition,
    like_key,
    post_index_keys,
    post_key,
    post_topics,
    user_key,
)
from store.owner_keys import owned_index_keys
from store.safety_keys import block_key
from store.table import TTL_ATTRIBUTE

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient
    from mypy_boto3_dynamodb.type_defs import TransactWriteItemTypeDef


class Floor:
    def __init__(self, dynamodb: DynamoDBClient, table: str, secret: bytes) -> None:
        self.db = dynamodb
        self.table = table
        self.cursors = CursorCodec(secret)
        most, seconds = os.environ.get("RATE_LIMIT_WRITES", "1000000/300").split("/")
        self.writes = (int(most), int(seconds))

    @staticmethod
    def _request(event: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        viewer = event["requestContext"]["authorizer"]["jwt"]["claims"]["sub"]
        variables: dict[str, Any] = json.loads(event["body"]).get("variables") or {}
        return viewer, variables

    def _get_many(self, keys: list[Item]) -> dict[tuple[str, str], Item]:
        return get_many(self.db, self.table, keys)

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
        token = None
        if len(page["Items"]) > limit:
            last = entries[-1]
            token = self.cursors.encode(
                {"PK": last["PK"], "SK": last["SK"]}, f"table:{feed_partition(viewer)}:"
            )
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

    def _counter(self, viewer: str) -> TransactWriteItemTypeDef:
        return write_counter(self.table, viewer, *self.writes)

    def create_post(self, event: dict[str, Any]) -> dict[str, Any]:
        viewer, variables = self._request(event)
        if suspended(self.db, self.table, viewer):
            return respond(None)
        fields = variables["i"]
        stamp = aws_datetime(utc_now())
        post_id, event_id = new_id(), new_id()
        expires = str(int((utc_now() + timedelta(hours=24)).timestamp()))
        post = {
            **attributes(post_key(post_id)),
            **attributes(post_index_keys(post_id, viewer, fields["category"], stamp)),
            "type": {"S": "Post"},
            "id": {"S": post_id},
            "authorId": {"S": viewer},
            "title": {"S": fields["title"]},
            "body": {"S": fields.get("body", "")},
            "category": {"S": fields["category"]},
            "createdAt": {"S": stamp},
            "updatedAt": {"S": stamp},
            "changedAt": {"S": stamp},
            "version": {"N": "1"},
            "likeCount": {"N": "0"},
            "commentCount": {"N": "0"},
            "repostCount": {"N": "0"},
            "media": {"L": []},
        }
        changes = [
            {
                **attributes(change_key(topic, stamp, event_id)),
                "type": {"S": "Change"},
                "topic": {"S": topic},
                "eventId": {"S": event_id},
                "kind": {"S": "POST_CREATED"},
                "postId": {"S": post_id},
                "authorId": {"S": viewer},
                "at": {"S": stamp},
                TTL_ATTRIBUTE: {"N": expires},
            }
            for topic in post_topics(viewer, fields["category"])
        ]
        puts: list[TransactWriteItemTypeDef] = [
            {
                "Put": {
                    "TableName": self.table,
                    "Item": item,
                    "ConditionExpression": "attribute_not_exists(PK)",
                }
            }
            for item in [post, *changes]
        ]
        self.db.transact_write_items(
            TransactItems=[*puts, self._counter(viewer)],
            ClientRequestToken=str(uuid.uuid4()),
        )
        return respond(
            {
                "createPost": {
                    "id": post_id,
                    "title": fields["title"],
                    "category": fields["category"],
                    "version": 1,
                    "createdAt": stamp,
                }
            }
        )

    def like_post(self, event: dict[str, Any]) -> dict[str, Any]:
        viewer, variables = self._request(event)
        post_id = variables["id"]
        if suspended(self.db, self.table, viewer):
            return respond(None)
        # Its author, for the block checks that ride the transaction.
        author = string(
            self.db.get_item(
                TableName=self.table, Key=attributes(post_key(post_id)), ConsistentRead=True
            )["Item"],
            "authorId",
        )
        blocks: list[TransactWriteItemTypeDef] = [
            {
                "ConditionCheck": {
                    "TableName": self.table,
                    "Key": attributes(block_key(one, other)),
                    "ConditionExpression": "attribute_not_exists(PK)",
                }
            }
            for one, other in ((viewer, author), (author, viewer))
        ]
        stamp = aws_datetime(utc_now())
        self.db.transact_write_items(
            TransactItems=[
                {
                    "Put": {
                        "TableName": self.table,
                        "Item": {
                            **attributes(like_key(post_id, viewer)),
                            **attributes(owned_index_keys("like", viewer, f"{stamp}#{post_id}")),
                            "type": {"S": "Like"},
                            "postId": {"S": post_id},
                            "userId": {"S": viewer},
                            "createdAt": {"S": stamp},
                        },
                        "ConditionExpression": "attribute_not_exists(PK)",
                    }
                },
                {
                    "Update": {
                        "TableName": self.table,
                        "Key": attributes(post_key(post_id)),
                        "UpdateExpression": "ADD likeCount :one",
                        "ConditionExpression": "attribute_exists(PK)",
                        "ExpressionAttributeValues": {":one": {"N": "1"}},
                    }
                },
                *blocks,
                self._counter(viewer),
            ],
            ClientRequestToken=str(uuid.uuid4()),
        )
        post = self.db.get_item(
            TableName=self.table, Key=attributes(post_key(post_id)), ConsistentRead=True
        )["Item"]
        liked = self._get_many([attributes(like_key(post_id, viewer))])
        return respond(
            {
                "likePost": {
                    "id": post_id,
                    "likeCount": number(post, "likeCount"),
                    "viewerHasLiked": bool(liked),
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
        page = self.db.query(
            TableName=self.table,
            KeyConditionExpression="PK = :pk AND SK BETWEEN :after AND :horizon",
            ExpressionAttributeValues={
                ":pk": {"S": change_partition(ALL_TOPIC)},
                ":after": {"S": position},
                ":horizon": {"S": horizon},
            },
            ConsistentRead=True,
            Limit=27,
        )
        items = [i for i in page["Items"] if string(i, "SK") != position]
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
