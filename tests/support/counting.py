"""Counts DynamoDB requests through botocore's event hooks."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient


class RequestCounter:
    def __init__(self, client: DynamoDBClient) -> None:
        self.calls: Counter[str] = Counter()
        self._client = client
        # before-send fires once per HTTP attempt, so retries count too.
        client.meta.events.register("before-send.dynamodb", self._count)

    def _count(self, request: Any, **_: Any) -> None:
        target = request.headers.get("X-Amz-Target", b"")
        if isinstance(target, bytes):
            target = target.decode()
        self.calls[target.rpartition(".")[2]] += 1

    @property
    def total(self) -> int:
        return sum(self.calls.values())

    def reset(self) -> None:
        self.calls.clear()

    def close(self) -> None:
        self._client.meta.events.unregister("before-send.dynamodb", self._count)
