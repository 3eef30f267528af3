"""The account-deletion read's row: ours beside the same GetItem in plain boto3."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bench import fixture
from bench.measure import Row
from bench.plain import attributes, number, respond, string
from store.owner_keys import deletion_key

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

ACCOUNT_DELETION = "query Deletion { accountDeletion { status removedItems startedAt } }"


def account_deletion_row(db: DynamoDBClient, table: str) -> Row:
    def floor(event: dict[str, Any]) -> dict[str, Any]:
        viewer = event["requestContext"]["authorizer"]["jwt"]["claims"]["sub"]
        found = db.get_item(
            TableName=table, Key=attributes(deletion_key(viewer)), ConsistentRead=True
        ).get("Item")
        if found is None:
            return respond({"accountDeletion": None})
        deletion = {
            "status": string(found, "status"),
            "removedItems": number(found, "removed"),
            "startedAt": string(found, "startedAt"),
        }
        return respond({"accountDeletion": deletion})

    return Row(
        "account deletion state",
        lambda: iter(lambda: fixture.api_event(ACCOUNT_DELETION), None),
        floor,
        "exactly 1 GetItem (the deletion record)",
        1,
    )
