"""Seeding many blocks at once, for tests and benchmarks that read as a heavily-blocking viewer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.clock import now_iso
from store.batch import batch_write
from store.blocks import relation_item
from store.codecs import attribute_values
from store.safety_keys import block_index_keys, block_key, visibility_key

if TYPE_CHECKING:
    from collections.abc import Sequence

    from mypy_boto3_dynamodb import DynamoDBClient


def seed_blocks(client: DynamoDBClient, table: str, blocker: str, blocked: Sequence[str]) -> None:
    """The items `BlockRepository.block` writes for people without follows, in bulk.

    Blocking one by one costs a transaction each on a growing item (minutes for a thousand on
    DynamoDB Local); this writes the same block items and visibility sets in a few requests.
    """
    created = now_iso()
    batch_write(
        client,
        table,
        puts=(
            relation_item(
                block_key(blocker, b), block_index_keys(blocker, b, created), "Block", blocker, b
            )
            for b in blocked
        ),
    )
    for start in range(0, len(blocked), 500):
        client.update_item(
            TableName=table,
            Key=attribute_values(visibility_key(blocker)),
            UpdateExpression="ADD blocks :members",
            ExpressionAttributeValues={":members": {"SS": list(blocked[start : start + 500])}},
        )
    batch_write(
        client,
        table,
        puts=(
            {**attribute_values(visibility_key(b)), "blockedBy": {"SS": [blocker]}} for b in blocked
        ),
    )
