"""One Query page with a sealed cursor, for the table or any index."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from core.models import Page
from store.errors import translated_errors
from store.table import INDEXES

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

    from store.cursors import CursorCodec

T = TypeVar("T")


def page_scope(index: str | None, partition: str, sort_prefix: str | None) -> str:
    """What a cursor is bound to: a cursor from one query is refused by any other."""
    return f"{index or 'table'}:{partition}:{sort_prefix or ''}"


def query_page(
    client: DynamoDBClient,
    table: str,
    cursors: CursorCodec,
    *,
    partition: str,
    limit: int,
    after: str | None,
    decode: Callable[[Mapping[str, Any]], T],
    index: str | None = None,
    sort_prefix: str | None = None,
    newest_first: bool = True,
) -> Page[T]:
    """A page of `limit` items; the token is bound to this exact query (index, partition, prefix).

    One extra item is read so the last page carries no token (no empty trailing page).
    """
    pk_name, sk_name = INDEXES[index] if index else ("PK", "SK")
    scope = page_scope(index, partition, sort_prefix)
    condition = "#pk = :pk"
    names = {"#pk": pk_name}
    values: dict[str, Any] = {":pk": {"S": partition}}
    if sort_prefix is not None:
        condition += " AND begins_with(#sk, :prefix)"
        names["#sk"] = sk_name
        values[":prefix"] = {"S": sort_prefix}
    query: dict[str, Any] = {
        "TableName": table,
        "KeyConditionExpression": condition,
        "ExpressionAttributeNames": names,
        "ExpressionAttributeValues": values,
        "ScanIndexForward": not newest_first,
        "Limit": limit + 1,
    }
    if index:
        query["IndexName"] = index
    if after is not None:
        query["ExclusiveStartKey"] = cursors.decode(after, scope)
    with translated_errors():
        response = client.query(**query)
    items = response.get("Items", [])
    next_token = None
    if len(items) > limit:
        items = items[:limit]
        next_token = cursors.encode(
            {name: items[-1][name] for name in {"PK", "SK", pk_name, sk_name}}, scope
        )
    return Page(items=[decode(item) for item in items], next_token=next_token)
