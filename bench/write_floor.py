"""The floor's writes: createPost and likePost by hand with plain boto3, making the calls ours
makes (the suspension GetItem, the post's author for the block checks, the write-limit counter
and a request token in the transaction)."""

from __future__ import annotations

import json
import os
import uuid
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from bench.plain import (
    Item,
    attributes,
    get_many,
    number,
    respond,
    string,
    suspended,
    write_counter,
)
from core.clock import aws_datetime, utc_now
from core.ids import new_id
from store.keys import change_key, like_key, post_index_keys, post_key, post_topics
from store.owner_keys import owned_index_keys
from store.safety_keys import block_key
from store.table import TTL_ATTRIBUTE

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient
    from mypy_boto3_dynamodb.type_defs import TransactWriteItemTypeDef


class WriteFloor:
    def __init__(self, dynamodb: DynamoDBClient, table: str) -> None:
        self.db = dynamodb
        self.table = table
        most, seconds = os.environ.get("RATE_LIMIT_WRITES", "1000000/300").split("/")
        self.writes = (int(most), int(seconds))

    def _get_many(self, keys: list[Item]) -> dict[tuple[str, str], Item]:
        return get_many(self.db, self.table, keys)

    @staticmethod
    def _request(event: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        viewer = event["requestContext"]["authorizer"]["jwt"]["claims"]["sub"]
        variables: dict[str, Any] = json.loads(event["body"]).get("variables") or {}
        return viewer, variables

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
