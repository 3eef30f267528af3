"""Client request tokens: a retried create returns what the first try made, not a second post."""

from __future__ import annotations

import hashlib
import time
from typing import TYPE_CHECKING, Any

from core.errors import RequestTokenReused
from store.codecs import attribute_values
from store.errors import translated_errors
from store.keys import request_token_key
from store.owner_keys import owned_index_keys
from store.table import TTL_ATTRIBUTE

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

#: How long a client request token keeps answering with the post it created.
REQUEST_TOKEN_TTL_SECONDS = 24 * 3600


def request_fingerprint(*parts: str) -> str:
    """What the request asked for, so a token reused for something else is told apart."""
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def token_record(
    table: str, author_id: str, request_token: str, post_id: str, fingerprint: str
) -> dict[str, Any]:
    """A transaction Put remembering which post the token created; fails if the token is used."""
    return {
        "TableName": table,
        "Item": {
            **attribute_values(request_token_key(author_id, request_token)),
            **attribute_values(owned_index_keys("token", author_id, request_token)),
            "postId": {"S": post_id},
            "fingerprint": {"S": fingerprint},
            TTL_ATTRIBUTE: {"N": str(int(time.time()) + REQUEST_TOKEN_TTL_SECONDS)},
        },
        "ConditionExpression": "attribute_not_exists(PK)",
    }


def replayed_post_id(
    client: DynamoDBClient, table: str, author_id: str, request_token: str, fingerprint: str
) -> str:
    """The post an earlier request with this token created, if it asked for the same thing."""
    with translated_errors():
        record = client.get_item(
            TableName=table,
            Key=attribute_values(request_token_key(author_id, request_token)),
            ConsistentRead=True,
        ).get("Item")
    if record is None or record["fingerprint"]["S"] != fingerprint:
        raise RequestTokenReused()
    post_id: str = record["postId"]["S"]
    return post_id
