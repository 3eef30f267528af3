"""Pure keys and updates of the per-person write counters (docs/LIMITS.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from store.codecs import attribute_values
from store.keys import Key
from store.table import TTL_ATTRIBUTE

if TYPE_CHECKING:
    from mypy_boto3_dynamodb.type_defs import UpdateTypeDef

    from core.limits import Rate

LIMIT_PARTITION_PREFIX = "LIMIT#"


def limit_partition(user_id: str) -> str:
    return f"{LIMIT_PARTITION_PREFIX}{user_id}"


def window_start(now: float, seconds: int) -> int:
    """The start of the fixed window holding `now`, in whole seconds since the epoch."""
    return int(now) // seconds * seconds


def counter_key(user_id: str, rate: str, start: int) -> Key:
    """One person's counter of one rate in the window starting at `start`."""
    return {"PK": limit_partition(user_id), "SK": f"{rate}#{start:011d}"}


def counter_update(table: str, user_id: str, rate: Rate, start: int) -> UpdateTypeDef:
    """The conditional `Update` that counts one write in its window, refused at the limit.

    The item expires an hour after its window ends (TTL), so windows leave nothing behind.
    """
    return {
        "TableName": table,
        "Key": attribute_values(counter_key(user_id, rate.name, start)),
        "UpdateExpression": "ADD #n :one SET #ttl = if_not_exists(#ttl, :ttl), #type = :type",
        "ConditionExpression": "attribute_not_exists(#n) OR #n < :most",
        "ExpressionAttributeNames": {"#n": "n", "#ttl": TTL_ATTRIBUTE, "#type": "type"},
        "ExpressionAttributeValues": {
            ":one": {"N": "1"},
            ":most": {"N": str(rate.most)},
            ":ttl": {"N": str(start + rate.seconds + 3600)},
            ":type": {"S": "RateCounter"},
        },
    }
