"""BatchGetItem and BatchWriteItem in their size limits, retrying only what was unprocessed."""

from __future__ import annotations

import contextvars
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from itertools import chain, islice
from typing import TYPE_CHECKING, Any, TypeVar

from core.errors import Throttled
from store.errors import translated_errors
from store.items import Item

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

A = TypeVar("A")
R = TypeVar("R")

#: DynamoDB's hard limits per request.
BATCH_GET_LIMIT = 100
BATCH_WRITE_LIMIT = 25
MAX_UNPROCESSED_RETRIES = 6
#: Batch requests one process sends side by side (reads of big pages, fan-out writes).
PARALLEL_REQUESTS = 8


def backoff(attempt: int) -> None:
    """Pause before resending unprocessed items; past the limit, the caller is told THROTTLED."""
    if attempt > MAX_UNPROCESSED_RETRIES:
        raise Throttled("The database is busy; retry with backoff")
    time.sleep(min(0.05 * 2**attempt, 1.0))


def batch_get(
    client: DynamoDBClient, table: str, keys: Sequence[Item], *, consistent: bool = False
) -> list[Item]:
    """Items for the keys that exist, in no particular order; one request per 100 keys, sent
    side by side, so any number of keys costs one round trip (plus retries of unprocessed)."""
    chunks = [list(keys[s : s + BATCH_GET_LIMIT]) for s in range(0, len(keys), BATCH_GET_LIMIT)]
    if len(chunks) <= 1:
        return [item for chunk in chunks for item in _get_chunk(client, table, chunk, consistent)]
    found = side_by_side(lambda chunk: _get_chunk(client, table, chunk, consistent), chunks)
    return [item for items in found for item in items]


def side_by_side(call: Callable[[A], R], arguments: Sequence[A]) -> list[R]:
    """`call` for each argument, the requests in flight together: one round trip, not many."""
    if len(arguments) <= 1:
        return [call(a) for a in arguments]
    return in_threads(_pool(), call, arguments)


def in_threads(pool: ThreadPoolExecutor, call: Callable[[A], R], arguments: Sequence[A]) -> list[R]:
    """`call` for each argument on the pool's threads, each in a copy of this context, so the
    request's metering and log fields (context variables) follow the calls."""
    futures = [pool.submit(contextvars.copy_context().run, call, a) for a in arguments]
    return [future.result() for future in futures]


def _get_chunk(
    client: DynamoDBClient, table: str, chunk: list[Item], consistent: bool
) -> list[Item]:
    items: list[Item] = []
    request: dict[str, Any] = {table: {"Keys": chunk, "ConsistentRead": consistent}}
    attempt = 0
    while request:
        with translated_errors():
            response = client.batch_get_item(RequestItems=request)
        items.extend(response.get("Responses", {}).get(table, []))
        request = dict(response.get("UnprocessedKeys") or {})
        if request:
            attempt += 1
            backoff(attempt)
    return items


@cache
def _pool() -> ThreadPoolExecutor:
    """Threads for requests sent side by side, made on first use, once per process (boto3
    clients are thread-safe; the threads hold no request state)."""
    return ThreadPoolExecutor(max_workers=PARALLEL_REQUESTS, thread_name_prefix="batch")


def batch_write(
    client: DynamoDBClient, table: str, puts: Iterable[Item] = (), deletes: Iterable[Item] = ()
) -> int:
    """Write in requests of 25, consuming the iterables lazily; returns the requests made."""
    writes = chain(
        ({"PutRequest": {"Item": item}} for item in puts),
        ({"DeleteRequest": {"Key": key}} for key in deletes),
    )
    requests = 0
    while chunk := list(islice(writes, BATCH_WRITE_LIMIT)):
        pending: dict[str, Any] = {table: chunk}
        attempt = 0
        while pending:
            with translated_errors():
                response = client.batch_write_item(RequestItems=pending)
            requests += 1
            pending = dict(response.get("UnprocessedItems") or {})
            if pending:
                attempt += 1
                backoff(attempt)
    return requests


def delete_queried(client: DynamoDBClient, table: str, query: dict[str, Any]) -> int:
    """Delete every item a Query finds, page by page; returns how many were deleted."""
    query = {**query, "TableName": table, "ProjectionExpression": "PK, SK"}
    removed = 0
    while True:
        with translated_errors():
            response = client.query(**query)
        keys = response.get("Items", [])
        batch_write(client, table, deletes=keys)
        removed += len(keys)
        if "LastEvaluatedKey" not in response:
            return removed
        query["ExclusiveStartKey"] = response["LastEvaluatedKey"]
