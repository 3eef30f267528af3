"""TransactWriteItems whose cancellation says which item's condition failed."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from botocore.exceptions import ClientError

from core.errors import RateLimited, Throttled
from store.errors import THROTTLING_CODES, error_code, translated_errors
from store.meters import NO_CHARGE, Charge

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

#: Concurrent transactions on one item (a popular post's like count) cancel each other with
#: TransactionConflict; boto3 does not retry those, so we do, with jitter, before giving up.
MAX_CONFLICT_RETRIES = 8
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Planned(Generic[T]):
    """A transaction's items, and what it makes if it commits."""

    result: T
    items: list[dict[str, Any]]


class TransactionCancelled(Exception):
    def __init__(
        self, reasons: list[str], old_items: list[dict[str, Any] | None], planned: object = None
    ) -> None:
        super().__init__(f"transaction cancelled: {reasons}")
        #: One code per transaction item, in order ("None" where that item was fine).
        self.reasons = reasons
        #: Per item, what it held when its condition failed (ReturnValuesOnConditionCheckFailure).
        self.old_items = old_items
        #: What the cancelled attempt would have made (`commit`'s planned result).
        self.planned = planned

    def failed(self, index: int) -> bool:
        return len(self.reasons) > index and self.reasons[index] == "ConditionalCheckFailed"


def transact(
    client: DynamoDBClient,
    items: list[dict[str, Any]] | Callable[[], list[dict[str, Any]]],
    charge: Charge = NO_CHARGE,
) -> None:
    """Run the transaction; a cancellation by conditions becomes TransactionCancelled.

    `items` may be a function building them, called per attempt, so that a transaction
    carrying change-log entries is stamped afresh when a conflict makes it wait.
    `charge` (store/meters.py) adds the writer's limit counters to the same transaction: over a
    limit, RateLimited and nothing written. Indexes in TransactionCancelled are those of `items`.
    Call inside `translated_errors()`, which handles throttling and unreachable endpoints.
    """
    if callable(items):
        build = items
        commit(client, lambda: Planned(None, build()), charge)
    else:
        _run(client, lambda: Planned(None, items), charge, rebuilt=False)


def transact_guarded(
    client: DynamoDBClient,
    items: list[dict[str, Any]] | Callable[[], list[dict[str, Any]]],
    charge: Charge = NO_CHARGE,
) -> bool:
    """`transact` whose first item is a guard: False when that item's condition failed."""
    with translated_errors():
        try:
            transact(client, items, charge)
        except TransactionCancelled as exc:
            if exc.failed(0):
                return False
            raise
    return True


def commit(client: DynamoDBClient, plan: Callable[[], Planned[T]], charge: Charge = NO_CHARGE) -> T:
    """`transact` for a transaction that makes something (a post, a comment): `plan` builds
    the items and that value afresh per attempt, and the committed attempt's value is returned."""
    return _run(client, plan, charge, rebuilt=True)


def _run(
    client: DynamoDBClient, plan: Callable[[], Planned[T]], charge: Charge, *, rebuilt: bool
) -> T:
    for attempt in range(MAX_CONFLICT_RETRIES + 1):
        planned = plan()
        try:
            items = [*planned.items, *charge.items]
            client.transact_write_items(TransactItems=items)  # type: ignore[arg-type]
            return planned.result
        except ClientError as exc:
            code = error_code(exc)
            if rebuilt and code in THROTTLING_CODES and attempt < MAX_CONFLICT_RETRIES:
                # Not applied, so safe to send again, restamped, after a pause.
                time.sleep(random.uniform(0, min(0.05 * 2**attempt, 1.0)))  # noqa: S311
                continue
            if code != "TransactionCanceledException":
                raise
            cancellations = exc.response.get("CancellationReasons", [])
            every = [r.get("Code", "None") for r in cancellations]
            _refuse_over_limit(charge, every[len(planned.items) :], exc)
            cancellations = cancellations[: len(planned.items)]
            reasons = every[: len(planned.items)]
            if "ConditionalCheckFailed" in reasons:
                old: list[dict[str, Any] | None] = [
                    dict(r["Item"]) if "Item" in r else None for r in cancellations
                ]
                raise TransactionCancelled(reasons, old, planned.result) from exc
            if "TransactionConflict" not in every:
                raise
        time.sleep(random.uniform(0, min(0.02 * 2**attempt, 0.5)))  # noqa: S311 (jitter)
    raise Throttled("Too many concurrent changes to the same item; retry")


def _refuse_over_limit(charge: Charge, reasons: list[str], exc: ClientError) -> None:
    """A counter's condition failed: the writer is over that limit (ahead of any other cause)."""
    for counted, reason in zip(charge.counters, reasons, strict=False):
        if reason == "ConditionalCheckFailed":
            raise RateLimited(counted.rate.name, counted.retry_after) from exc


def counter_change(table: str, key: dict[str, Any], attribute: str, delta: int) -> dict[str, Any]:
    """A transaction item moving a counter on an item that must exist."""
    return {
        "Update": {
            "TableName": table,
            "Key": key,
            "UpdateExpression": f"ADD {attribute} :delta",
            "ConditionExpression": "attribute_exists(PK)",
            "ExpressionAttributeValues": {":delta": {"N": str(delta)}},
        }
    }
