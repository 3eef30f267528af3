"""What the floor builds by hand: attribute values in, JSON responses out."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient
    from mypy_boto3_dynamodb.type_defs import TransactWriteItemTypeDef

    from store.cursors import CursorCodec

Item = dict[str, Any]


def string(item: Item, name: str) -> str:
    return str(item[name]["S"])


def number(item: Item, name: str) -> int:
    return int(item[name]["N"]) if name in item else 0


def attributes(key: dict[str, str]) -> Item:
    return {k: {"S": v} for k, v in key.items()}


def next_token(cursors: CursorCodec, read: list[Item], limit: int, scope: str) -> str | None:
    """The next page's token of a Query that read one item more than the page (`Limit` + 1)."""
    if len(read) <= limit:
        return None
    last = read[limit - 1]
    return cursors.encode({"PK": last["PK"], "SK": last["SK"]}, scope)


def respond(data: Any) -> dict[str, Any]:
    return {
        "statusCode": 200,
        "headers": {"content-type": "application/json"},
        "body": json.dumps({"data": data}),
        "isBase64Encoded": False,
    }


def get_many(db: DynamoDBClient, table: str, keys: list[Item]) -> dict[tuple[str, str], Item]:
    """The items of `keys` (each once), by (PK, SK): one BatchGetItem per 100 keys."""
    unique = list({(string(k, "PK"), string(k, "SK")): k for k in keys}.values())
    found: dict[tuple[str, str], Item] = {}
    for start in range(0, len(unique), 100):
        chunk = unique[start : start + 100]
        response = db.batch_get_item(RequestItems={table: {"Keys": chunk}})
        found |= {(string(i, "PK"), string(i, "SK")): i for i in response["Responses"][table]}
    return found


def suspended(db: DynamoDBClient, table: str, user: str) -> bool:
    """Whether `user` is suspended: the GetItem every write of ours makes first."""
    from store.safety_keys import suspension_key

    found = db.get_item(TableName=table, Key=attributes(suspension_key(user)), ConsistentRead=True)
    return "Item" in found


def write_counter(table: str, user: str, most: int, seconds: int) -> TransactWriteItemTypeDef:
    """The conditional counter update a limited write carries in its transaction."""
    import time

    from core.limits import WRITES, Rate
    from store.limit_keys import counter_update, window_start

    start = window_start(time.time(), seconds)
    update = counter_update(table, user, Rate(WRITES.name, most, seconds), start)
    return {"Update": update}


def log_entries(
    db: DynamoDBClient, table: str, topic: str, position: str, horizon: str, limit: int
) -> list[Item]:
    """A change-log topic's entries after `position`, up to `horizon`: ONE Query, as the store's.

    `limit` + 2: the entry at the cursor itself (BETWEEN is inclusive), and one to see if more.
    """
    from store.keys import change_partition

    read: list[Item] = db.query(
        TableName=table,
        KeyConditionExpression="PK = :pk AND SK BETWEEN :after AND :horizon",
        ExpressionAttributeValues={
            ":pk": {"S": change_partition(topic)},
            ":after": {"S": position},
            ":horizon": {"S": horizon},
        },
        ConsistentRead=True,
        Limit=limit + 2,
    )["Items"]
    return [i for i in read if string(i, "SK") != position]


def feed_items(db: DynamoDBClient, table: str, owner: str, limit: int) -> list[Item]:
    """The newest `limit` + 1 entries of the owner's home feed (one more says a page follows)."""
    from store.keys import feed_partition

    items: list[Item] = db.query(
        TableName=table,
        KeyConditionExpression="PK = :pk",
        ExpressionAttributeValues={":pk": {"S": feed_partition(owner)}},
        ScanIndexForward=False,
        Limit=limit + 1,
    )["Items"]
    return items
