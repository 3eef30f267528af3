"""What one request cost in DynamoDB: requests and consumed capacity, through botocore hooks."""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient


@dataclass
class Usage:
    requests: int = 0
    capacity: float = 0.0


#: The usage of the request being served; None outside requests (then nothing is counted).
current_usage: ContextVar[Usage | None] = ContextVar("dynamodb_usage", default=None)


def _ask_for_capacity(params: dict[str, Any], model: Any, **_: Any) -> None:
    if "ReturnConsumedCapacity" in model.input_shape.members:
        params.setdefault("ReturnConsumedCapacity", "TOTAL")


def _count(parsed: dict[str, Any], **_: Any) -> None:
    usage = current_usage.get()
    if usage is None:
        return
    usage.requests += 1
    consumed = parsed.get("ConsumedCapacity")
    for entry in consumed if isinstance(consumed, list) else [consumed] if consumed else []:
        usage.capacity += float(entry.get("CapacityUnits", 0))


def metered(client: DynamoDBClient) -> DynamoDBClient:
    """The client, counting each call (once, however often botocore retried it) into the usage."""
    client.meta.events.register("provide-client-params.dynamodb", _ask_for_capacity)
    client.meta.events.register("after-call.dynamodb", _count)
    return client
