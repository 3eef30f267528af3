"""The table as every repository reaches it: clients, name, cursor codec and clock, once."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from store.codecs import attribute_values
from store.errors import translated_errors
from store.pages import query_page

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping
    from datetime import datetime

    from mypy_boto3_dynamodb import DynamoDBClient

    from core.models import Page
    from store.cursors import CursorCodec
    from store.items import Item
    from store.keys import Key
    from store.meters import Meter

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Table:
    """Built once per store (Store.connect); shared by its repositories."""

    client: DynamoDBClient
    name: str
    cursors: CursorCodec
    #: Where change-log stamps come from; tests inject skew here.
    clock: Callable[[], datetime]
    #: Sends the writes that log change events (store/clients.py says why they have a client
    #: of their own).
    change_writes: DynamoDBClient
    #: The per-person write limits' counters, for writes to add to their transactions.
    meter: Meter


#: The conditions of a write that must not clobber, and of one that must find its item.
NEW = "attribute_not_exists(PK)"
OLD = "attribute_exists(PK)"


class Repository:
    """A repository of one kind of item; its I/O goes through these attributes only."""

    def __init__(self, table: Table) -> None:
        self._client = table.client
        self._table = table.name
        self._cursors = table.cursors
        self._clock = table.clock
        self._writes = table.change_writes
        #: `self._charge(viewer)` (or `media=True`) is what a write passes to `transact`/`commit`.
        self._charge = table.meter.charge

    def _get(self, key: Key, *, consistent: bool = False) -> Item | None:
        with translated_errors():
            response = self._client.get_item(
                TableName=self._table, Key=attribute_values(key), ConsistentRead=consistent
            )
        return response.get("Item")

    def _query_page(
        self,
        partition: str,
        limit: int,
        after: str | None,
        decode: Callable[[Mapping[str, Any]], T],
        **options: Any,
    ) -> Page[T]:
        """One page of a partition, of the table or of `index=`; see `store.pages.query_page`."""
        return query_page(
            self._client,
            self._table,
            self._cursors,
            partition=partition,
            limit=limit,
            after=after,
            decode=decode,
            **options,
        )

    def _put_new(self, item: Item) -> dict[str, Any]:
        """A transaction item writing `item`, refused if its key exists."""
        put = {"TableName": self._table, "Item": item, "ConditionExpression": NEW}
        return {"Put": put}

    def _delete_existing(self, key: Key) -> dict[str, Any]:
        """A transaction item deleting the item at `key`, refused if there is none."""
        delete = {
            "TableName": self._table,
            "Key": attribute_values(key),
            "ConditionExpression": OLD,
        }
        return {"Delete": delete}
