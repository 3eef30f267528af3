"""Batches resend only what DynamoDB left unprocessed (writes) or unread (keys)."""

from __future__ import annotations

from typing import Any

import boto3
import pytest
from botocore.stub import Stubber

from core.errors import Throttled
from store import batch
from store.batch import batch_get, batch_write


def item(n: int) -> dict[str, Any]:
    return {"PK": {"S": f"P#{n}"}, "SK": {"S": "S"}}


@pytest.fixture
def stubbed(monkeypatch: pytest.MonkeyPatch) -> tuple[Any, Stubber]:
    monkeypatch.setattr(batch, "backoff", lambda attempt: batch_backoff_limit(attempt))
    client = boto3.client(
        "dynamodb", region_name="us-east-1", aws_access_key_id="x", aws_secret_access_key="x"
    )
    return client, Stubber(client)


def batch_backoff_limit(attempt: int) -> None:
    """The real limit without the real sleep."""
    if attempt > batch.MAX_UNPROCESSED_RETRIES:
        raise Throttled("The database is busy; retry with backoff")


def test_a_batch_write_resends_only_its_unprocessed_items(stubbed: tuple[Any, Stubber]) -> None:
    client, stub = stubbed
    puts = [item(n) for n in range(5)]
    # Given DynamoDB writes three of five and hands two back
    left = [{"PutRequest": {"Item": puts[1]}}, {"PutRequest": {"Item": puts[4]}}]
    stub.add_response(
        "batch_write_item",
        {"UnprocessedItems": {"t": left}},
        {"RequestItems": {"t": [{"PutRequest": {"Item": p}} for p in puts]}},
    )
    # Then the retry sends exactly those two
    stub.add_response("batch_write_item", {"UnprocessedItems": {}}, {"RequestItems": {"t": left}})
    with stub:
        assert batch_write(client, "t", puts=puts) == 2
    stub.assert_no_pending_responses()


def test_unprocessed_items_that_never_drain_end_in_throttled(
    stubbed: tuple[Any, Stubber],
) -> None:
    client, stub = stubbed
    left = [{"PutRequest": {"Item": item(0)}}]
    for _ in range(batch.MAX_UNPROCESSED_RETRIES + 1):
        stub.add_response("batch_write_item", {"UnprocessedItems": {"t": left}})
    with stub, pytest.raises(Throttled):
        batch_write(client, "t", puts=[item(0)])


def test_a_batch_get_asks_again_only_for_unprocessed_keys(stubbed: tuple[Any, Stubber]) -> None:
    client, stub = stubbed
    keys = [item(n) for n in range(3)]
    stub.add_response(
        "batch_get_item",
        {
            "Responses": {"t": [keys[0], keys[2]]},
            "UnprocessedKeys": {"t": {"Keys": [keys[1]], "ConsistentRead": False}},
        },
    )
    stub.add_response(
        "batch_get_item",
        {"Responses": {"t": [keys[1]]}},
        {"RequestItems": {"t": {"Keys": [keys[1]], "ConsistentRead": False}}},
    )
    with stub:
        assert sorted(i["PK"]["S"] for i in batch_get(client, "t", keys)) == ["P#0", "P#1", "P#2"]
